// Developer metadata that marks our sheets and columns by stable keys, so renaming or moving a column breaks nothing.
import { readFile, type SheetsRequest } from './sheets-api';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const META = { recordType: 'cr.recordType', field: 'cr.field' } as const;

type Metadata = GoogleAppsScript.Sheets.Schema.DeveloperMetadata;
type Column = GoogleAppsScript.Sheets.Schema.DimensionProperties;

/** The value of the first metadata with `key` in a list the API returned, or null. */
export const tagValue = (list: readonly Metadata[] | undefined, key: string) =>
  list?.find((m) => m.metadataKey === key)?.metadataValue ?? null;

/** The field key of each column (index 0 = column A) in the API's column metadata, '' where none; no trailing ''. */
export function columnTags(columns: readonly Column[] | undefined): string[] {
  const keys = (columns ?? []).map((c) => tagValue(c.developerMetadata, META.field) ?? '');
  while (keys.length && keys[keys.length - 1] === '') keys.pop();
  return keys;
}

/** Column metadata of the sheets a get names, with their titles: what columnTags reads. */
const COLUMN_TAGS =
  'sheets(properties.title,data.columnMetadata.developerMetadata(metadataKey,metadataValue))';

/** The field key of each column of the sheet `sheetA1` names: one call, however many columns it has. */
export function columnKeys(ss: Spreadsheet, sheetName: string, sheetA1: string): string[] {
  const sheet = readFile(ss, COLUMN_TAGS, [sheetA1]).sheets?.find((s) => s.properties?.title === sheetName);
  return columnTags(sheet?.data?.[0]?.columnMetadata);
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
