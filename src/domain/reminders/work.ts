// What waits for each staff member, one rule for the sidebar's My work and the daily digest's counts.

/** A customer record as My work sees it: its state (list key) and who entered it. */
export interface WorkEntry {
  recordState: string;
  enteredBy: string;
}

type WorkList = 'pending' | 'returned' | 'toReview';

/** The record states (list keys) of the entries My work lists: everything else is never read for it. */
export const WORK_STATES: readonly string[] = ['pendingReview', 'returned'];

export interface WorkCounts {
  /** Entries the person made that wait for a manager. */
  pending: number;
  /** Entries the person made that a manager returned. */
  returned: number;
  /** Pending change requests they see: their customers', or every one for a manager (managers decide them). */
  changeRequests: number;
  /** A manager's: entries by others waiting for review. */
  toReview: number;
}

const same = (a: string, me: string) => a.trim().toLowerCase() === me;

/** Which of `me`'s lists an entry is on: their own entries pending or returned; for a manager, others' pending ones. */
export function workList(entry: WorkEntry, me: string, manager: boolean): WorkList | null {
  const mine = same(entry.enteredBy, me);
  if (entry.recordState === 'returned') return mine ? 'returned' : null;
  if (entry.recordState !== 'pendingReview') return null;
  if (mine) return 'pending';
  return manager ? 'toReview' : null;
}

/** Whether a pending change request is `me`'s to see: managers decide them all; the rest see their customers'. */
export function seesChangeRequest(owner: string, me: string, manager: boolean): boolean {
  return manager || same(owner, me);
}

/** `me`'s counts over the entries and the owners of the customers with a pending request (one per request). */
export function workCounts(
  entries: readonly WorkEntry[],
  requestOwners: readonly string[],
  me: string,
  manager: boolean,
): WorkCounts {
  const counts: WorkCounts = { pending: 0, returned: 0, changeRequests: 0, toReview: 0 };
  for (const entry of entries) {
    const list = workList(entry, me, manager);
    if (list) counts[list]++;
  }
  counts.changeRequests = requestOwners.filter((owner) => seesChangeRequest(owner, me, manager)).length;
  return counts;
}

export const workTotal = (c: WorkCounts) => c.pending + c.returned + c.changeRequests + c.toReview;
