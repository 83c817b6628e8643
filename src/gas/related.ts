// Rows that point at one record (a customer's interactions, property, purchases, audit rows): found by TextFinder, then only those rows read.
import { columnLetter } from '../domain/a1';
import type { RecordType, WireValue } from '../schema';
import { columnOf, sheetA1 } from './column-map';
import { wireOf } from './records';
import { verifiedMap } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Matches closer together than this are read in one block; farther apart, one read per row. */
const ONE_BLOCK = 400;

/**
 * The latest `limit` rows whose `key` cell is exactly `value` (case-insensitive), newest first, as wire
 * records, and how many there are in all. A search on Google's side and at most `limit` row reads,
 * whatever the sheet's size.
 */
export function relatedRows(
  ss: Spreadsheet,
  rt: RecordType,
  key: string,
  value: string,
  tz: string,
  limit: number,
): { total: number; rows: Record<string, WireValue>[] } {
  const wanted = value.trim();
  if (!wanted || !ss.getSheetByName(rt.sheetName)) return { total: 0, rows: [] };
  const map = verifiedMap(ss, rt.sheetName);
  const c = columnLetter(columnOf(map, key));
  const found = ss
    .getRange(`${sheetA1(rt.sheetName)}!${c}2:${c}`)
    .createTextFinder(wanted)
    .matchEntireCell(true)
    .findAll()
    .map((r) => r.getRow());
  const rows = [...new Set(found)].sort((a, b) => b - a).slice(0, limit);
  if (!rows.length) return { total: 0, rows: [] };
  const width = map.keys.length;
  const last = columnLetter(width);
  const first = rows[rows.length - 1];
  const span = rows[0] - first + 1;
  const read = (r: number, n: number) =>
    ss.getRange(`${sheetA1(rt.sheetName)}!A${r}:${last}${r + n - 1}`).getValues();
  const block = span <= ONE_BLOCK ? read(first, span) : null;
  const cellsOf = (row: number) => {
    const values = block ? block[row - first] : read(row, 1)[0];
    const out: Record<string, unknown> = {};
    map.keys.forEach((k, i) => {
      if (k) out[k] = values[i];
    });
    return out;
  };
  return { total: found.length, rows: rows.map((r) => wireOf(rt, cellsOf(r), tz)) };
}
