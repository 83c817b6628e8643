// Batched table I/O by field key: read whole columns in a few blocks, append and update rows in one write each.
import { columnLetter } from '../domain/a1';
import { columnRuns } from '../domain/column-runs';
import { readGap, rowRuns } from '../domain/row-runs';
import type { RecordType } from '../schema';
import {
  type ColumnMap,
  cachedMap,
  columnOf,
  columnsA1,
  mapHolds,
  rebuildMap,
  sheetA1,
  type VerifiedMap,
} from './column-map';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Columns<K extends string = string> {
  map: ColumnMap;
  /** Data rows read (header excluded, trailing empty rows dropped); row i is sheet row i + 2. */
  count: number;
  /** The cells of each requested field, one per data row. */
  values: Record<K, unknown[]>;
}

/**
 * Reads the given fields of every row in at most `maxRuns` block reads (two calls each), whatever the
 * register's size. The header cells come with each block, so the cached column map is checked for free;
 * when a column moved or was renamed the map is rebuilt from developer metadata and the read repeated.
 */
export function readColumns<F extends string, const K extends F>(
  ss: Spreadsheet,
  sheet: RecordType<F>,
  keys: readonly K[],
  maxRuns?: number,
): Columns<K>;
/** By sheet name, where the keys are not known as types (a key list built at run time). */
export function readColumns<const K extends string>(
  ss: Spreadsheet,
  sheet: string,
  keys: readonly K[],
  maxRuns?: number,
): Columns<K>;
export function readColumns(
  ss: Spreadsheet,
  sheet: string | RecordType,
  keys: readonly string[],
  maxRuns = 3,
): Columns {
  const sheetName = typeof sheet === 'string' ? sheet : sheet.sheetName;
  let map = cachedMap(sheetName) ?? rebuildMap(ss, sheetName);
  for (let attempt = 0; ; attempt++) {
    const cols = keys.map((k) => columnOf(map, k));
    const blocks = columnRuns(cols, maxRuns).map((run) => ({
      run,
      values: ss.getRange(columnsA1(sheetName, run.first, run.last)).getValues(),
    }));
    const cell = (row: number, c: number) => {
      const b = blocks.find((x) => c >= x.run.first && c <= x.run.last);
      return b?.values[row]?.[c - (b?.run.first ?? 0)];
    };
    if (attempt > 0 || mapHolds(map, cols, (c) => cell(0, c))) {
      const rows = blocks[0]?.values.length ?? 0;
      let count = 0;
      for (let r = rows - 1; r >= 1 && count === 0; r--) if (cols.some((c) => cell(r, c) !== '')) count = r;
      const values: Record<string, unknown[]> = {};
      keys.forEach((k, i) => {
        // Resolved once per column, not per cell: a large register has millions of cells.
        const b = blocks.find((x) => cols[i] >= x.run.first && cols[i] <= x.run.last);
        const at = cols[i] - (b?.run.first ?? 0);
        const rows = b?.values ?? [];
        const out = new Array(count);
        for (let r = 1; r <= count; r++) out[r - 1] = rows[r]?.[at];
        values[k] = out;
      });
      return { map, count, values };
    }
    map = rebuildMap(ss, sheetName);
  }
}

/**
 * The column map checked against the header cell of every column of ours in one read (rebuilt from developer
 * metadata when any moved, was renamed, or a column was inserted before it): what a write needs first.
 */
export function verifiedMap(
  ss: Spreadsheet,
  sheetName: string,
  /** The sheet, when the caller holds it already: saves asking for it again. */
  held?: GoogleAppsScript.Spreadsheet.Sheet,
): VerifiedMap {
  const map = cachedMap(sheetName);
  if (!map) return rebuildMap(ss, sheetName);
  const sheet = held ?? (ss.getSheetByName(sheetName) as GoogleAppsScript.Spreadsheet.Sheet);
  const header = sheet.getRange(1, 1, 1, Math.max(map.keys.length, 1)).getValues()[0];
  const ours = map.keys.flatMap((k, i) => (k ? [i + 1] : []));
  return mapHolds(map, ours, (c) => header[c - 1]) ? (map as VerifiedMap) : rebuildMap(ss, sheetName);
}

