// An import's progress in document properties, its report sheet (the rows that were not imported as they were), and the searches that tell which of a dead chunk's writes were made.
import { columnLetter } from '../domain/a1';
import { escapeRe } from '../domain/cell-search';
import { type ImportProgress, readProgress } from '../domain/import/progress';
import { recordTypes } from '../schema';
import { columnOf, sheetA1 } from './column-map';
import { findRowsBy } from './finder';
import { importProgressKey } from './property-keys';
import { readRowsAt, verifiedMap } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const key = importProgressKey;

export function loadProgress(importId: string): ImportProgress {
  return readProgress(PropertiesService.getDocumentProperties().getProperty(key(importId)));
}

export function saveProgress(importId: string, progress: ImportProgress) {
  PropertiesService.getDocumentProperties().setProperty(key(importId), JSON.stringify(progress));
}

/**
 * A name for a new report sheet: the moment ('Import 2026-11-23 09:30'), with ' (2)' when taken. Chosen
 * before the sheet is made, so a chunk records it with its plan and a retry writes to the same sheet.
 */
export function freeSheetName(ss: Spreadsheet, base: string): string {
  let name = base;
  for (let n = 2; ss.getSheetByName(name); n++) name = `${base} (${n})`;
  return name;
}

/** A new sheet with its header written and every column plain text, so a refused `=HYPERLINK(…)` is shown, never run. */
function createReportSheet(ss: Spreadsheet, name: string, header: readonly string[]) {
  const sheet = ss.insertSheet(name);
  sheet.getRange(1, 1, sheet.getMaxRows(), header.length).setNumberFormat('@');
  sheet.getRange(1, 1, 1, header.length).setValues([[...header]]);
  sheet.setFrozenRows(1);
  return sheet;
}

/** Appends report lines in one write; a sheet deleted by someone meanwhile is made again. */
export function appendReport(ss: Spreadsheet, name: string, header: readonly string[], lines: string[][]) {
  if (!lines.length) return;
  const sheet = ss.getSheetByName(name) ?? createReportSheet(ss, name, header);
  const first = sheet.getLastRow() + 1;
  const need = first + lines.length - 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  const range = sheet.getRange(first, 1, lines.length, header.length);
  range.setNumberFormat('@');
  range.setValues(lines);
}

/** Whether the report sheet already lists file line `line` (its first column): one search. */
export function reportHas(ss: Spreadsheet, name: string, line: number): boolean {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return false;
  return sheet.getRange('A2:A').createTextFinder(String(line)).matchEntireCell(true).findNext() !== null;
}

/**
 * Which of `ids` are in the sheet's ID column: one search for all of them, then one read per run of the
 * rows it finds. The cost follows the IDs asked about, not the sheet.
 */
export function idsPresent(ss: Spreadsheet, sheetName: string, ids: readonly string[]): Set<string> {
  if (!ids.length) return new Set();
  const map = verifiedMap(ss, sheetName);
  const { rows } = findRowsBy(
    ss,
    sheetName,
    map,
    // Anchored in the pattern, as record-writes finds IDs: spaces typed around an ID still match.
    [{ key: 'id', text: `^\\s*(?:${ids.map(escapeRe).join('|')})\\s*$`, entire: false, regex: true }],
    ids.length,
  );
  const found = readRowsAt(ss, sheetName, map, rows, ['id']).id.map((v) => String(v).trim());
  return new Set(ids.filter((id) => found.includes(id)));
}

/** Rows of one record's Audit history looked at from the newest: the chunk's own row is among them if it was written. */
const NEWEST = 5;

/**
 * Whether Audit already holds the row a chunk wrote first: the same record and new value, stamped at the
 * chunk's moment (to the second, as a sheet may keep it). One search of the record column, then one read per
 * run of the record's newest rows.
 */
export function auditHas(ss: Spreadsheet, first: { record: string; newValue: string }, at: Date): boolean {
  const sheetName = recordTypes.audit.sheetName;
  const map = verifiedMap(ss, sheetName);
  const c = columnLetter(columnOf(map, 'record'));
  // Only the newest hits' rows are asked for: a record's long history costs one search, not a call per row.
  const newest = ss
    .getRange(`${sheetA1(sheetName)}!${c}2:${c}`)
    .createTextFinder(first.record)
    .matchEntireCell(true)
    .findAll()
    .slice(-NEWEST)
    .map((hit) => hit.getRow());
  if (!newest.length) return false;
  const read = readRowsAt(ss, sheetName, map, newest, ['time', 'newValue']);
  return newest.some((_, i) => {
    const time = read.time[i];
    return (
      String(read.newValue[i]) === first.newValue &&
      Object.prototype.toString.call(time) === '[object Date]' &&
      Math.abs((time as Date).getTime() - at.getTime()) < 1000
    );
  });
}
