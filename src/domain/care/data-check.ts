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

interface SheetScore {
  sheet: string;
  records: number;
  /** Records with at least one finding. */
  withProblems: number;
  /** Share of records with no finding, 0–100. */
  score: number;
}

export interface CheckResult {
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

/** Sheet-wide rules a single cell cannot know: duplicates, owners, overdue reviews and property, unknown customers. */
function customerRules(
  sheet: SheetCells,
  env: CheckEnv,
  add: (i: number, f: Omit<Finding, 'sheet' | 'record'>) => void,
) {
  const { columns, count } = sheet;
  const staff = new Set(env.team.filter((m) => m.active).map((m) => m.email));
  if (env.owner) staff.add(env.owner);
  const seen = {
    phone: new Map<string, number>(),
    email: new Map<string, number>(),
    name: new Map<string, number>(),
  };
  const today = dayNumber(env.today) ?? 0;
  const ids = columns.id ?? [];
  const field = (k: string) => sheet.rt.fields.find((f) => f.key === k) ?? null;
  for (let i = 0; i < count; i++) {
    const keys = matchKeys({
      phone: columns.phone?.[i],
      email: columns.email?.[i],
      name: columns.name?.[i],
      company: columns.company?.[i],
    });
    for (const k of ['phone', 'email', 'name'] as const) {
      if (!keys[k]) continue;
      const first = seen[k].get(keys[k]);
      if (first === undefined) seen[k].set(keys[k], i);
      else
        add(i, {
          field: k,
          value:
            k === 'name'
              ? [str(columns.name?.[i]), str(columns.company?.[i])].filter(Boolean).join(' / ')
              : cellText(columns[k]?.[i]),
          problem: t(env.lang, 'careDuplicate', {
            id: str(ids[first]),
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

/** Checks every given sheet; the customer sheet, when given, also settles which customer IDs exist. */
export function checkRegister(sheets: readonly SheetCells[], env: CheckEnv): CheckResult {
  const findings: Finding[] = [];
  const scores: SheetScore[] = [];
  const customers = sheets.find((s) => s.rt.key === 'customer');
  const customerIds = new Set((customers?.columns.id ?? []).map((v) => str(v).toUpperCase()));
  for (const sheet of sheets) {
    const bad = new Uint8Array(sheet.count);
    const ids = sheet.columns.id;
    const add = (i: number, f: Omit<Finding, 'sheet' | 'record'>) => {
      bad[i] = 1;
      findings.push({ sheet: sheet.rt.sheetName, record: ids ? str(ids[i]) : String(i + 2), ...f });
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
    if (sheet.rt.key === 'customer') customerRules(sheet, env, add);
    if (sheet.rt.key === 'property') propertyRules(sheet, env, add);
    if (sheet.rt.key !== 'customer') referenceRules(sheet, customerIds, env, add);
    let withProblems = 0;
    for (const b of bad) withProblems += b;
    scores.push({
      sheet: sheet.rt.sheetName,
      records: sheet.count,
      withProblems,
      score: sheet.count ? Math.round(((sheet.count - withProblems) / sheet.count) * 1000) / 10 : 100,
    });
  }
  return { findings, scores };
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
