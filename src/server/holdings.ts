// Sidebar entry points for what hangs off a customer: interactions logged, and property received, updated and returned.
import { t } from '../domain/i18n';
import { formatId, parseSerial } from '../domain/ids';
import { recordVersion } from '../domain/record-codec';
import { validateRecord } from '../domain/validation';
import { appendAudit } from '../gas/audit-log';
import { complete, loadRecord, prepare, rowsFromColumns } from '../gas/records';
import { withDocumentLock } from '../gas/session';
import { appendRows, readColumns } from '../gas/table';
import { customer, interaction, property, type RecordType, ROLES, STAFF } from '../schema';
import type { LoadedRecord, SaveResult } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { authorize, type Context } from './context';
import { cardCustomer } from './customer-card';
import { writeUpdate } from './record-update';
import { parseRequest, requests } from './requests';

function requireCustomer(c: Context, id: unknown) {
  const ids = readColumns(c.ss, customer.sheetName, ['id'], 1).values.id;
  const wanted = String(id ?? '')
    .trim()
    .toLowerCase();
  if (!ids.some((v) => String(v).trim().toLowerCase() === wanted))
    throw new UserError(t(c.lang, 'unknownCustomer', { id: String(id) }));
}

/** Appends a new record of an ID-bearing type with its stamps and a 'create' audit row. */
export function createRecord(c: Context, rt: RecordType, values: Record<string, unknown>): SaveResult {
  return withDocumentLock(() => {
    requireCustomer(c, values.customerId);
    const existing = readColumns(c.ss, rt.sheetName, ['id'], 1);
    const seqKey = `cr.seq.${rt.key}`;
    const props = PropertiesService.getDocumentProperties();
    let serial = Number(props.getProperty(seqKey) ?? 0);
    for (const id of existing.values.id) serial = Math.max(serial, parseSerial(String(id)) ?? 0);
    serial += 1;
    props.setProperty(seqKey, String(serial));
    const now = new Date();
    const id = formatId(
      { style: 'plain', prefix: rt.idPrefix ?? rt.key[0].toUpperCase() },
      serial,
      now.getFullYear(),
    );
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
  const req = parseRequest(requests.values, arg, c.lang);
  const v = validateRecord(interaction, req.values, { lang: c.lang, role: c.role, mode: 'create' });
  if (!v.ok) return { ok: false, errors: v.errors };
  return createRecord(c, interaction, v.value);
}

export function receiveProperty(arg: unknown): SaveResult {
  const c = authorize(STAFF, actions.handleProperty);
  const req = parseRequest(requests.values, arg, c.lang);
  const v = validateRecord(property, req.values, { lang: c.lang, role: c.role, mode: 'create' });
  if (!v.ok) return { ok: false, errors: v.errors };
  return createRecord(c, property, v.value);
}

export function updateProperty(arg: unknown): SaveResult {
  const c = authorize(STAFF, actions.handleProperty);
  const req = parseRequest(requests.update, arg, c.lang);
  const v = validateRecord(property, req.changes, { lang: c.lang, role: c.role, mode: 'update' });
  if (!v.ok) return { ok: false, errors: v.errors };
  return withDocumentLock(() => {
    const found = loadRecord(c.ss, property, req.id, c.tz);
    if (!found)
      throw new UserError(t(c.lang, 'recordNotFound', { record: property.labels[c.lang], id: req.id }));
    if (found.version !== req.version) return { ok: false, stale: true, message: t(c.lang, 'staleEdit') };
    return writeUpdate(c, property, found, v.value, 'update');
  });
}

export function findProperty(arg: unknown): { results: LoadedRecord[] } {
  const c = authorize(ROLES, actions.readRegister);
  const req = parseRequest(requests.customerId, arg, c.lang);
  // "Nothing held for 张伟" when 张伟 is a name, not an ID, would be a wrong answer: an unknown ID is refused.
  cardCustomer(c, req.customerId);
  const keys = property.fields.map((f) => f.key);
  const { count, values } = readColumns(c.ss, property.sheetName, keys, 1);
  const wanted = req.customerId.trim().toLowerCase();
  return {
    results: rowsFromColumns(property, keys, values, count, c.tz)
      .filter(
        (w) =>
          String(w.customerId ?? '')
            .trim()
            .toLowerCase() === wanted,
      )
      .slice(0, 50)
      .map((w) => ({ id: String(w.id), values: w, version: recordVersion(w) })),
  };
}
