// Developer metadata that marks our sheets and columns by stable keys, so renaming or moving a column breaks nothing.
import { columnLetter } from '../domain/a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const META = { recordType: 'cr.recordType', field: 'cr.field' } as const;

export function sheetTag(sheet: Sheet): string | null {
  const found = sheet
    .createDeveloperMetadataFinder()
    .withKey(META.recordType)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  return found.length ? found[0].getValue() : null;
}

export function tagSheet(sheet: Sheet, recordType: string) {
  sheet.addDeveloperMetadata(META.recordType, recordType, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

/** The field key of each column (index 0 = column A), '' where a column carries none. */
export function columnKeys(sheet: Sheet): string[] {
  const found = sheet
    .createDeveloperMetadataFinder()
    .withKey(META.field)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.COLUMN)
    .find();
  const keys: string[] = [];
  for (const md of found) {
    const column = md.getLocation().getColumn();
    if (column) keys[column.getColumn() - 1] = md.getValue() ?? '';
  }
  return Array.from(keys, (k) => k ?? '');
}

export function tagColumn(sheet: Sheet, column: number, key: string) {
  const letter = columnLetter(column);
  sheet
    .getRange(`${letter}:${letter}`)
    .addDeveloperMetadata(META.field, key, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}
