// Rows found by searches the spreadsheet runs (TextFinder) and read one by one: the cost follows the hits kept, never the register's size.
import { columnLetter } from '../domain/a1';
import { type CellSearch, escapeRe } from '../domain/cell-search';
import type { RecordType, WireValue } from '../schema';
import { type ColumnMap, columnOf, sheetA1, type VerifiedMap } from './column-map';
import { rowsFromColumns } from './records';
import { readRow, readRowsAt, verifiedMap } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Found {
  /** Sheet rows in the order the searches ranked them, without repeats, at most `limit`. */
  rows: number[];
  /** More rows matched than were kept. */
  more: boolean;
}

/** The data rows (below the header) whose cell in the search's column matches: one search on Google's side. */
function matches(ss: Spreadsheet, sheetName: string, map: ColumnMap, search: CellSearch) {
  const c = columnLetter(columnOf(map, search.key));
  const finder = ss.getRange(`${sheetA1(sheetName)}!${c}2:${c}`).createTextFinder(search.text);
  if (search.entire) finder.matchEntireCell(true);
  if (search.regex) finder.useRegularExpression(true);
  return finder.findAll();
}

/**
 * Runs the searches in order and keeps the first `limit` distinct rows they find: a row's number is asked
 * for only until one more than the limit is known, so a search that matches half the register costs what
 * one that matches twenty does.
 */
export function findRowsBy(
  ss: Spreadsheet,
  sheetName: string,
  map: ColumnMap,
  searches: readonly CellSearch[],
  limit: number,
): Found {
  const rows: number[] = [];
  const seen = new Set<number>();
  let more = false;
  for (const search of searches) {
    const hits = matches(ss, sheetName, map, search);
    for (const hit of hits) {
      const row = hit.getRow();
      if (seen.has(row)) continue;
      // Past the limit one new row is enough to say there are more: at most `limit` repeats are asked first.
      if (rows.length >= limit) {
        more = true;
        break;
      }
      seen.add(row);
      rows.push(row);
    }
    if (more) break;
  }
  return { rows, more };
}

/** More hits than any register's open items: a search with this limit keeps them all. */
const ALL = 1e6;

/**
 * The data rows, in sheet order, whose cell in column `key` is one of `texts` (case ignored, spaces around
 * allowed): one search on Google's side, for the few open items of a sheet that grows with history.
 */
function rowsHolding(
  ss: Spreadsheet,
  sheetName: string,
  map: ColumnMap,
  key: string,
  texts: readonly string[],
): number[] {
  if (!texts.length) return [];
  const text = `^\\s*(?:${texts.map(escapeRe).join('|')})\\s*$`;
  return findRowsBy(ss, sheetName, map, [{ key, text, entire: false, regex: true }], ALL).rows.sort(
    (a, b) => a - b,
  );
}

/**
 * The fields `keys` of the records whose `key` cell is one of `texts`, in sheet order, as plain rows (list
 * values by key, dates as text): a search, then reads of the rows it found only.
 */
export function recordsHolding(
  ss: Spreadsheet,
  rt: RecordType,
  key: string,
  texts: readonly string[],
  keys: readonly string[],
  tz: string,
): Record<string, WireValue>[] {
  const map = verifiedMap(ss, rt.sheetName);
  const rows = rowsHolding(ss, rt.sheetName, map, key, texts);
  if (!rows.length) return [];
  return rowsFromColumns(rt, keys, readRowsAt(ss, rt.sheetName, map, rows, keys), rows.length, tz);
}

/** The cells of ours of each row, read one row at a time: only for the few rows a search kept. */
export function readRows(
  ss: Spreadsheet,
  sheetName: string,
  map: VerifiedMap,
  rows: readonly number[],
): Record<string, unknown>[] {
  return rows.map((row) => readRow(ss, sheetName, map, row));
}
