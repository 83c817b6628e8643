// Reads the Lists sheet at run time: one block read per call, so what an admin adds there is offered and accepted at once.
import { listsFromColumns } from '../domain/runtime-lists';
import { defaultLists, type ListRegistry, recordTypes } from '../schema';
import { cachedMap, rebuildMap } from './column-map';
import { readColumns } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The lists in force. Only the list columns the sheet has are read (a register set up by an older version
 * may lack a newer list: that one keeps its defaults); with no Lists sheet at all, every default holds.
 */
export function readLists(ss: Spreadsheet): ListRegistry {
  const sheetName = recordTypes.lists.sheetName;
  let map = cachedMap(sheetName);
  if (!map) {
    if (!ss.getSheetByName(sheetName)) return defaultLists;
    map = rebuildMap(ss, sheetName);
  }
  const keys = Object.keys(defaultLists).filter((k) => map.keys.includes(k));
  if (!keys.length) return defaultLists;
  const { values } = readColumns(ss, sheetName, keys, 1);
  return listsFromColumns(defaultLists, values);
}
