// Reads what setup needs of the workbook: for each of our sheet names, its tags, headers and size.
import type { SheetSnapshot } from '../domain/setup-plan';
import { columnKeys, sheetTag } from './metadata';

export function snapshotSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  names: readonly string[],
): SheetSnapshot[] {
  const out: SheetSnapshot[] = [];
  for (const name of names) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const lastColumn = sheet.getLastColumn();
    out.push({
      name,
      taggedAs: sheetTag(sheet),
      columnKeys: columnKeys(sheet),
      headers: lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getDisplayValues()[0] : [],
      lastRow: sheet.getLastRow(),
      lastColumn,
      maxColumns: sheet.getMaxColumns(),
    });
  }
  return out;
}