/** The row laid out by the map: our fields at their columns, '' elsewhere. */
function rowOf(map: VerifiedMap, cells: Record<string, unknown>): unknown[] {
  return map.keys.map((k) => (k && Object.getOwnPropertyDescriptor(cells, k) ? cells[k] : ''));
}

/**
 * Appends rows after the last row with content, with a map verified here: one call for one row on a sheet
 * of only our columns, otherwise one write per run of columns (see writeRowsAt).
 */
export function appendRows(
  ss: Spreadsheet,
  sheetName: string,
  records: Record<string, unknown>[],
  untouched: readonly string[] = [],
) {
  if (!records.length) return;
  const map = verifiedMap(ss, sheetName);
  const sheet = ss.getSheetByName(sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
  if (records.length === 1 && !untouched.length && !map.keys.includes('')) {
    sheet.appendRow(rowOf(map, records[0]));
    return;
  }
  const first = sheet.getLastRow() + 1;
  const maxRows = sheet.getMaxRows();
  const need = first + records.length - 1 - maxRows;
  if (need > 0) sheet.insertRowsAfter(maxRows, need);
  writeRowsAt(sheet, map, first, records, untouched);
}

/**
 * Writes whole records from row `first` on, one write per run of columns. Columns that are not ours (an
 * admin's own) and those in `untouched` (a protected column the caller may not edit) are left unwritten,
 * even blank.
 */
export function writeRowsAt(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  map: VerifiedMap,
  first: number,
  records: readonly Record<string, unknown>[],
  untouched: readonly string[] = [],
) {
  const skip = map.keys.map((k) => k === '' || untouched.includes(k));
  const rows = records.map((r) => rowOf(map, r));
  for (let c = 0; c < skip.length; c++) {
    if (skip[c]) continue;
    let end = c;
    while (end + 1 < skip.length && !skip[end + 1]) end++;
    sheet.getRange(first, c + 1, rows.length, end - c + 1).setValues(rows.map((r) => r.slice(c, end + 1)));
    c = end;
  }
}

/** Reads one row's cells of ours by sheet row number, laid out by a map verified in this execution. */
export function readRow(
  ss: Spreadsheet,
  sheetName: string,
  map: VerifiedMap,
  row: number,
): Record<string, unknown> {
  const last = columnLetter(map.keys.length);
  const values = ss.getRange(`${sheetA1(sheetName)}!A${row}:${last}${row}`).getValues()[0];
  const out: Record<string, unknown> = {};
  map.keys.forEach((k, i) => {
    if (k) out[k] = values[i];
  });
  return out;
}

/**
 * The given fields of the given sheet rows, as columns aligned with `rows`: one read per run of nearby rows
 * (the span of the fields' columns, whole; how near depends on that width), with a map verified in this execution. For the rows a search or
 * an index picked out; the cost follows them, not the sheet.
 */
export function readRowsAt(
  ss: Spreadsheet,
  sheetName: string,
  map: VerifiedMap,
  rows: readonly number[],
  keys: readonly string[],
): Record<string, unknown[]> {
  const sheet = ss.getSheetByName(sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
  const cols = keys.map((k) => columnOf(map, k));
  const first = Math.min(...cols);
  const width = Math.max(...cols) - first + 1;
  const byRow = new Map<number, unknown[]>();
  for (const run of rowRuns(rows, readGap(width))) {
    const values = sheet.getRange(run.first, first, run.count, width).getValues();
    values.forEach((line, i) => {
      byRow.set(run.first + i, line);
    });
  }
  return Object.fromEntries(keys.map((k, j) => [k, rows.map((r) => byRow.get(r)?.[cols[j] - first] ?? '')]));
}
