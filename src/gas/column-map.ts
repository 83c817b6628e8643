// Where each field's column is: developer metadata is the truth, a copy in document properties is the fast path.
import { columnLetter } from '../domain/a1';
import { Problem } from '../domain/problem';
import { columnKeys } from './metadata';
import { columnMapKey } from './property-keys';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Field key and header text of each column (index 0 = column A). */
export interface ColumnMap {
  keys: string[];
  headers: string[];
}

declare const checked: unique symbol;
/**
 * A map checked in this execution against the header cells of every column of ours (or just built from
 * developer metadata): the only kind a row read or a write accepts. A map from `readColumns` holds only for
 * the columns it read, so it is a plain ColumnMap.
 */
export type VerifiedMap = ColumnMap & { readonly [checked]: true };

/**
 * The cached map, if any: costs no sheet call. It is only a hint: every read and write checks it against the
 * header cells of the columns it touches (table.ts) before trusting it.
 */
export function cachedMap(sheetName: string): ColumnMap | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(columnMapKey(sheetName));
  return raw ? (JSON.parse(raw) as ColumnMap) : null;
}

/** Header cells as the map keeps them: compared as text, so a header that reads back as a number still matches. */
export const headerText = (row: readonly unknown[]) => row.map((v) => String(v ?? ''));

/** Reads the map from developer metadata (one Sheets API call) and caches it: only after a column moved or was renamed. */
export function rebuildMap(ss: Spreadsheet, sheetName: string): VerifiedMap {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Problem('sheetMissing', { sheet: sheetName });
  const keys = columnKeys(ss, sheetName, sheetA1(sheetName));
  const width = Math.max(keys.length, 1);
  const headers = headerText(sheet.getRange(1, 1, 1, width).getValues()[0]);
  const map = { keys: Array.from({ length: width }, (_, i) => keys[i] ?? ''), headers };
  PropertiesService.getDocumentProperties().setProperty(columnMapKey(sheetName), JSON.stringify(map));
  return map as VerifiedMap;
}

/** Records where setup put each field, with the headers as they now read: the next read needs no metadata call. */
export function storeMap(sheetName: string, columns: Record<string, number>, headerRow: readonly string[]) {
  const width = Math.max(...Object.values(columns));
  const headers = Array.from({ length: width }, (_, i) => headerRow[i] ?? '');
  const keys = new Array<string>(width).fill('');
  for (const [k, c] of Object.entries(columns)) keys[c - 1] = k;
  PropertiesService.getDocumentProperties().setProperty(
    columnMapKey(sheetName),
    JSON.stringify({ keys, headers }),
  );
}

/** True when the header cells read at `columns` are the ones the map remembers: no column moved or was renamed. */
export function mapHolds(
  map: ColumnMap,
  columns: readonly number[],
  headerRow: (column: number) => unknown,
): boolean {
  return columns.every((c) => String(headerRow(c) ?? '') === (map.headers[c - 1] ?? ''));
}

export function columnOf(map: ColumnMap, key: string): number {
  const i = map.keys.indexOf(key);
  if (i < 0) throw new Problem('columnMissing', { column: key });
  return i + 1;
}

/** A sheet's name as an A1 prefix, quoted for names with spaces. */
export function sheetA1(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** An A1 reference to whole columns of a sheet. */
export function columnsA1(sheetName: string, first: number, last: number): string {
  return `${sheetA1(sheetName)}!${columnLetter(first)}:${columnLetter(last)}`;
}
