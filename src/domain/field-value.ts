// Parsing one raw field value by its declared type into the normalized value the register stores.
import type { FieldDecl, ListRegistry, WireValue } from '../schema';
import { isCalendarDate, readDate, utcToday } from './dates';
import type { MessageKey, MessageParams } from './i18n';
import { findListItem } from './list-items';
import {
  normalizeEmail,
  normalizeLongText,
  normalizeName,
  normalizePhone,
  stripInvisible,
} from './normalize';

export { findListItem } from './list-items';

/** What a field holds after parsing: JSON-safe; dates are 'yyyy-mm-dd' strings, list values item keys. */

type Parsed = { ok: true; value: WireValue } | { ok: false; message: MessageKey; params?: MessageParams };

export interface ParseEnv {
  lists: ListRegistry;
  phoneRegion: string;
  /** 'yyyy-mm-dd' in the register's time zone, for dates that may not lie in the future; the UTC date if absent. */
  today?: string;
}

const DEFAULT_MAX_LENGTH = 1000;
const DEFAULT_MAX_LENGTH_LONG = 5000;

export function maxLengthOf(field: FieldDecl): number {
  return field.maxLength ?? (field.type === 'longText' ? DEFAULT_MAX_LENGTH_LONG : DEFAULT_MAX_LENGTH);
}

/** Empty means "no value": absent, null, or only white space and invisible characters. A false checkbox is a value. */
export function isEmptyInput(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && stripInvisible(raw).trim() === '');
}

// Tabs and line breaks are legitimate in long text; every other C0 control is pasted garbage.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A short, safe rendering of a bad value for an error message; String() throws on some objects. */
export function shown(raw: unknown): string {
  if (typeof raw === 'string') return raw.trim().slice(0, 40);
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return raw === null ? 'null' : typeof raw;
}

function fail(message: MessageKey, params?: MessageParams): Parsed {
  return { ok: false, message, params };
}

function asText(raw: unknown): string | null {
  if (typeof raw === 'string') return raw;
  // A sheet hands back numbers for cells that look numeric; they are still the text the user typed.
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return null;
}

function parseText(field: FieldDecl, raw: unknown): Parsed {
  const text = asText(raw);
  if (text === null) return fail('notText');
  const max = maxLengthOf(field);
  // Checked before normalizing so a huge paste costs nothing; the margin allows for collapsible spaces.
  if (text.length > max * 4) return fail('tooLong', { max });
  if (CONTROL.test(text)) return fail('invalidCharacters');
  const value = field.type === 'longText' ? normalizeLongText(text) : normalizeName(text);
  if (value.length > max) return fail('tooLong', { max });
  return { ok: true, value };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const DATE_REFUSAL = {
  format: 'notADate',
  impossible: 'dateImpossible',
  twoDigitYear: 'dateTwoDigitYear',
} as const;

function parseDate(field: FieldDecl, raw: unknown, env: ParseEnv): Parsed {
  if (typeof raw !== 'string') return fail('notADate', { value: shown(raw) });
  const r = readDate(raw);
  if (!r.ok) return fail(DATE_REFUSAL[r.reason], { value: shown(raw) });
  if (field.notBefore && r.value < field.notBefore)
    return fail('dateTooEarly', { value: r.value, min: field.notBefore });
  const today = env.today ?? utcToday();
  if (field.notAfterToday && r.value > today) return fail('dateInFuture', { value: r.value, today });
  return { ok: true, value: r.value };
}

const DATE_TIME_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Kept as an ISO 8601 string: the zone, if any, is preserved because only the sheet's adapter knows its own. */
function parseDateTime(raw: unknown): Parsed {
  if (typeof raw !== 'string') return fail('notADateTime', { value: shown(raw) });
  const text = raw.trim();
  const m = DATE_TIME_RE.exec(text);
  if (!m) return fail('notADateTime', { value: shown(text) });
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (
    !isCalendarDate(Number(y), Number(mo), Number(d)) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s ?? 0) > 59
  ) {
    return fail('notADateTime', { value: shown(text) });
  }
  const seconds = s === undefined ? '' : `:${s}${frac ?? ''}`;
  return {
    ok: true,
    value: `${y}-${pad(Number(mo))}-${pad(Number(d))}T${pad(Number(h))}:${mi}${seconds}${zone ?? ''}`,
  };
}

const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

function parseNumber(field: FieldDecl, raw: unknown): Parsed {
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && NUMBER_RE.test(raw.trim())) n = Number(raw.trim().replace(/,/g, ''));
  else return fail('notANumber', { value: shown(raw) });
  if (!Number.isFinite(n)) return fail('notANumber', { value: shown(raw) });
  if (field.type === 'integer' && !Number.isInteger(n)) return fail('notAnInteger', { value: shown(raw) });
  if (field.min !== undefined && n < field.min) return fail('tooSmall', { min: field.min });
  if (field.max !== undefined && n > field.max) return fail('tooLarge', { max: field.max });
  return { ok: true, value: n };
}

function parseBoolean(raw: unknown): Parsed {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (typeof raw === 'string') {
    const text = raw.trim().toLowerCase();
    if (text === 'true') return { ok: true, value: true };
    if (text === 'false') return { ok: true, value: false };
  }
  return fail('notABoolean');
}

function parseListValue(field: FieldDecl, raw: unknown, env: ParseEnv): Parsed {
  const list = field.list === undefined ? undefined : env.lists[field.list];
  const text = asText(raw);
  if (!list || text === null || text.length > 200) return fail('notInList', { value: shown(raw) });
  const item = findListItem(list, text);
  return item ? { ok: true, value: item.key } : fail('notInList', { value: shown(raw) });
}

const ID_RE = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;

function parseId(raw: unknown): Parsed {
  const text = asText(raw);
  const value = text?.trim().toUpperCase() ?? '';
  if (!ID_RE.test(value)) return fail('invalidId', { value: shown(raw) });
  return { ok: true, value };
}

function parseEmail(raw: unknown): Parsed {
  if (typeof raw !== 'string') return fail('invalidEmail', { value: shown(raw) });
  const r = normalizeEmail(raw);
  if (r.ok) return r;
  return r.reason === 'tooLong' ? fail('tooLong', { max: 254 }) : fail('invalidEmail', { value: shown(raw) });
}

function parsePhone(raw: unknown, env: ParseEnv): Parsed {
  const text = asText(raw);
  if (text === null) return fail('invalidPhone', { value: shown(raw) });
  const r = normalizePhone(text, env.phoneRegion);
  return r.ok ? r : fail('invalidPhone', { value: shown(text) });
}

/** Parses a non-empty raw value; emptiness and permissions are the caller's concern. */
export function parseFieldValue(field: FieldDecl, raw: unknown, env: ParseEnv): Parsed {
  switch (field.type) {
    case 'text':
    case 'longText':
      return parseText(field, raw);
    case 'email':
    case 'staffEmail':
      return parseEmail(raw);
    case 'phone':
      return parsePhone(raw, env);
    case 'date':
      return parseDate(field, raw, env);
    case 'dateTime':
      return parseDateTime(raw);
    case 'number':
    case 'integer':
      return parseNumber(field, raw);
    case 'boolean':
      return parseBoolean(raw);
    case 'list':
      return parseListValue(field, raw, env);
    case 'id':
      return parseId(raw);
  }
}
