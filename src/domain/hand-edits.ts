// What a person's edit in the grid means for the register: each cell judged by the sidebar's validators, maker-checker, and the Audit rows.
import type { RecordType, Role, WireValue } from '../schema';
import type { AuditRow } from './audit';
import type { Lang } from './i18n';
import { t } from './i18n';
import { validateRecord } from './validation';

/** A cell's note starts with this when the guard marked it: a later valid edit removes only our marks. */
export const INVALID_NOTE_PREFIX = 'Customer Register · ';
/** The background of a kept invalid value. */
export const INVALID_BACKGROUND = '#f4cccc';
/** Beyond this many cells a paste is recorded in Audit as one summary row for the rest. */
const AUDITED_CELLS = 200;

type Judgement =
  /** The value passes as typed. */
  | { kind: 'valid'; value: WireValue }
  /** The value passes once normalized (a phone to E.164, an email lower-cased): write `value` in its place. */
  | { kind: 'normalized'; value: WireValue }
  /** The value fails: it is kept, marked and recorded with the reason. */
  | { kind: 'invalid'; message: string };

/**
 * Judges one edited cell (its wire form, as the sidebar would send it) with the sidebar's own validators.
 * The role is not checked here: what a person may type is the protections' job, already done by Sheets.
 */
export function judgeCell(
  rt: RecordType,
  key: string,
  typed: WireValue,
  o: { lang: Lang; phoneRegion: string },
): Judgement {
  const v = validateRecord(
    rt,
    { [key]: typed },
    { lang: o.lang, role: 'Admin', mode: 'update', phoneRegion: o.phoneRegion },
  );
  if (!v.ok) return { kind: 'invalid', message: v.errors.map((e) => e.message).join(' ') };
  const value = v.value[key] ?? null;
  const same = value === typed || ((value === null || value === false) && (typed === null || typed === ''));
  return same ? { kind: 'valid', value } : { kind: 'normalized', value };
}

/** The note put on a kept invalid value: the reason, in the register's language. */
export function invalidNote(message: string): string {
  return `${INVALID_NOTE_PREFIX}${message}`;
}

/**
 * The one change to a log sheet a person may make by hand: an active Admin (or the owner) settles a Reminder
 * log row left at Sending by a killed run, to Failed (send again) or Sent (it did go), as the README says.
 */
export function logRecoveryAllowed(
  rt: RecordType,
  key: string,
  before: WireValue,
  after: WireValue,
  role: Role | null,
): boolean {
  return (
    rt.key === 'reminderLog' &&
    key === 'outcome' &&
    role === 'Admin' &&
    before === 'sending' &&
    (after === 'failed' || after === 'sent')
  );
}

export interface JudgedCell {
  record: string;
  key: string;
  /** The value before, when the event carried it (a one-cell edit); undefined for a paste or fill. */
  before?: WireValue;
  after: WireValue;
  /** 'update' with source 'sheetEdit' is a hand edit that stands, as the sidebar's 'update' with source 'sidebar'. */
  action: 'revert' | 'handEdit' | 'update' | 'invalidValue';
}

const text = (v: WireValue | undefined) => (v === null || v === undefined ? '' : String(v));

/** Audit rows for judged cells: every cell up to AUDITED_CELLS, then one row that counts the rest. */
export function handEditAudit(
  cells: readonly JudgedCell[],
  base: { time: Date; user: string; where: string },
  lang: Lang,
): AuditRow[] {
  const row = { time: base.time, user: base.user, source: 'sheetEdit' };
  const out: AuditRow[] = cells.slice(0, AUDITED_CELLS).map((c) => ({
    ...row,
    action: c.action,
    record: c.record,
    field: c.key,
    oldValue: c.before === undefined ? t(lang, 'pastedOldValue') : text(c.before),
    newValue: text(c.after),
  }));
  if (cells.length > AUDITED_CELLS)
    out.push({
      ...row,
      action: 'handEdit',
      record: base.where,
      field: '',
      oldValue: '',
      newValue: t(lang, 'handEditNotReverted', { cells: cells.length - AUDITED_CELLS }),
    });
  return out;
}

/** The rows and columns an edit event's A1 range covers; open forms ('5:7', 'D:F', 'D2:D') end at the sheet's size. */
export function editedBounds(
  a1: string,
  size: { lastRow: number; lastColumn: number },
): { row: number; col: number; lastRow: number; lastCol: number } | null {
  const m = /^(?:([A-Z]+)?(\d+)?)(?::(?:([A-Z]+)?(\d+)?))?$/.exec(a1.replace(/\$/g, '').toUpperCase());
  if (!m || (!m[1] && !m[2])) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const single = a1.indexOf(':') < 0;
  if (single && (!m[1] || !m[2])) return null;
  const row = m[2] ? Number(m[2]) : 1;
  const first = m[1] ? col(m[1]) : 1;
  const lastRow = single ? row : m[4] ? Number(m[4]) : size.lastRow;
  // '5:7' names no column at all: every column of the sheet.
  const lastCol = single ? first : m[3] ? col(m[3]) : m[1] ? first : size.lastColumn;
  return { row, col: first, lastRow, lastCol };
}
