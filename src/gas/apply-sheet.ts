// Applies one sheet's setup plan: creates or adopts it, adds and tags columns, and (re)applies formats, validation and highlights.
import { type ColumnSpec, columnSpecs } from '../domain/columns';
import { HIGHLIGHT_COLOURS, highlightsFor } from '../domain/highlights';
import type { Lang } from '../domain/i18n';
import { plannedColumns, type SheetPlan } from '../domain/setup-plan';
import type { RecordType } from '../schema';
import { tagColumn, tagSheet } from './metadata';
import { buildValidation } from './validation';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const HEADER_BACKGROUND = '#e8f0fe';
const OURS = new Set<string>(Object.values(HIGHLIGHT_COLOURS));

export interface SheetContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  lang: Lang;
  /** The Lists sheet range a dropdown draws from. */
  listRange(list: string): Range;
}

/** Creates, adopts or upgrades the sheet of one record type; returns it with where each field now lives. */
export function applySheet(rt: RecordType, plan: SheetPlan, c: SheetContext) {
  const created = plan.action === 'create';
  const sheet = created ? c.ss.insertSheet(rt.sheetName) : (c.ss.getSheetByName(rt.sheetName) as Sheet);
  if (plan.action !== 'upgrade') tagSheet(sheet, rt.key);
  const columns = plannedColumns(rt, plan);
  const specs = new Map(columnSpecs(rt, c.lang).map((s) => [s.key, s]));
  const width = Math.max(...Object.values(columns));
  const maxColumns = sheet.getMaxColumns();
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  // A new sheet's spare columns count against the spreadsheet's 10 million cells on every row added.
  if (created && width < maxColumns) sheet.deleteColumns(width + 1, maxColumns - width);

  // New columns are contiguous at the end: one write for their headers.
  if (plan.addKeys.length) {
    const first = columns[plan.addKeys[0]];
    sheet
      .getRange(1, first, 1, plan.addKeys.length)
      .setValues([plan.addKeys.map((k) => specs.get(k)?.header ?? k)]);
    // Neighbours of one width take one call.
    for (const run of runsBy(plan.addKeys, columns, (k) => specs.get(k)?.width ?? 120))
      sheet.setColumnWidths(run.first, run.count, run.value);
  }
  const toTag = created
    ? rt.fields.map((f) => f.key)
    : [...plan.tagColumns.map((t) => t.key), ...plan.addKeys];
  for (const k of toTag) tagColumn(sheet, columns[k], k);

  applyFormats(sheet, rt, columns, specs, c);
  return { sheet, columns };
}

/** Runs of adjacent columns whose `value` is the same, in column order. */
function runsBy<T>(keys: readonly string[], columns: Record<string, number>, value: (key: string) => T) {
  const cols = keys.map((k) => ({ c: columns[k], v: value(k) })).sort((a, b) => a.c - b.c);
  const runs: { first: number; count: number; value: T }[] = [];
  for (const { c, v } of cols) {
    const last = runs[runs.length - 1];
    if (last && c === last.first + last.count && last.value === v) last.count++;
    else runs.push({ first: c, count: 1, value: v });
  }
  return runs;
}

/** Re-applied on every run: a run on a correct sheet writes the same formats and rules again and changes nothing. */
function applyFormats(
  sheet: Sheet,
  rt: RecordType,
  columns: Record<string, number>,
  specs: Map<string, ColumnSpec>,
  c: SheetContext,
) {
  const maxRows = sheet.getMaxRows();
  const lastColumn = Math.max(...Object.values(columns));
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, lastColumn).setFontWeight('bold').setBackground(HEADER_BACKGROUND);

  // Help goes into header notes; notes on an admin's own columns are kept.
  const notes = sheet.getRange(1, 1, 1, lastColumn).getNotes()[0];
  for (const [key, col] of Object.entries(columns)) notes[col - 1] = specs.get(key)?.help ?? notes[col - 1];
  sheet.getRange(1, 1, 1, lastColumn).setNotes([notes]);

  if (maxRows < 2) return;
  // Neighbouring columns of one format take one call: most of a record's columns are plain text.
  const keys = rt.fields.map((f) => f.key);
  for (const run of runsBy(keys, columns, (k) => (specs.get(k) as ColumnSpec).numberFormat))
    sheet.getRange(2, run.first, maxRows - 1, run.count).setNumberFormat(run.value);
  // Each rule carries its field's help, so each column has its own.
  for (const f of rt.fields) {
    const spec = specs.get(f.key) as ColumnSpec;
    if (spec.validation)
      sheet
        .getRange(2, columns[f.key], maxRows - 1, 1)
        .setDataValidation(buildValidation(spec.validation, spec.help, c.listRange));
  }

  const wanted = highlightsFor(rt.key, columns, c.lang);
  const existing = sheet.getConditionalFormatRules();
  const kept = existing.filter((r) => !OURS.has(r.getBooleanCondition()?.getBackground() ?? ''));
  if (wanted.length === 0 && kept.length === existing.length) return;
  const data = sheet.getRange(2, 1, maxRows - 1, lastColumn);
  const ours = wanted.map((h) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(h.formula)
      .setBackground(h.background)
      .setRanges([data])
      .build(),
  );
  sheet.setConditionalFormatRules([...kept, ...ours]);
}
