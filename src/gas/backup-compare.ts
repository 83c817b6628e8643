// A snapshot compared with the register in steps: a record sheet a block of rows at a time, the small sheets whole.

import {
  changedIn,
  diffIdentities,
  diffSheet,
  RECORD_SHEETS,
  type SheetDiff,
  type SheetIndex,
  type SnapshotSheet,
} from '../domain/care/backup';
import { stepRows } from '../domain/care/check-steps';
import type { RecordType } from '../schema';
import { readSheet } from './backup';
import { SCRIPT_PROPERTY_KEYS } from './property-keys';
import { rowsFromColumns } from './records';
import { readBlock } from './register-cells';
import { readColumns } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rows a step of a comparison or a restore moves of a sheet: about a million cells, or the project's setting (tests, tuning). */
export function restoreStepRows(rt: RecordType): number {
  const raw = PropertiesService.getScriptProperties().getProperty(SCRIPT_PROPERTY_KEYS.restoreRows);
  const n = Number(raw);
  return stepRows(rt.fields.length, raw && Number.isFinite(n) && n >= 1 ? n : null);
}

/** The ID of every data row now, in sheet order: one narrow read. */
export function idsNow(ss: Spreadsheet, rt: RecordType): unknown[] {
  if (!ss.getSheetByName(rt.sheetName)) return [];
  return readColumns(ss, rt.sheetName, ['id'], 1).values.id;
}

export interface CompareStep {
  diff: SheetDiff;
  /** Data rows this step compared. */
  rows: number;
  /** The sheet is compared to its last row. */
  ended: boolean;
}

/**
 * One step of a comparison from data row `from` (0-based). A record sheet's deleted and added records come from
 * its ID column at the sheet's first step; each step then compares one block of rows by ID. Team, Settings and
 * Lists are small: compared whole in one step.
 */
export function compareStep(
  ss: Spreadsheet,
  rt: RecordType,
  then: SnapshotSheet,
  index: SheetIndex,
  from: number,
  tz: string,
): CompareStep {
  const name = rt.sheetName;
  if (!RECORD_SHEETS.includes(name))
    return { diff: diffSheet(name, then, readSheet(ss, rt, tz)), rows: 0, ended: true };
  const ids =
    from === 0
      ? diffIdentities(
          name,
          then,
          idsNow(ss, rt).map((v) => (v === '' ? null : String(v))),
        )
      : { added: [], removed: [] };
  const block = readBlock(ss, rt, from, restoreStepRows(rt));
  const keys = rt.fields.map((f) => f.key).filter((k) => block.columns[k]);
  const records = rowsFromColumns(rt, keys, block.columns, block.count, tz);
  return {
    diff: { sheet: name, ...ids, changed: changedIn(index, records, from) },
    rows: block.count,
    ended: block.ended,
  };
}
