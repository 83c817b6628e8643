// Reads what setup needs of the workbook: for each of our sheet names, its ID, grid, tags and headers.
import type { SheetSnapshot } from '../domain/setup-plan';
import { columnTags, META, tagValue } from './metadata';
import { readFile } from './sheets-api';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the Sheets API tells of one sheet in the read of the whole file. */
export interface SheetFacts {
  id: number;
  maxRows: number;
  maxColumns: number;
  /** The record type key recorded on the sheet by an earlier setup, if any. */
  taggedAs: string | null;
  /** Field key of each column (index 0 = column A), '' where untagged. */
  columnKeys: string[];
  /** SpreadsheetApp's handle on it, once the snapshot has asked for it: applying the plan needs no second ask. */
  sheet?: GoogleAppsScript.Spreadsheet.Sheet;
}

const FACTS =
  'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),' +
  'developerMetadata(metadataKey,metadataValue),' +
  'data.columnMetadata.developerMetadata(metadataKey,metadataValue))';

/** Every sheet's ID, grid, sheet tag and column tags, by name: one call, however many sheets and columns. */
export function readFacts(ss: Spreadsheet): Map<string, SheetFacts> {
  const out = new Map<string, SheetFacts>();
  for (const s of readFile(ss, FACTS).sheets ?? []) {
    const p = s.properties ?? {};
    out.set(String(p.title), {
      id: Number(p.sheetId),
      maxRows: Number(p.gridProperties?.rowCount ?? 0),
      maxColumns: Number(p.gridProperties?.columnCount ?? 0),
      taggedAs: tagValue(s.developerMetadata, META.recordType),
      columnKeys: columnTags(s.data?.[0]?.columnMetadata),
    });
  }
  return out;
}

/** The snapshot planning reads: tags from `facts`, then two calls for the headers of each sheet that exists. */
export function snapshotSheets(
  ss: Spreadsheet,
  names: readonly string[],
  facts: ReadonlyMap<string, SheetFacts>,
): SheetSnapshot[] {
  const out: SheetSnapshot[] = [];
  for (const name of names) {
    const f = facts.get(name);
    const sheet = f && ss.getSheetByName(name);
    if (!f || !sheet) continue;
    f.sheet = sheet;
    const lastColumn = sheet.getLastColumn();
    const headers = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getDisplayValues()[0] : [];
    out.push({
      name,
      taggedAs: f.taggedAs,
      columnKeys: f.columnKeys,
      headers,
      lastColumn,
      maxColumns: f.maxColumns,
    });
  }
  return out;
}
