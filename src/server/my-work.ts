// My work: what waits for the person asking: their entries pending review or returned with the manager's comment, and change requests.
import { workList } from '../domain/reminders/work';
import { recordsHolding } from '../gas/finder';
import { workEntries } from '../gas/reminder-reads';
import { audit, MANAGERS, STAFF } from '../schema';
import type { MyWork, WorkItem } from '../shared/rpc';
import { actions } from './actions';
import { pendingChangeRequests } from './change-requests';
import { authorize, type Context } from './context';
import { parseRequest, requests } from './requests';

/**
 * The last comment a reviewer left on each returned record: the note row of its latest return. Only the
 * Audit rows of those records are read (found by record ID), never the rest of the history.
 */
function returnComments(c: Context, ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!ids.length) return out;
  const keys = ['action', 'record', 'field', 'newValue'];
  for (const r of recordsHolding(c.ss, audit, 'record', ids, keys, c.tz))
    if (r.action === 'return' && r.field === null) out.set(String(r.record ?? ''), String(r.newValue ?? ''));
  return out;
}

export function myWork(arg: unknown): MyWork {
  const c = authorize(STAFF, actions.readRegister);
  parseRequest(requests.myWork, arg ?? {}, c.lang);
  const manager = MANAGERS.includes(c.role);
  // Only the entries waiting for review or returned, found by their state: approved records are never read.
  const rows = workEntries(c.ss, c.tz, ['id', 'name', 'recordState', 'enteredBy']);
  const lists: MyWork = { pending: [], returned: [], changeRequests: [], toReview: 0 };
  for (const r of rows) {
    const list = workList(
      { recordState: String(r.recordState ?? ''), enteredBy: String(r.enteredBy ?? '') },
      c.email,
      manager,
    );
    const item: WorkItem = { id: String(r.id), name: String(r.name ?? ''), comment: '' };
    if (list === 'toReview') lists.toReview++;
    else if (list) lists[list].push(item);
  }
  const comments = returnComments(
    c,
    lists.returned.map((r) => r.id),
  );
  for (const r of lists.returned) r.comment = comments.get(r.id) ?? '';
  lists.changeRequests = pendingChangeRequests(c);
  return lists;
}
