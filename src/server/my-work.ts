// My work: what waits for the person asking: their entries pending review or returned with the manager's comment, and change requests.
import { rowsFromColumns } from '../gas/records';
import { readColumns } from '../gas/table';
import { audit, customer, MANAGERS, STAFF } from '../schema';
import type { MyWork, WorkItem } from '../shared/rpc';
import { actions } from './actions';
import { pendingChangeRequests } from './change-requests';
import { authorize, type Context } from './context';
import { parseRequest, requests } from './requests';

const KEYS = ['id', 'name', 'recordState', 'enteredBy', 'owner'] as const;

/** The last comment a reviewer left on each returned record: the note row of its latest return. */
function returnComments(c: Context, ids: ReadonlySet<string>): Map<string, string> {
  const keys = ['action', 'record', 'field', 'newValue'];
  const { count, values } = readColumns(c.ss, audit.sheetName, keys, 1);
  const out = new Map<string, string>();
  for (const r of rowsFromColumns(audit, keys, values, count, c.tz)) {
    const id = String(r.record ?? '');
    if (r.action === 'return' && r.field === null && ids.has(id)) out.set(id, String(r.newValue ?? ''));
  }
  return out;
}

export function myWork(arg: unknown): MyWork {
  const c = authorize(STAFF, actions.readRegister);
  parseRequest(requests.myWork, arg ?? {}, c.lang);
  const { count, values } = readColumns(c.ss, customer.sheetName, KEYS, 1);
  const rows = rowsFromColumns(customer, KEYS, values, count, c.tz);
  const mine = (k: 'enteredBy' | 'owner', r: (typeof rows)[number]) =>
    String(r[k] ?? '').toLowerCase() === c.email;
  const item = (r: (typeof rows)[number]): WorkItem => ({
    id: String(r.id),
    name: String(r.name ?? ''),
    comment: '',
  });
  const pending = rows.filter((r) => r.recordState === 'pendingReview' && mine('enteredBy', r)).map(item);
  const returned = rows.filter((r) => r.recordState === 'returned' && mine('enteredBy', r)).map(item);
  const comments = returnComments(c, new Set(returned.map((r) => r.id)));
  for (const r of returned) r.comment = comments.get(r.id) ?? '';
  const manager = MANAGERS.includes(c.role);
  const changes = pendingChangeRequests(c).filter((r) => manager || r.owner === c.email);
  return {
    pending,
    returned,
    changeRequests: changes,
    toReview: manager
      ? rows.filter((r) => r.recordState === 'pendingReview' && !mine('enteredBy', r)).length
      : 0,
  };
}
