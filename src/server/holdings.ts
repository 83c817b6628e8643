// Sidebar entry points for what hangs off a customer: interactions logged, and property received, updated and returned.
import { t } from '../domain/i18n';
import { idFormatFor } from '../domain/ids';
import { recordVersion } from '../domain/record-codec';
import { appendAudit } from '../gas/audit-log';
import { findRowsBy, readRows } from '../gas/finder';
import { allocateId } from '../gas/ids';
import { findRow } from '../gas/record-writes';
import { complete, loadRecord, prepare, rowsFromColumns } from '../gas/records';
import { withDocumentLock } from '../gas/session';
import { appendRows, verifiedMap } from '../gas/table';
import { customer, interaction, property, type RecordType, ROLES, STAFF } from '../schema';
import type { LoadedRecord, SaveResult } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { authorize, type Context, validateFor, withNotices } from './context';
import { writeUpdate } from './record-update';
import { parseRequest, requests } from './requests';

/** Property a customer holds, as many as the sidebar lists. */
const PROPERTY_LIMIT = 50;

export function requireCustomer(c: Context, id: unknown) {
  const map = verifiedMap(c.ss, customer.sheetName);
  if (findRow(c.ss, customer.sheetName, map, String(id ?? '')) === null)
    throw new UserError(t(c.lang, 'unknownCustomer', { id: String(id) }));
}

/** Appends a new record of an ID-bearing type with its stamps and a 'create' audit row. */
export function createRecord(c: Context, rt: RecordType, values: Record<string, unknown>): SaveResult {
  return withDocumentLock(() => {
    requireCustomer(c, values.customerId);
    const now = new Date();
    const format = idFormatFor(rt, 'plain') ?? { style: 'plain', prefix: rt.key[0].toUpperCase() };
    const id = allocateId(c.ss, rt, verifiedMap(c.ss, rt.sheetName), format, now.getFullYear());
    const record = { ...values, id, enteredBy: c.email, enteredAt: now, updatedBy: c.email, updatedAt: now };
    const { cells, wire } = prepare(rt, complete(rt, record), c.registerLang, c.tz);
    appendRows(c.ss, rt.sheetName, [cells]);
    appendAudit(
      c.ss,
      [
        {
          time: now,
          user: c.email,
          action: 'create',
          record: id,
          field: '',
          oldValue: '',
          newValue: String(values.customerId ?? ''),
          source: 'sidebar',
        },
      ],
      c.registerLang,
    );
    return { ok: true, id, version: recordVersion(wire), values: wire };
  });
}

export function logInteraction(arg: unknown): SaveResult {
  const c = authorize(STAFF, actions.logInteraction);
  const req = parseRequest(requests.logInteraction, arg, c.lang);
  const v = validateFor(c, interaction, req.values, 'create');
  if (!v.ok) return { ok: false, errors: v.errors };
  return withNotices(createRecord(c, interaction, v.value), v.notices);
}

export function receiveProperty(arg: unknown): SaveResult {
  const c = authorize(STAFF, actions.handleProperty);
  const req = parseRequest(requests.receiveProperty, arg, c.lang);
  const v = validateFor(c, property, req.values, 'create');
  if (!v.ok) return { ok: false, errors: v.errors };
  return withNotices(createRecord(c, property, v.value), v.notices);
}

export function updateProperty(arg: unknown): SaveResult {
  const c = authorize(STAFF, actions.handleProperty);
  const req = parseRequest(requests.updateProperty, arg, c.lang);
  const v = validateFor(c, property, req.changes, 'update');
  if (!v.ok) return { ok: false, errors: v.errors };
  const saved = withDocumentLock((): SaveResult => {
    const found = loadRecord(c.ss, property, req.id, c.tz);
    if (!found)
      throw new UserError(t(c.lang, 'recordNotFound', { record: property.labels[c.lang], id: req.id }));
    if (found.version !== req.version) return { ok: false, stale: true, message: t(c.lang, 'staleEdit') };
    // Moving an item to another customer needs that customer to exist, as receiving it does.
    if (v.value.customerId) requireCustomer(c, v.value.customerId);
    return writeUpdate(c, property, found, v.value, 'update');
  });
  return withNotices(saved, v.notices);
}

export function findProperty(arg: unknown): { results: LoadedRecord[] } {
  const c = authorize(ROLES, actions.readRegister);
  const req = parseRequest(requests.findProperty, arg, c.lang);
  // "Nothing held for 张伟" when 张伟 is a name, not an ID, would be a wrong answer: an unknown ID is refused.
  requireCustomer(c, req.customerId);
  const keys = property.fields.map((f) => f.key);
  const map = verifiedMap(c.ss, property.sheetName);
  const wanted = req.customerId.trim();
  const search = { key: 'customerId', text: wanted, entire: true, regex: false };
  const found = wanted ? findRowsBy(c.ss, property.sheetName, map, [search], PROPERTY_LIMIT).rows : [];
  const rows = readRows(
    c.ss,
    property.sheetName,
    map,
    found.sort((a, b) => a - b),
  );
  const columns = Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k])]));
  return {
    results: rowsFromColumns(property, keys, columns, rows.length, c.tz).map((w) => ({
      id: String(w.id),
      values: w,
      version: recordVersion(w),
    })),
  };
}
