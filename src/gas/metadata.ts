// Developer metadata that marks our sheets and columns by stable keys, so renaming or moving a column breaks nothing.
import { columnLetter } from '../domain/a1';
import { rangesAt } from './ranges';

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

/**
 * Tags columns with their field keys. Apps Script has no batch call for developer metadata, so each column
 * costs one call; their ranges come in one (a RangeList) rather than one each.
 */
export function tagColumns(sheet: Sheet, columns: readonly { column: number; key: string }[]) {
  const letters = columns.map(({ column }) => `${columnLetter(column)}:${columnLetter(column)}`);
  rangesAt(sheet, letters).forEach((range, i) => {
    range.addDeveloperMetadata(
      META.field,
      columns[i].key,
      SpreadsheetApp.DeveloperMetadataVisibility.PROJECT,
    );
  });
}
