// Writing an edit to a loaded record: only the changed cells, the update stamps, and one audit row per changed field.
import { fieldChanges } from '../domain/audit';
import { changedFields, recordVersion } from '../domain/record-codec';
import { appendAudit } from '../gas/audit-log';
import { type Loaded, prepare } from '../gas/records';
import { writeCells } from '../gas/table';
import type { RecordType } from '../schema';
import type { SaveResult } from '../shared/rpc';
import type { Context } from './context';

/** `note` adds an audit row of its own (a reviewer's comment) even when no field changed. */
export function writeUpdate(
  c: Context,
  rt: RecordType,
  found: Loaded,
  next: Record<string, unknown>,
  action: string,
  note?: string,
): SaveResult {
  const now = new Date();
  const { cells, wire } = prepare(rt, { ...next, updatedBy: c.email, updatedAt: now }, c.registerLang, c.tz);
  const fields = changedFields(found.values, wire).filter((f) => f !== 'updatedAt' && f !== 'updatedBy');
  const id = String(found.values.id);
  if (fields.length === 0 && !note) return { ok: true, id, version: found.version, values: found.values };
  const after = { ...found.values, ...wire };
  writeCells(c.ss, rt.sheetName, found.map, found.row, cells);
  const base = { time: now, user: c.email, action, record: id, source: 'sidebar' };
  const audit = fieldChanges(base, found.values, after, fields);
  if (note) audit.push({ ...base, field: '', oldValue: '', newValue: note });
  appendAudit(c.ss, audit, c.registerLang);
  return { ok: true, id, version: recordVersion(after), values: after };
}
