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
import type { RecordType, WireValue } from '../schema';
import { readSheet } from './backup';
import { SCRIPT_PROPERTY_KEYS } from './property-keys';
import { findRow } from './record-writes';
import { readWireBlock } from './register-cells';
import { readColumns, verifiedMap } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rows a step of a comparison or a restore moves of a sheet: about a million cells, or the project's setting (tests, tuning). */
export function restoreStepRows(rt: RecordType): number {
  const raw = PropertiesService.getScriptProperties().getProperty(SCRIPT_PROPERTY_KEYS.restoreRows);
  const n = Number(raw);
  return stepRows(rt.fields.length, raw && Number.isFinite(n) && n >= 1 ? n : null);
}

/** The ID of every data row now, in sheet order: one narrow read of a sheet the caller knows exists. */
export function idsNow(ss: Spreadsheet, rt: RecordType): unknown[] {
  return readColumns(ss, rt.sheetName, ['id'], 1).values.id;
}

/** Where the next step starts, with the last row's ID when it has one. */
const nextOf = (from: number, records: readonly Record<string, WireValue>[]) => {
  const after = String(records[records.length - 1]?.id ?? '').trim();
  return after ? { from: from + records.length, after } : { from: from + records.length };
};

export interface CompareStep {
  diff: SheetDiff;
  /** The next data row (0-based) and the ID of the last row compared, if it has one. */
  next: { from: number; after?: string };
  /** The sheet is compared to its last row. */
  ended: boolean;
}

/**
 * Where a comparison goes on in a sheet: after the row now holding the last record compared (found by one
 * search, since rows may have been inserted or deleted above it between calls), or at `from` when that record
 * is gone.
 */
export function resumeRow(ss: Spreadsheet, rt: RecordType, from: number, after?: string): number {
  if (!after || !ss.getSheetByName(rt.sheetName)) return from;
  const row = findRow(ss, rt.sheetName, verifiedMap(ss, rt.sheetName), after);
  return row === null ? from : row - 1;
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
    return { diff: diffSheet(name, then, readSheet(ss, rt, tz)), next: { from: 0 }, ended: true };
  const sheet = ss.getSheetByName(name);
  if (!sheet)
    return { diff: diffSheet(name, then, { keys: then.keys, rows: [] }), next: { from: 0 }, ended: true };
  const ids =
    from === 0
      ? diffIdentities(
          name,
          then,
          idsNow(ss, rt).map((v) => (v === '' ? null : String(v))),
        )
      : { added: [], removed: [] };
  const { records, ended } = readWireBlock(ss, rt, tz, from, restoreStepRows(rt), sheet);
  return {
    diff: { sheet: name, ...ids, changed: changedIn(index, records, from) },
    next: nextOf(from, records),
    ended,
  };
}
