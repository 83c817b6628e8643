// Sidebar entry points for customers' change requests: what waits, and a manager applying or rejecting them.
import { t } from '../domain/i18n';
import { seesChangeRequest } from '../domain/reminders/work';
import { validateRecord } from '../domain/validation';
import { appendAudit } from '../gas/audit-log';
import {
  type ChangeRequestRow,
  decideChangeRequests,
  readChangeRequestsBy,
  readPendingChangeRequests,
} from '../gas/change-requests';
import { recordsHolding } from '../gas/finder';
import { loadRecord } from '../gas/records';
import { withDocumentLock } from '../gas/session';
import { customer, MANAGERS, STAFF, type WireValue } from '../schema';
import type { ChangeRequestSummary, SaveResult } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { authorize, type Context, phoneRegion, settingsOf } from './context';
import { writeUpdate } from './record-update';
import { parseRequest, requests } from './requests';

/**
 * The pending requests `c` sees, with their customer's name and owner: the pending rows found by their
 * state, their customers by ID. Decided requests and other customers are never read.
 */
export function pendingChangeRequests(c: Context): ChangeRequestSummary[] {
  const pending = readPendingChangeRequests(c.ss, c.tz);
  if (!pending.length) return [];
  const ids = [...new Set(pending.map((r) => r.customerId).filter(Boolean))];
  const who = new Map<string, { name: string; owner: string }>();
  for (const r of recordsHolding(c.ss, customer, 'id', ids, ['id', 'name', 'owner'], c.tz))
    who.set(String(r.id), { name: String(r.name ?? ''), owner: String(r.owner ?? '').toLowerCase() });
  const manager = MANAGERS.includes(c.role);
  return pending
    .map((r) => ({
      id: r.id,
      customerId: r.customerId,
      customerName: who.get(r.customerId)?.name ?? '',
      owner: who.get(r.customerId)?.owner ?? '',
      field: r.field,
      fieldLabel: customer.fields.find((f) => f.key === r.field)?.labels[c.lang] ?? r.field,
      oldValue: r.oldValue,
      newValue: r.newValue,
      receivedAt: r.receivedAt,
    }))
    .filter((r) => seesChangeRequest(r.owner, c.email, manager));
}

/** Managers see every pending request; other staff those for the customers they own. */
export function listChangeRequests(arg: unknown): { results: ChangeRequestSummary[] } {
  const c = authorize(STAFF, actions.readRegister);
  parseRequest(requests.listChangeRequests, arg ?? {}, c.lang);
  return { results: pendingChangeRequests(c).slice(0, 100) };
}

const text = (v: WireValue | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * Applies or rejects one customer's pending requests. Applying goes through the normal update path (the
 * same validation, audited with the request as its source), and only if each field still holds what it
 * held when the customer asked: a staff edit in between is not overwritten unseen.
 */
export function decideChanges(arg: unknown): SaveResult {
  const c = authorize(MANAGERS, actions.decideChanges);
  const req = parseRequest(requests.decideChanges, arg, c.lang);
  return withDocumentLock(() => {
    const byId = new Map(readChangeRequestsBy(c.ss, c.tz, 'id', req.ids).map((r) => [r.id, r]));
    const chosen: ChangeRequestRow[] = req.ids.map((id) => {
      const r = byId.get(id);
      if (r?.state !== 'pending') throw new UserError(t(c.lang, 'changeNotPending', { id }));
      return r;
    });
    const customerId = chosen[0].customerId;
    if (chosen.some((r) => r.customerId !== customerId))
      throw new UserError(t(c.lang, 'changeSeveralCustomers'));
    const found = loadRecord(c.ss, customer, customerId, c.tz);
    if (!found) throw new UserError(t(c.lang, 'unknownCustomer', { id: customerId }));
    const now = new Date();
    if (req.decision === 'reject') {
      decideChangeRequests(c.ss, req.ids, 'rejected', c.email, now, c.registerLang);
      appendAudit(
        c.ss,
        chosen.map((r) => ({
          time: now,
          user: c.email,
          action: 'rejectChange',
          record: customerId,
          field: r.field,
          oldValue: r.oldValue,
          newValue: `${r.newValue} (${r.id})`,
          source: 'changeRequest',
        })),
        c.registerLang,
      );
      return { ok: true, id: customerId, version: found.version, values: found.values };
    }
    for (const r of chosen) {
      const held = text(found.values[r.field]);
      if (held !== r.oldValue)
        throw new UserError(
          t(c.lang, 'changeOutdated', {
            id: customerId,
            field: customer.fields.find((f) => f.key === r.field)?.labels[c.lang] ?? r.field,
            held,
            old: r.oldValue,
          }),
        );
    }
    const changes = Object.fromEntries(chosen.map((r) => [r.field, r.newValue]));
    const v = validateRecord(customer, changes, {
      lang: c.lang,
      role: c.role,
      mode: 'update',
      phoneRegion: phoneRegion({ ...found.values, ...changes }, settingsOf(c)),
    });
    if (!v.ok) return { ok: false, errors: v.errors };
    const saved = writeUpdate(c, customer, found, v.value, 'update', undefined, 'changeRequest');
    decideChangeRequests(c.ss, req.ids, 'applied', c.email, now, c.registerLang);
    return saved;
  });
}
