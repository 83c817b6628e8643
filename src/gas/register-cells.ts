// Whole record sheets read for a scan (data check, dashboard, backup): a few block reads each, date cells as the day they show.
import type { DayCell, SheetCells } from '../domain/care/data-check';
import type { RecordType, WireValue } from '../schema';
import { columnOf } from './column-map';
import { rowsFromColumns } from './records';
import { readColumns, verifiedMap } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const isDate = (v: unknown) =>
  typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';

/**
 * Each sheet's fields (all, or those `only` names for it) in at most `runs` block reads; a missing sheet
 * reads as empty.
 */
/** Replaces each date cell with the day it shows in `tz`; registers repeat dates, so each instant is formatted once. */
function dateCellsAsDays(columns: Record<string, unknown[]>, count: number, tz: string) {
  const days = new Map<number, DayCell>();
  for (const column of Object.values(columns))
    for (let i = 0; i < count; i++) {
      const v = column[i];
      if (!isDate(v)) continue;
      const ms = (v as Date).getTime();
      let day = days.get(ms);
      if (!day) {
        day = { day: Utilities.formatDate(v as Date, tz, 'yyyy-MM-dd') };
        days.set(ms, day);
      }
      column[i] = day;
    }
}

export function readSheetCells(
  ss: Spreadsheet,
  rts: readonly RecordType[],
  tz: string,
  only: Readonly<Record<string, readonly string[]>> = {},
  runs = 3,
): SheetCells[] {
  return rts.map((rt) => {
    if (!ss.getSheetByName(rt.sheetName)) return { rt, count: 0, columns: {} };
    const { count, values } = readColumns(
      ss,
      rt.sheetName,
      only[rt.sheetName] ?? rt.fields.map((f) => f.key),
      runs,
    );
    dateCellsAsDays(values, count, tz);
    return { rt, count, columns: values };
  });
}

/**
 * Data rows `from` to `from + rows - 1` (0-based) of every field of a sheet, as the cells hold them, in one
 * block read after the header check: what a step of a scan spread over executions reads. `ended` when no row
 * follows the block; a final block drops its trailing rows with nothing in our columns, as a whole read does.
 */
function readBlock(
  ss: Spreadsheet,
  rt: RecordType,
  from: number,
  rows: number,
  /** The sheet, when the caller holds it already: saves asking for it again. */
  held?: GoogleAppsScript.Spreadsheet.Sheet,
): { count: number; columns: Record<string, unknown[]>; ended: boolean } {
  const sheet = held ?? ss.getSheetByName(rt.sheetName);
  const empty = { count: 0, columns: {}, ended: true };
  if (!sheet) return empty;
  const map = verifiedMap(ss, rt.sheetName, sheet);
  const dataRows = sheet.getLastRow() - 1;
  const n = Math.min(rows, dataRows - from);
  if (n <= 0) return empty;
  const block = sheet.getRange(from + 2, 1, n, map.keys.length).getValues();
  const ended = from + n >= dataRows;
  const ours = map.keys.flatMap((k, c) => (k ? [c] : []));
  let count = n;
  if (ended) while (count > 0 && ours.every((c) => block[count - 1][c] === '')) count--;
  const columns: Record<string, unknown[]> = {};
  for (const f of rt.fields) {
    const c = map.keys.indexOf(f.key);
    if (c >= 0) columns[f.key] = block.slice(0, count).map((r) => r[c]);
  }
  return { count, columns, ended };
}

/** A block as readBlock reads it, date cells as the day they show: what a step of the data check judges. */
export function readSheetBlock(
  ss: Spreadsheet,
  rt: RecordType,
  tz: string,
  from: number,
  rows: number,
): { cells: SheetCells; ended: boolean } {
  const { count, columns, ended } = readBlock(ss, rt, from, rows);
  dateCellsAsDays(columns, count, tz);
  return { cells: { rt, count, columns }, ended };
}

/** A block as readBlock reads it, in wire form (dates as text, list values by key): what a snapshot holds. */
export function readWireBlock(
  ss: Spreadsheet,
  rt: RecordType,
  tz: string,
  from: number,
  rows: number,
  held?: GoogleAppsScript.Spreadsheet.Sheet,
): { records: Record<string, WireValue>[]; ended: boolean } {
  const { count, columns, ended } = readBlock(ss, rt, from, rows, held);
  const keys = rt.fields.map((f) => f.key).filter((k) => columns[k]);
  return { records: rowsFromColumns(rt, keys, columns, count, tz), ended };
}

/** The first `rows` data rows of a few text fields, one narrow read each (no date conversion). */
export function readTopRows(
  ss: Spreadsheet,
  rt: RecordType,
  keys: readonly string[],
  rows: number,
): SheetCells {
  if (rows <= 0 || !ss.getSheetByName(rt.sheetName)) return { rt, count: 0, columns: {} };
  const map = verifiedMap(ss, rt.sheetName);
  const sheet = ss.getSheetByName(rt.sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
  const columns = Object.fromEntries(
    keys.map((k) => [
      k,
      sheet
        .getRange(2, columnOf(map, k), rows, 1)
        .getValues()
        .map((r) => r[0]),
    ]),
  );
  return { rt, count: rows, columns };
}
