// Applies one sheet's setup plan: creates or adopts it and adds columns now; tags, formats and rules as API requests.
import { columnLetter } from '../domain/a1';
import { type ColumnSpec, columnSpecs } from '../domain/columns';
import { HIGHLIGHT_COLOURS, highlightsFor } from '../domain/highlights';
import type { Lang } from '../domain/i18n';
import { plannedColumns, type SheetPlan } from '../domain/setup-plan';
import type { RecordType } from '../schema';
import { headerText } from './column-map';
import { columnTagRequests, sheetTagRequest } from './metadata';
import { headerRequests, noteRequests, numberFormatRequest, runsBy, widthRequest } from './sheet-requests';
import type { SheetsRequest } from './sheets-api';
import { validationRequest } from './validation';
import type { SheetFacts } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = '#e8f0fe';
const OURS = new Set<string>(Object.values(HIGHLIGHT_COLOURS));
/**
 * Sheets' "General" format is SpreadsheetApp's word for the automatic format; the API has no pattern for it
 * (automatic is the absence of one), so columns that take it keep getting it through SpreadsheetApp.
 */
const GENERAL = 'General';

export interface SheetContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  lang: Lang;
  /** What the API read of the sheet before setup, when it existed. */
  facts?: SheetFacts;
  /** The A1 reference, with its sheet, of the Lists column a dropdown draws from. */
  listSource(list: string): string;
}

/**
 * Creates, adopts or upgrades the sheet of one record type. Structure (the sheet, its columns, new headers,
 * highlights) changes now through SpreadsheetApp; tags, widths, number formats, rules, header style and
 * notes come back as requests for one batch with every other sheet's.
 */
export function applySheet(rt: RecordType, plan: SheetPlan, c: SheetContext) {
  const created = plan.action === 'create';
  // An existing sheet is known from the API's read: its handle, ID and grid cost no further call.
  const known = created ? undefined : c.facts;
  const sheet =
    known?.sheet ?? (created ? c.ss.insertSheet(rt.sheetName) : (c.ss.getSheetByName(rt.sheetName) as Sheet));
  const id = known?.id ?? sheet.getSheetId();
  const columns = plannedColumns(rt, plan);
  const specs = new Map(columnSpecs(rt, c.lang).map((s) => [s.key, s]));
  const width = Math.max(...Object.values(columns));
  const maxColumns = known?.maxColumns ?? sheet.getMaxColumns();
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  // A new sheet's spare columns count against the spreadsheet's 10 million cells on every row added.
  if (created && width < maxColumns) sheet.deleteColumns(width + 1, maxColumns - width);
  const maxRows = known?.maxRows ?? sheet.getMaxRows();

  const requests: SheetsRequest[] = [];
  if (plan.action !== 'upgrade') requests.push(sheetTagRequest(id, rt.key));
  // New columns are contiguous at the end: one write for their headers.
  if (plan.addKeys.length) {
    const first = columns[plan.addKeys[0]];
    sheet
      .getRange(1, first, 1, plan.addKeys.length)
      .setValues([plan.addKeys.map((k) => specs.get(k)?.header ?? k)]);
    for (const run of runsBy(plan.addKeys, columns, (k) => specs.get(k)?.width ?? 120))
      requests.push(widthRequest(id, run.first, run.count, run.value));
  }
  const toTag =
    plan.action === 'create'
      ? rt.fields.map((f) => ({ column: columns[f.key], key: f.key }))
      : [...plan.tagColumns, ...plan.addKeys.map((key) => ({ column: columns[key], key }))];
  requests.push(...columnTagRequests(id, toTag));

  const headers = created
    ? Array.from({ length: width }, (_, i) => {
        const key = Object.keys(columns).find((k) => columns[k] === i + 1);
        return key ? (specs.get(key)?.header ?? key) : '';
      })
    : headerText(sheet.getRange(1, 1, 1, width).getValues()[0]);
  requests.push(...formatRequests(sheet, id, rt, columns, specs, { ...c, created, maxRows, width }));
  return { sheet, columns, headers, maxRows, requests };
}

/**
 * Re-applied on every run: a run on a correct sheet sends the same formats and rules again and changes
 * nothing. Help goes into header notes on our columns only (an admin's own columns keep theirs) and into
 * each column's rule.
 */
function formatRequests(
  sheet: Sheet,
  id: number,
  rt: RecordType,
  columns: Record<string, number>,
  specs: Map<string, ColumnSpec>,
  c: SheetContext & { created: boolean; maxRows: number; width: number },
): SheetsRequest[] {
  const out = headerRequests(id, c.width, HEADER_BACKGROUND);
  const notes = new Map<number, string>();
  for (const [key, col] of Object.entries(columns)) {
    const help = specs.get(key)?.help;
    if (help !== undefined) notes.set(col, help);
  }
  out.push(...noteRequests(id, notes));
  if (c.maxRows < 2) return out;

  const keys = rt.fields.map((f) => f.key);
  const general: string[] = [];
  for (const run of runsBy(keys, columns, (k) => (specs.get(k) as ColumnSpec).numberFormat)) {
    if (run.value === GENERAL) general.push(below(run.first, run.count, c.maxRows));
    else out.push(numberFormatRequest(id, run.first, run.count, run.value));
  }
  if (general.length) sheet.getRangeList(general).setNumberFormat(GENERAL);
  for (const f of rt.fields) {
    const spec = specs.get(f.key) as ColumnSpec;
    if (spec.validation)
      out.push(validationRequest(id, columns[f.key], spec.validation, spec.help, c.listSource));
  }
  applyHighlights(sheet, rt, columns, c);
  return out;
}

const below = (first: number, count: number, maxRows: number) =>
  `${columnLetter(first)}2:${columnLetter(first + count - 1)}${maxRows}`;

/** Our conditional highlights replace our earlier ones; everyone else's rules are kept. */
function applyHighlights(
  sheet: Sheet,
  rt: RecordType,
  columns: Record<string, number>,
  c: SheetContext & { created: boolean; maxRows: number; width: number },
) {
  const wanted = highlightsFor(rt.key, columns, c.lang);
  // A new sheet has no rules of anyone's to keep.
  const existing = c.created ? [] : sheet.getConditionalFormatRules();
  const kept = existing.filter((r) => !OURS.has(r.getBooleanCondition()?.getBackground() ?? ''));
  if (wanted.length === 0 && kept.length === existing.length) return;
  const data = sheet.getRange(2, 1, c.maxRows - 1, c.width);
  const ours = wanted.map((h) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(h.formula)
      .setBackground(h.background)
      .setRanges([data])
      .build(),
  );
  sheet.setConditionalFormatRules([...kept, ...ours]);
}
