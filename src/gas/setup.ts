// "Set up register": reads the workbook, plans, and creates or upgrades every sheet; idempotent, and the upgrade path.
import { columnLetter } from '../domain/a1';
import { findListItem } from '../domain/field-value';
import type { Lang } from '../domain/i18n';
import { missingListItems, missingSettingRows } from '../domain/setup-content';
import { planSetup, type SetupPlan, type SheetPlan } from '../domain/setup-plan';
import { defaultLists, type RecordType, recordTypes, SCHEMA_VERSION } from '../schema';
import { applySheet } from './apply-sheet';
import { sheetA1, storeMap } from './column-map';
import { migrateLanguage } from './language';
import { PROPERTY_KEYS } from './property-keys';
import { ensureProtections } from './protections';
import { recordOwner } from './session';
import { batchUpdate, type SheetsRequest } from './sheets-api';
import { readFacts, type SheetFacts, snapshotSheets } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Lists first: every dropdown points at it. */
const SETUP_ORDER: readonly RecordType[] = [
  recordTypes.lists,
  recordTypes.settings,
  recordTypes.team,
  recordTypes.customer,
  recordTypes.interaction,
  recordTypes.property,
  recordTypes.changeRequest,
  recordTypes.purchase,
  recordTypes.audit,
  recordTypes.reminderLog,
];

export interface SetupReport {
  lang: Lang;
  fromVersion: number | null;
  toVersion: number;
  created: string[];
  adopted: string[];
  addedColumns: Record<string, string[]>;
  addedListItems: number;
  addedSettings: number;
  migratedFrom: Lang | null;
  changed: boolean;
}

/** The register's language as setup recorded it; null before the first setup. */
export function recordedLanguage(): Lang | null {
  return PropertiesService.getDocumentProperties().getProperty(PROPERTY_KEYS.language) as Lang | null;
}

/** The plan, with what the Sheets API read of each sheet: applying it needs their IDs and grids. */
export type RegisterPlan = SetupPlan & { facts: ReadonlyMap<string, SheetFacts> };

export function planRegister(ss: Spreadsheet): RegisterPlan {
  const facts = readFacts(ss);
  const names = SETUP_ORDER.map((r) => r.sheetName);
  return { ...planSetup(SETUP_ORDER, snapshotSheets(ss, names, facts)), facts };
}

/** Applies a plan that has no refusals. `requested` is the language asked for on a first setup. */
export function applyRegister(
  ss: Spreadsheet,
  plan: RegisterPlan,
  o: { owner: string; requested: Lang },
): SetupReport {
  const props = PropertiesService.getDocumentProperties();
  const stored = props.getProperties();
  const recordedLang = stored[PROPERTY_KEYS.language] as Lang | undefined;
  const fromVersion = stored[PROPERTY_KEYS.schemaVersion]
    ? Number(stored[PROPERTY_KEYS.schemaVersion])
    : null;
  const settingsPlan = plan.sheets.find((p) => p.recordType === 'settings') as SheetPlan;
  const lang = settingLanguage(ss, settingsPlan) ?? recordedLang ?? o.requested;
  const migratedFrom = recordedLang && recordedLang !== lang ? recordedLang : null;
  if (migratedFrom) migrateLanguage(ss, SETUP_ORDER, plan.sheets, migratedFrom, lang);

  const report: SetupReport = {
    lang,
    fromVersion,
    toVersion: SCHEMA_VERSION,
    created: [],
    adopted: [],
    addedColumns: {},
    addedListItems: 0,
    addedSettings: 0,
    migratedFrom,
    changed: false,
  };
  const applied = new Map<string, Applied>();
  // Every sheet's tags, widths, formats, rules and notes, sent together once the sheets and columns exist.
  const requests: SheetsRequest[] = [];
  let listSource = (list: string) => list;
  for (const rt of SETUP_ORDER) {
    const p = plan.sheets.find((s) => s.recordType === rt.key) as SheetPlan;
    const facts = p.action === 'create' ? undefined : plan.facts.get(rt.sheetName);
    const done = applySheet(rt, p, { ss, lang, facts, listSource: (list) => listSource(list) });
    applied.set(rt.key, done);
    requests.push(...done.requests);
    if (rt.key === 'lists') {
      listSource = dropdownSource(done);
      report.addedListItems = fillLists(done.sheet, done.columns, lang);
    }
    if (p.action === 'create') report.created.push(rt.sheetName);
    if (p.action === 'adopt') report.adopted.push(rt.sheetName);
    if (p.action !== 'create' && p.addKeys.length) report.addedColumns[rt.sheetName] = p.addKeys;
  }
  const settings = applied.get('settings') as Applied;
  report.addedSettings = fillSettings(settings.sheet, settings.columns, lang);
  const team = applied.get('team') as Applied;
  const addedOwner = ensureOwner(team.sheet, team.columns, o.owner, lang);

  // Before the column maps are cached: a refused batch leaves no map claiming tags that were never made.
  batchUpdate(ss, requests);
  for (const rt of SETUP_ORDER) {
    const { columns, headers } = applied.get(rt.key) as Applied;
    storeMap(rt.sheetName, columns, headers);
  }
  recordOwner(ss);
  // Protections follow the columns just placed; only what drifted is touched, so a second run changes nothing.
  // Not counted in `changed`, which speaks of the register's sheets and columns.
  ensureProtections(ss, { owner: o.owner, lang });

  report.changed =
    report.created.length +
      report.adopted.length +
      Object.keys(report.addedColumns).length +
      report.addedListItems +
      report.addedSettings >
      0 ||
    addedOwner ||
    migratedFrom !== null ||
    fromVersion !== SCHEMA_VERSION;
  if (report.changed)
    props.setProperties({
      [PROPERTY_KEYS.schemaVersion]: String(SCHEMA_VERSION),
      [PROPERTY_KEYS.language]: lang,
    });
  return report;
}

