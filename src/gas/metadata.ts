// Developer metadata that marks our sheets and columns by stable keys, so renaming or moving a column breaks nothing.
import type { SheetsRequest } from './sheets-api';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const META = { recordType: 'cr.recordType', field: 'cr.field' } as const;

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

/** Marks a sheet as the one of a record type. */
export function sheetTagRequest(sheetId: number, recordType: string): SheetsRequest {
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: META.recordType,
        metadataValue: recordType,
        location: { sheetId },
        visibility: 'PROJECT',
      },
    },
  };
}

/**
 * Tags whole columns with their field keys: what SpreadsheetApp's createDeveloperMetadataFinder reads back
 * as COLUMN metadata, and what follows the column when someone moves it.
 */
export function columnTagRequests(
  sheetId: number,
  columns: readonly { column: number; key: string }[],
): SheetsRequest[] {
  return columns.map(({ column, key }) => ({
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: META.field,
        metadataValue: key,
        location: {
          dimensionRange: { sheetId, dimension: 'COLUMNS', startIndex: column - 1, endIndex: column },
        },
        visibility: 'PROJECT',
      },
    },
  }));
}
