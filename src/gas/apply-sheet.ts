// Applies one sheet's setup plan: creates or adopts it, adds and tags columns, and (re)applies formats, validation and highlights.
import { columnLetter } from '../domain/a1';
import { type ColumnSpec, columnSpecs, type ValidationDescriptor } from '../domain/columns';
import { HIGHLIGHT_COLOURS, highlightsFor } from '../domain/highlights';
import type { Lang } from '../domain/i18n';
import { plannedColumns, type SheetPlan } from '../domain/setup-plan';
import type { RecordType } from '../schema';
import { headerText } from './column-map';
import { tagColumns, tagSheet } from './metadata';
import { rangesAt } from './ranges';
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

/** Creates, adopts or upgrades the sheet of one record type; returns it with where each field now lives and its headers. */
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
    ? rt.fields.map((f) => ({ column: columns[f.key], key: f.key }))
    : [...plan.tagColumns, ...plan.addKeys.map((key) => ({ column: columns[key], key }))];
  tagColumns(sheet, toTag);

  const headers = applyFormats(sheet, rt, columns, specs, { ...c, created });
  return { sheet, columns, headers };
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

/**
 * Re-applied on every run: a run on a correct sheet writes the same formats and rules again and changes
 * nothing. Returns the header row as it now reads, for the column map.
 */
function applyFormats(
  sheet: Sheet,
  rt: RecordType,
  columns: Record<string, number>,
  specs: Map<string, ColumnSpec>,
  c: SheetContext & { created: boolean },
): string[] {
  const maxRows = sheet.getMaxRows();
  const lastColumn = Math.max(...Object.values(columns));
  sheet.setFrozenRows(1);
  const header = sheet.getRange(1, 1, 1, lastColumn).setFontWeight('bold').setBackground(HEADER_BACKGROUND);

  // Help goes into header notes; notes on an admin's own columns are kept (a new sheet has none).
  const notes = c.created ? new Array<string>(lastColumn).fill('') : header.getNotes()[0];
  for (const [key, col] of Object.entries(columns)) notes[col - 1] = specs.get(key)?.help ?? notes[col - 1];
  header.setNotes([notes]);
  const headers = c.created
    ? Array.from({ length: lastColumn }, () => '')
    : headerText(header.getValues()[0]);
  if (c.created)
    for (const [key, col] of Object.entries(columns)) headers[col - 1] = specs.get(key)?.header ?? key;

  if (maxRows < 2) return headers;
  const below = (first: number, count: number) =>
    `${columnLetter(first)}2:${columnLetter(first + count - 1)}${maxRows}`;
  // One call per number format, over every run of columns that takes it: most of a record's are plain text.
  const byFormat = new Map<string, string[]>();
  for (const run of runsBy(
    rt.fields.map((f) => f.key),
    columns,
    (k) => (specs.get(k) as ColumnSpec).numberFormat,
  ))
    byFormat.set(run.value, [...(byFormat.get(run.value) ?? []), below(run.first, run.count)]);
  for (const [format, a1s] of byFormat)
    (a1s.length > 1 ? sheet.getRangeList(a1s) : sheet.getRange(a1s[0])).setNumberFormat(format);
  // Each rule carries its field's help, so each column has its own: a call per column (RangeList has no
  // setDataValidation), their ranges asked for in one.
  const validated = rt.fields.filter((f) => specs.get(f.key)?.validation);
  rangesAt(
    sheet,
    validated.map((f) => below(columns[f.key], 1)),
  ).forEach((range, i) => {
    const spec = specs.get(validated[i].key) as ColumnSpec;
    range.setDataValidation(buildValidation(spec.validation as ValidationDescriptor, spec.help, c.listRange));
  });

  const wanted = highlightsFor(rt.key, columns, c.lang);
  // A new sheet has no rules of anyone's to keep.
  const existing = c.created ? [] : sheet.getConditionalFormatRules();
  const kept = existing.filter((r) => !OURS.has(r.getBooleanCondition()?.getBackground() ?? ''));
  if (wanted.length === 0 && kept.length === existing.length) return headers;
  const data = sheet.getRange(2, 1, maxRows - 1, lastColumn);
  const ours = wanted.map((h) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(h.formula)
      .setBackground(h.background)
      .setRanges([data])
      .build(),
  );
  sheet.setConditionalFormatRules([...kept, ...ours]);
  return headers;
}