type Applied = ReturnType<typeof applySheet>;

/** The Lists column of a list, below its header to the sheet's end, fixed ($): what a dropdown draws from. */
function dropdownSource({ columns, maxRows }: Applied) {
  const name = sheetA1(recordTypes.lists.sheetName);
  return (list: string) => {
    const col = columnLetter(columns[list]);
    return `${name}!$${col}$2:$${col}$${maxRows}`;
  };
}

/** The language an admin chose in the Settings sheet, if there is one. */
function settingLanguage(ss: Spreadsheet, p: SheetPlan): Lang | null {
  if (p.action === 'create') return null;
  const sheet = ss.getSheetByName(recordTypes.settings.sheetName);
  if (!sheet || sheet.getLastRow() < 2) return null;
  const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).getValues();
  const row = rows.find((r) => String(r[p.columns.key - 1]).trim() === 'language');
  if (!row) return null;
  const item = findListItem(defaultLists.language, String(row[p.columns.value - 1]).trim());
  return item ? (item.key as Lang) : null;
}

/**
 * Appends the default items each list column lacks, below what is there. Neighbouring columns that are
 * empty (all of them on a first setup) take one write together; any other column, one write of its own.
 */
function fillLists(sheet: Sheet, columns: Record<string, number>, lang: Lang): number {
  const lastRow = Math.max(sheet.getLastRow(), 1);
  const values = lastRow > 1 ? sheet.getRange(2, 1, lastRow - 1, sheet.getLastColumn()).getValues() : [];
  const fills: { col: number; items: string[] }[] = [];
  let added = 0;
  for (const [key, col] of Object.entries(columns)) {
    const list = defaultLists[key];
    if (!list) continue;
    const present = values.map((r) => r[col - 1]).filter((v) => String(v).trim() !== '');
    const missing = missingListItems(list, present, lang);
    if (!missing.length) continue;
    added += missing.length;
    if (values.every((r) => r[col - 1] === '')) fills.push({ col, items: missing });
    else sheet.getRange(2 + present.length, col, missing.length, 1).setValues(missing.map((m) => [m]));
  }
  for (const run of blocks(fills.sort((x, y) => x.col - y.col))) {
    const height = Math.max(...run.map((f) => f.items.length));
    const grid = Array.from({ length: height }, (_, r) => run.map((f) => f.items[r] ?? ''));
    sheet.getRange(2, run[0].col, height, run.length).setValues(grid);
  }
  return added;
}

/** Blank cells a block may carry to save a write: one call costs about what 70 cells moved do (Google's figures). */
const PADDING = 140;

/** Neighbouring columns grouped into blocks, a new block where a long list would pad the rest with blanks. */
function blocks<T extends { col: number; items: unknown[] }>(fills: readonly T[]): T[][] {
  const out: T[][] = [];
  for (const f of fills) {
    const block = out[out.length - 1];
    const last = block?.[block.length - 1];
    if (block && last && f.col === last.col + 1) {
      const height = Math.max(...block.map((b) => b.items.length));
      const grown = Math.max(height, f.items.length);
      if ((grown - height) * block.length + (grown - f.items.length) <= PADDING) {
        block.push(f);
        continue;
      }
    }
    out.push([f]);
  }
  return out;
}

/** One column of the data rows (below the header), or nothing on an empty sheet. */
function columnValues(sheet: Sheet, column: number, lastRow: number): unknown[] {
  return lastRow > 1
    ? sheet
        .getRange(2, column, lastRow - 1, 1)
        .getValues()
        .map((r) => r[0])
    : [];
}

/** Values laid out at their fields' columns, '' elsewhere. */
function placed(columns: Record<string, number>, values: Record<string, unknown>): unknown[] {
  const row: unknown[] = new Array(Math.max(...Object.values(columns))).fill('');
  for (const [k, v] of Object.entries(values)) row[columns[k] - 1] = v;
  return row;
}

function fillSettings(sheet: Sheet, columns: Record<string, number>, lang: Lang): number {
  const lastRow = sheet.getLastRow();
  const keys = columnValues(sheet, columns.key, lastRow);
  const rows = missingSettingRows(keys, defaultLists, lang, { language: lang });
  if (!rows.length) return 0;
  const out = rows.map(([key, label, value, help]) => placed(columns, { key, label, value, help }));
  sheet.getRange(Math.max(lastRow, 1) + 1, 1, out.length, out[0].length).setValues(out);
  return out.length;
}

/** The first setup records the spreadsheet's owner as an Admin. */
function ensureOwner(sheet: Sheet, columns: Record<string, number>, owner: string, lang: Lang): boolean {
  if (!owner) return false;
  const lastRow = sheet.getLastRow();
  const emails = columnValues(sheet, columns.email, lastRow).map((v) => String(v).trim().toLowerCase());
  if (emails.includes(owner)) return false;
  const role = defaultLists.teamRole.items.find((i) => i.key === 'Admin')?.labels[lang] ?? 'Admin';
  const row = placed(columns, { email: owner, role, active: true });
  sheet.getRange(Math.max(lastRow, 1) + 1, 1, 1, row.length).setValues([row]);
  return true;
}
