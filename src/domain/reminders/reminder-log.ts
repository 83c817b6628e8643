// What the Reminder log says about a review cycle: sent, unknown (a send that may or may not have happened), failed today.

/** A Reminder log row as the adapter reads it; list values are item keys. */
export interface LogEntry {
  /** 'yyyy-mm-dd hh:mm' (or just the date) in the spreadsheet's time zone. */
  time?: string;
  record: string;
  recipient?: string;
  kind: string;
  cycle: string;
  outcome?: string | null;
  detail?: string;
}

/** A row for the adapter to append; it adds the time. */
export interface LogRow {
  record: string;
  recipient: string;
  kind: 'customerReview' | 'managerDigest';
  cycle: string;
  outcome: string;
  detail: string;
}

/**
 * The outcome the adapter writes, in one batch, before a batch of sends. A run killed before it records
 * the real outcome leaves this (or a blank) behind, which reads as "unknown whether sent".
 */
const SENDING_OUTCOME = 'sending';

/**
 * What the run writes into the customer's own Review cycle before sending, as it writes 'sending' into the
 * log: the row then remembers a send that may have happened even when the log is cleared or edited.
 */
export function sendingMark(cycle: string): string {
  return `${cycle} ${SENDING_OUTCOME}`;
}

type CycleState =
  | { state: 'sent' }
  | { state: 'unknown'; since: string }
  | { state: 'failedToday'; recipient: string; detail: string }
  | { state: 'open' };

function isUnknownOutcome(outcome: string | null | undefined): boolean {
  return outcome === undefined || outcome === null || outcome.trim() === '' || outcome === SENDING_OUTCOME;
}

/** Customer-review entries grouped by record ID, read once so each customer's lookup is a map hit. */
export function indexReviewLog(entries: readonly LogEntry[]): Map<string, LogEntry[]> {
  const byRecord = new Map<string, LogEntry[]>();
  for (const entry of entries) {
    if (entry.kind !== 'customerReview' || !entry.record) continue;
    const list = byRecord.get(entry.record);
    if (list) list.push(entry);
    else byRecord.set(entry.record, [entry]);
  }
  return byRecord;
}

/**
 * Sent beats unknown beats failed: any hint that the email went out blocks another one. A failure only
 * holds back a retry to the same address on the same day, so a fixed address or a passing MailApp
 * error gets another try while a dead address costs one attempt a day. A row still marked as sending is
 * unknown unless the log settles it: a Failed row (an admin's decision after checking the Sent mail)
 * lets it be sent again; no row at all (the log was cleared) never does.
 */
export function cycleState(
  entries: readonly LogEntry[] | undefined,
  cycle: string,
  storedCycle: string,
  today: string,
): CycleState {
  if (storedCycle === cycle) return { state: 'sent' };
  let unknown: LogEntry | null = null;
  let failed: LogEntry | null = null;
  for (const entry of entries ?? []) {
    if (entry.cycle !== cycle) continue;
    if (entry.outcome === 'sent') return { state: 'sent' };
    if (isUnknownOutcome(entry.outcome)) unknown = unknown ?? entry;
    else if (entry.outcome === 'failed' && (entry.time ?? '').slice(0, 10) === today)
      failed = failed ?? entry;
  }
  if (unknown) return { state: 'unknown', since: unknown.time ?? '' };
  if (storedCycle === sendingMark(cycle) && !settled(entries, cycle)) return { state: 'unknown', since: '' };
  if (failed)
    return {
      state: 'failedToday',
      recipient: (failed.recipient ?? '').trim().toLowerCase(),
      detail: failed.detail ?? '',
    };
  return { state: 'open' };
}

/** Whether the log holds an outcome for this cycle other than sent or unknown (a failure, any day). */
function settled(entries: readonly LogEntry[] | undefined, cycle: string): boolean {
  return (entries ?? []).some((e) => e.cycle === cycle && e.outcome === 'failed');
}

/** Owners who already have today's digest, or may have (unknown counts as sent: one per person per day). */
export function digestsAlreadySent(entries: readonly LogEntry[], today: string): Set<string> {
  const done = new Set<string>();
  for (const entry of entries) {
    if (entry.kind !== 'managerDigest' || entry.cycle !== today) continue;
    if (entry.outcome === 'sent' || isUnknownOutcome(entry.outcome))
      done.add((entry.recipient ?? '').trim().toLowerCase());
  }
  return done;
}

/** Keys of skip rows already written, so a customer skipped for the same reason is logged once per cycle. */
export function loggedSkips(entries: readonly LogEntry[]): Set<string> {
  const keys = new Set<string>();
  for (const entry of entries) {
    if (entry.outcome && entry.outcome !== 'sent' && entry.outcome !== 'failed')
      keys.add(skipKey(entry.record, entry.cycle, entry.outcome));
  }
  return keys;
}

export function skipKey(record: string, cycle: string, outcome: string): string {
  return `${record}\u0000${cycle}\u0000${outcome}`;
}
