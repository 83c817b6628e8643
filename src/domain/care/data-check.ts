// The data check: every record judged by the register's own normalizers, lists and duplicate rule, as findings with a score per sheet.
import type { FieldDecl, ListRegistry, RecordType, WireValue } from '../../schema';
import { matchKeys } from '../duplicates';
import { findListItem, isEmptyInput, parseFieldValue } from '../field-value';
import { type Lang, type MessageKey, type MessageParams, t } from '../i18n';
import { phoneRegion } from '../phone-region';
import { dayNumber } from '../reminders/civil-date';
import type { TeamMember } from '../roles';

/** A date cell as the adapter hands it over: the day it shows in the spreadsheet's zone. */
export interface DayCell {
  day: string;
}

export function isDayCell(v: unknown): v is DayCell {
  return typeof v === 'object' && v !== null && typeof (v as DayCell).day === 'string';
}

/** One sheet's cells by field key, row i being data row i; dates as DayCell. */
export interface SheetCells {
  rt: RecordType;
  count: number;
  columns: Record<string, readonly unknown[]>;
}

export interface CheckEnv {
  lists: ListRegistry;
  phoneRegion: string;
  /** The register's language: problems, suggestions and list labels are written in it. */
  lang: Lang;
  team: readonly TeamMember[];
  owner: string | null;
  today: string;
}

export interface Finding {
  sheet: string;
  record: string;
  /** The field's key ('' for the record as a whole). */
  field: string;
  value: string;
  problem: string;
  /** What the cell would hold after the fix ('' when there is no single right value). */
  suggestion: string;
  /** The fix is one of the safe ones (normalize a phone or email, trim text) that "Apply safe fixes" writes. */
  safe: boolean;
}

export interface SheetScore {
  sheet: string;
  records: number;
  /** Records with at least one finding. */
  withProblems: number;
  /** Share of records with no finding, 0–100. */
  score: number;
}

interface CheckResult {
  findings: Finding[];
  scores: SheetScore[];
}

/** Reviews this far past due are "long overdue": a month of grace covers a reminder cycle and its answer. */
const LONG_OVERDUE_DAYS = 30;

// Normalizing these changes only spelling, never meaning: the same number, address or words.
const SAFE_TYPES = new Set<FieldDecl['type']>(['phone', 'email', 'staffEmail', 'text', 'longText']);

