// Writing an edit to a loaded record: only the changed cells, the update stamps, and one audit row per changed field.
import { fieldChanges } from '../domain/audit';
import { t } from '../domain/i18n';
import { changedFields, recordVersion } from '../domain/record-codec';
import { appendAudit } from '../gas/audit-log';
import { writeRecord } from '../gas/record-writes';
import { type Loaded, prepare } from '../gas/records';
import type { RecordType } from '../schema';
import type { SaveResult } from '../shared/rpc';
import { UserError } from './caller';
import type { Context } from './context';

/** Who writes and where: a signed-in caller, or a customer through their link (who has no Team role). */
export type Writer = Pick<Context, 'ss' | 'email' | 'lang' | 'registerLang' | 'tz'>;

/** `note` adds an audit row of its own (a reviewer's comment) even when no field changed. */
export function writeUpdate(
  c: Writer,
  rt: RecordType,
  found: Loaded,
  next: Record<string, unknown>,
  action: string,
  note?: string,
  source = 'sidebar',
): SaveResult {
  const now = new Date();
  const { cells, wire } = prepare(rt, { ...next, updatedBy: c.email, updatedAt: now }, c.registerLang, c.tz);
  const fields = changedFields(found.values, wire).filter((f) => f !== 'updatedAt' && f !== 'updatedBy');
  const id = String(found.values.id);
  if (fields.length === 0 && !note) return { ok: true, id, version: found.version, values: found.values };
  const after = { ...found.values, ...wire };
  const written = writeRecord(c.ss, rt.sheetName, { id, cells });
  // Deleted by a person since it was loaded: nothing was written.
  if (written.row === null)
    throw new UserError(t(c.lang, 'recordNotFound', { record: rt.labels[c.lang], id }));
  const base = { time: now, user: c.email, action, record: id, source };
  const audit = fieldChanges(base, found.values, after, fields);
  // Rows moved under the write: the record whose cells it first hit is named, so someone checks it.
  if (written.displaced)
    audit.push({
      ...base,
      action: 'overwritten',
      record: written.displaced.id,
      field: written.displaced.fields.join(', '),
      oldValue: '',
      newValue: id,
    });
  if (note) audit.push({ ...base, field: '', oldValue: '', newValue: note });
  appendAudit(c.ss, audit, c.registerLang);
  return { ok: true, id, version: recordVersion(after), values: after };
}
