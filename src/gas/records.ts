// Records of one record type in its sheet: find by ID, load with a version, and the record's wire form.
import type { Lang } from '../domain/i18n';
import { cellsFromRecord, fieldIndex, recordFromCells, recordVersion } from '../domain/record-codec';
import type { RecordType, WireValue } from '../schema';
import { findRow } from './record-writes';
import { readRow, verifiedMap } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A record as read: where it was is not kept, since a person may sort or delete rows before it is written. */
export interface Loaded {
  values: Record<string, WireValue>;
  version: string;
}

// A register's dates repeat (review due dates, days of entry): format each instant once per execution.
const formatted = new Map<string, string>();

function dateText(d: Date, tz: string, pattern: string): string {
  const key = `${d.getTime()}|${tz}|${pattern}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = Utilities.formatDate(d, tz, pattern);
    formatted.set(key, text);
  }
  return text;
}

/** Dates in cells become 'yyyy-mm-dd' (or with the time) in the spreadsheet's time zone, as the sidebar sends them. */
export function wireOf(
  rt: RecordType,
  cells: Record<string, unknown>,
  tz: string,
): Record<string, WireValue> {
  const text: Record<string, unknown> = {};
  const fields = fieldIndex(rt);
  for (const key of Object.keys(cells)) {
    const v = cells[key];
    if (typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]')
      text[key] = dateText(
        v as Date,
        tz,
        fields.get(key)?.type === 'dateTime' ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd',
      );
    else text[key] = v;
  }
  return recordFromCells(rt, text);
}

/**
 * Whole columns to plain rows, as wireOf would give them, for reading a large register: each column is
 * converted once with its field's rule, and a list's few distinct labels are looked up once each.
 */
export function rowsFromColumns(
  rt: RecordType,
  keys: readonly string[],
  columns: Record<string, unknown[]>,
  count: number,
  tz: string,
): Record<string, WireValue>[] {
  const fields = fieldIndex(rt);
  const converted = keys.map((key) => {
    const f = fields.get(key);
    const column = columns[key];
    const out: WireValue[] = new Array(count);
    const seen = new Map<unknown, WireValue>();
    for (let i = 0; i < count; i++) {
      const v = column[i];
      if (v === '' || v === null || v === undefined) {
        out[i] = f?.type === 'boolean' ? false : null;
      } else if (typeof v === 'object') {
        out[i] =
          Object.prototype.toString.call(v) === '[object Date]'
            ? dateText(v as Date, tz, f?.type === 'dateTime' ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd')
            : String(v);
      } else if (f?.type === 'list') {
        let w = seen.get(v);
        if (w === undefined) {
          w = recordFromCells(rt, { [key]: v })[key] ?? null;
          seen.set(v, w);
        }
        out[i] = w;
      } else out[i] = typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    }
    return out;
  });
  const rows: Record<string, WireValue>[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const row: Record<string, WireValue> = {};
    for (let k = 0; k < keys.length; k++) row[keys[k]] = converted[k][i];
    rows[i] = row;
  }
  return rows;
}

/** Finds a record by ID (a search in the ID column) and loads its row: a fixed number of calls at any size. */
export function loadRecord(ss: Spreadsheet, rt: RecordType, id: string, tz: string): Loaded | null {
  const map = verifiedMap(ss, rt.sheetName);
  const row = findRow(ss, rt.sheetName, map, id);
  if (row === null) return null;
  const values = wireOf(rt, readRow(ss, rt.sheetName, map, row), tz);
  return { values, version: recordVersion(values) };
}

/** The cells to write for a record, and the record as it will read back. */
export function prepare(rt: RecordType, record: Record<string, unknown>, lang: Lang, tz: string) {
  const cells = cellsFromRecord(rt, record, lang);
  return { cells, wire: wireOf(rt, cells, tz) };
}

/** A new record with every field present (empty ones as null), so its version is the one a later load computes. */
export function complete(rt: RecordType, record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(rt.fields.map((f) => [f.key, record[f.key] ?? null]));
}
