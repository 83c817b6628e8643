// Reads what setup needs of the workbook: for each of our sheet names, its tags, headers and size.
import type { SheetSnapshot } from '../domain/setup-plan';
import { cachedMap } from './column-map';
import { columnKeys, sheetTag } from './metadata';

/**
 * The field key of each column: the cached map when every header it remembers reads the same now (no
 * column moved, was renamed or inserted), else developer metadata, at three calls a column.
 */
function keysOf(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  name: string,
  headers: readonly string[],
): string[] {
  const map = cachedMap(name);
  const holds =
    map !== null &&
    map.keys.length <= headers.length &&
    map.keys.every((k, i) => !k || String(map.headers[i] ?? '') === String(headers[i] ?? ''));
  return holds ? map.keys : columnKeys(sheet);
}

export function snapshotSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  names: readonly string[],
): SheetSnapshot[] {
  const out: SheetSnapshot[] = [];
  for (const name of names) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const lastColumn = sheet.getLastColumn();
    const headers = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getDisplayValues()[0] : [];
    out.push({
      name,
      taggedAs: sheetTag(sheet),
      columnKeys: keysOf(sheet, name, headers),
      headers,
      lastRow: sheet.getLastRow(),
      lastColumn,
      maxColumns: sheet.getMaxColumns(),
    });
  }
  return out;
}
