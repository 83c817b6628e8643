// An import's progress in document properties, and its report sheet: the rows that were not imported as they were.
import { type ImportProgress, readProgress } from '../domain/import/progress';
import { importProgressKey } from './property-keys';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const key = importProgressKey;

export function loadProgress(importId: string): ImportProgress {
  return readProgress(PropertiesService.getDocumentProperties().getProperty(key(importId)));
}

export function saveProgress(importId: string, progress: ImportProgress) {
  PropertiesService.getDocumentProperties().setProperty(key(importId), JSON.stringify(progress));
}

/**
 * A new sheet named after the moment ('Import 2026-11-23 09:30', with ' (2)' when taken), its header
 * written and every column plain text, so a refused `=HYPERLINK(…)` is shown, never run.
 */
function createReportSheet(ss: Spreadsheet, base: string, header: readonly string[]): string {
  let name = base;
  for (let n = 2; ss.getSheetByName(name); n++) name = `${base} (${n})`;
  const sheet = ss.insertSheet(name);
  sheet.getRange(1, 1, sheet.getMaxRows(), header.length).setNumberFormat('@');
  sheet.getRange(1, 1, 1, header.length).setValues([[...header]]);
  sheet.setFrozenRows(1);
  return name;
}

/** Appends report lines in one write; a sheet deleted by someone meanwhile is made again. */
export function appendReport(ss: Spreadsheet, name: string, header: readonly string[], lines: string[][]) {
  if (!lines.length) return name;
  const sheetName = ss.getSheetByName(name) ? name : createReportSheet(ss, name, header);
  const sheet = ss.getSheetByName(sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
  const first = sheet.getLastRow() + 1;
  const need = first + lines.length - 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  const range = sheet.getRange(first, 1, lines.length, header.length);
  range.setNumberFormat('@');
  range.setValues(lines);
  return sheetName;
}