/** The value as the sheet shows it, for the finding's Value column. */
function cellText(v: unknown): string {
  if (isDayCell(v)) return v.day;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

interface Judged {
  problem?: { key: MessageKey; params?: MessageParams };
  /** The stored form the normalizer would write, when it differs from the cell. */
  suggestion?: string;
}

/** One cell against its field's parser: refused, or accepted in a form other than the one stored. */
function judgeCell(field: FieldDecl, raw: unknown, env: CheckEnv): Judged | null {
  if (isDayCell(raw)) return null;
  if (isEmptyInput(raw)) return field.required ? { problem: { key: 'required' } } : null;
  const parsed = parseFieldValue(field, raw, env);
  if (!parsed.ok) return { problem: { key: parsed.message, params: parsed.params } };
  const stored = storedForm(field, parsed.value, env);
  if (stored === null || stored === cellText(raw)) return null;
  // A number the sheet parsed from digits is the same number; only text kept in a text cell is re-spelled.
  if (typeof raw === 'number' && (field.type === 'number' || field.type === 'integer')) return null;
  if (typeof raw === 'boolean') return null;
  return { suggestion: stored };
}

/** What the register writes for a parsed value: a list item's label in the register's language, text as it is. */
function storedForm(field: FieldDecl, value: WireValue, env: CheckEnv): string | null {
  if (value === null) return null;
  if (field.type === 'list') {
    const item = field.list ? env.lists[field.list]?.items.find((i) => i.key === value) : undefined;
    return item ? item.labels[env.lang] : String(value);
  }
  // Date-times read from a date cell are DayCells; one typed as text is judged by the parser alone.
  if (field.type === 'dateTime' || field.type === 'boolean') return null;
  return String(value);
}

function problemText(env: CheckEnv, field: FieldDecl | null, key: MessageKey, params: MessageParams = {}) {
  const listLabel = field?.list ? (env.lists[field.list]?.labels[env.lang] ?? field.list) : '';
  return t(env.lang, key, { ...params, field: field ? field.labels[env.lang] : '', list: listLabel });
}

export const str = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** The list item key a stored label names, in either language. */
export function itemKey(lists: ListRegistry, list: string, v: unknown): string {
  const decl = lists[list];
  return (decl && findListItem(decl, str(v))?.key) ?? '';
}

const DUPLICATE_KEYS = ['phone', 'email', 'name'] as const;

/** The Customers fields the duplicate rule reads: a block is checked against these cells of every row before it. */
export const DUPLICATE_FIELDS = ['id', 'phone', 'email', 'name', 'company'] as const;

/** Sheet-wide rules a single cell cannot know: duplicates, owners, overdue reviews and property, unknown customers. */
function customerRules(
  sheet: SheetCells,
  env: CheckEnv,
  earlier: SheetCells | undefined,
  add: (i: number, f: Omit<Finding, 'sheet' | 'record'>) => void,
) {
  const { columns, count } = sheet;
  const staff = new Set(env.team.filter((m) => m.active).map((m) => m.email));
  if (env.owner) staff.add(env.owner);
  // Each key's first holder, by ID: the rows before this block count first, so a block finds what the whole sheet would.
  const seen = {
    phone: new Map<string, string>(),
    email: new Map<string, string>(),
    name: new Map<string, string>(),
  };
  const keysOf = (c: SheetCells['columns'], i: number) =>
    matchKeys({ phone: c.phone?.[i], email: c.email?.[i], name: c.name?.[i], company: c.company?.[i] });
  for (let i = 0; i < (earlier?.count ?? 0); i++) {
    const keys = keysOf(earlier?.columns ?? {}, i);
    for (const k of DUPLICATE_KEYS)
      if (keys[k] && !seen[k].has(keys[k])) seen[k].set(keys[k], str(earlier?.columns.id?.[i]));
  }
  const today = dayNumber(env.today) ?? 0;
  const ids = columns.id ?? [];
  const field = (k: string) => sheet.rt.fields.find((f) => f.key === k) ?? null;
  for (let i = 0; i < count; i++) {
    const keys = keysOf(columns, i);
    for (const k of DUPLICATE_KEYS) {
      if (!keys[k]) continue;
      const first = seen[k].get(keys[k]);
      if (first === undefined) seen[k].set(keys[k], str(ids[i]));
      else
        add(i, {
          field: k,
          value:
            k === 'name'
              ? [str(columns.name?.[i]), str(columns.company?.[i])].filter(Boolean).join(' / ')
              : cellText(columns[k]?.[i]),
          problem: t(env.lang, 'careDuplicate', {
            id: first,
            field: field(k)?.labels[env.lang] ?? k,
          }),
          suggestion: '',
          safe: false,
        });
    }
    if (itemKey(env.lists, 'recordState', columns.recordState?.[i]) === 'archived') continue;
    const owner = str(columns.owner?.[i]).toLowerCase();
    if (columns.owner && !owner)
      add(i, { field: 'owner', value: '', problem: t(env.lang, 'careNoOwner'), suggestion: '', safe: false });
    else if (owner && !staff.has(owner))
      add(i, {
        field: 'owner',
        value: owner,
        problem: t(env.lang, 'careOwnerGone'),
        suggestion: '',
        safe: false,
      });
    const due = columns.nextReviewDue?.[i];
    const dueDay = isDayCell(due) ? dayNumber(due.day) : null;
    if (dueDay !== null && today - dueDay > LONG_OVERDUE_DAYS)
      add(i, {
        field: 'nextReviewDue',
        value: cellText(due),
        problem: t(env.lang, 'careReviewOverdue', { days: today - dueDay }),
        suggestion: '',
        safe: false,
      });
  }
}

/** Days property row `i` is past its expected return while not returned; null when it is not overdue. */
export function returnOverdueDays(
  sheet: SheetCells,
  i: number,
  lists: ListRegistry,
  today: string,
): number | null {
  const expected = sheet.columns.expectedReturn?.[i];
  const day = isDayCell(expected) ? dayNumber(expected.day) : null;
  const now = dayNumber(today) ?? 0;
  if (day === null || day >= now || !isEmptyInput(sheet.columns.returnedDate?.[i])) return null;
  const state = lists.propertyState && findListItem(lists.propertyState, str(sheet.columns.state?.[i]));
  return state?.key === 'returned' ? null : now - day;
}

function propertyRules(
  sheet: SheetCells,
  env: CheckEnv,
  add: (i: number, f: Omit<Finding, 'sheet' | 'record'>) => void,
) {
  for (let i = 0; i < sheet.count; i++) {
    const days = returnOverdueDays(sheet, i, env.lists, env.today);
    if (days === null) continue;
    add(i, {
      field: 'expectedReturn',
      value: cellText(sheet.columns.expectedReturn?.[i]),
      problem: t(env.lang, 'carePropertyOverdue', { days }),
      suggestion: '',
      safe: false,
    });
  }
}

/** Records that name a customer ID no row of Customers holds. */
function referenceRules(
  sheet: SheetCells,
  customerIds: ReadonlySet<string>,
  env: CheckEnv,
  add: (i: number, f: Omit<Finding, 'sheet' | 'record'>) => void,
) {
  const refs = sheet.columns.customerId;
  if (!refs) return;
  for (let i = 0; i < sheet.count; i++) {
    const id = str(refs[i]).toUpperCase();
    if (id && !customerIds.has(id))
      add(i, {
        field: 'customerId',
        value: id,
        problem: t(env.lang, 'careUnknownCustomer'),
        suggestion: '',
        safe: false,
      });
  }
}

/** What a block of a sheet is judged against beyond its own rows. */
interface BlockContext {
  /** The block's first data row (0-based) in its sheet: 0 for a whole sheet. */
  from: number;
  /** The customer IDs that exist; null when they were not read (no reference rule then). */
  customerIds: ReadonlySet<string> | null;
  /** For a block of Customers: the DUPLICATE_FIELDS of every row before it. */
  earlier?: SheetCells;
}

interface SheetResult {
  sheet: string;
  /** In row order, each row's findings in field order then the sheet-wide rules: the same for a sheet checked whole or in blocks. */
  findings: Finding[];
  records: number;
  /** Records with at least one finding. */
  withProblems: number;
}

/** The share of records without a finding, 0–100 to one decimal. */
export function scoreOf(records: number, withProblems: number): number {
  return records ? Math.round(((records - withProblems) / records) * 1000) / 10 : 100;
}

/** The customer IDs a Customers ID column holds, as references name them. */
export function idSet(ids: readonly unknown[]): Set<string> {
  return new Set(ids.map((v) => str(v).toUpperCase()));
}

/** Checks one sheet, or one block of its rows. */
export function checkSheet(sheet: SheetCells, env: CheckEnv, ctx: BlockContext): SheetResult {
  const byRow: Finding[][] = Array.from({ length: sheet.count }, () => []);
  const ids = sheet.columns.id;
  const add = (i: number, f: Omit<Finding, 'sheet' | 'record'>) => {
    byRow[i].push({ sheet: sheet.rt.sheetName, record: ids ? str(ids[i]) : String(ctx.from + i + 2), ...f });
  };
  for (const field of sheet.rt.fields) {
    const column = sheet.columns[field.key];
    if (!column) continue;
    // Most cells of a column repeat (statuses, owners, cities): each distinct value is judged once.
    const verdicts = new Map<unknown, Judged | null>();
    const countries = field.type === 'phone' ? sheet.columns.country : undefined;
    for (let i = 0; i < sheet.count; i++) {
      const raw = column[i];
      if (isDayCell(raw)) continue;
      // A phone without +country code is read in the record's country, as the sidebar reads it.
      const region = countries
        ? phoneRegion({ country: countries[i] }, { defaultPhoneRegion: env.phoneRegion })
        : '';
      const memo = countries ? `${region}|${typeof raw}|${String(raw)}` : raw;
      let v = verdicts.get(memo);
      if (v === undefined) {
        v = judgeCell(field, raw, countries ? { ...env, phoneRegion: region } : env);
        verdicts.set(memo, v);
      }
      if (!v) continue;
      add(i, {
        field: field.key,
        value: cellText(raw).slice(0, 200),
        problem: v.problem
          ? problemText(env, field, v.problem.key, v.problem.params)
          : t(env.lang, 'careWouldChange'),
        suggestion: v.suggestion ?? '',
        safe: !v.problem && SAFE_TYPES.has(field.type),
      });
    }
  }
  if (sheet.rt.key === 'customer') customerRules(sheet, env, ctx.earlier, add);
  if (sheet.rt.key === 'property') propertyRules(sheet, env, add);
  if (sheet.rt.key !== 'customer' && ctx.customerIds) referenceRules(sheet, ctx.customerIds, env, add);
  const withProblems = byRow.reduce((n, r) => n + (r.length ? 1 : 0), 0);
  return { sheet: sheet.rt.sheetName, findings: byRow.flat(), records: sheet.count, withProblems };
}

/** Checks every given sheet whole; the customer sheet, when given, also settles which customer IDs exist. */
export function checkRegister(sheets: readonly SheetCells[], env: CheckEnv): CheckResult {
  const customers = sheets.find((s) => s.rt.key === 'customer');
  const customerIds = customers ? idSet(customers.columns.id ?? []) : null;
  const results = sheets.map((s) => checkSheet(s, env, { from: 0, customerIds }));
  return {
    findings: results.flatMap((r) => r.findings),
    scores: results.map((r) => ({
      sheet: r.sheet,
      records: r.records,
      withProblems: r.withProblems,
      score: scoreOf(r.records, r.withProblems),
    })),
  };
}

/** The fields the safe fixes can change, and those judging them needs (the ID to write by, the country a phone is read in). */
export function safeFixFields(rt: RecordType): string[] {
  return rt.fields
    .filter(
      (f) =>
        SAFE_TYPES.has(f.type) ||
        f.key === 'id' ||
        (f.key === 'country' && rt.fields.some((x) => x.type === 'phone')),
    )
    .map((f) => f.key);
}

/** Change of each sheet's score since the last check (null for a sheet not checked then). */
export function scoreTrend(
  now: readonly SheetScore[],
  before: Readonly<Record<string, number>> | null,
): (number | null)[] {
  return now.map((s) =>
    before && typeof before[s.sheet] === 'number' ? Math.round((s.score - before[s.sheet]) * 10) / 10 : null,
  );
}
