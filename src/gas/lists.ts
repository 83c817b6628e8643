// Reads the Lists sheet at run time: one read of its data per call, so what an admin adds there is offered and accepted at once.
import { listsFromColumns } from '../domain/runtime-lists';
import { defaultLists, type ListRegistry, recordTypes } from '../schema';
import { cachedMap, mapHolds, rebuildMap } from './column-map';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The lists in force: three calls (the sheet, its data range, the values), and only the cells that hold
 * something: whole columns would read every empty row of the sheet too. Columns are found by their keys
 * (the cached map, checked against the header row just read); a list column the sheet lacks (a register
 * set up by an older version) keeps its defaults, and with no Lists sheet every default holds.
 */
export function readLists(ss: Spreadsheet): ListRegistry {
  const sheetName = recordTypes.lists.sheetName;
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return defaultLists;
  const rows = sheet.getDataRange().getValues();
  let map = cachedMap(sheetName) ?? rebuildMap(ss, sheetName);
  const keyed = map.keys.map((_, i) => i + 1).filter((c) => map.keys[c - 1] !== '');
  if (!mapHolds(map, keyed, (c) => rows[0]?.[c - 1])) map = rebuildMap(ss, sheetName);
  const columns: Record<string, unknown[]> = {};
  map.keys.forEach((key, i) => {
    if (key) columns[key] = rows.slice(1).map((r) => r[i]);
  });
  return listsFromColumns(defaultLists, columns);
}
