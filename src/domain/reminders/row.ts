// Reading plain row objects (field key → value) as the reminder rules need them: text, keys, emails, settings.
import type { Settings, WireValue } from '../../schema';
import { defaultSettings } from '../../schema';

/** A record as the adapter hands it over: field key → cell value, list values as item keys, dates as 'yyyy-mm-dd'. */
export type Row = Readonly<Record<string, unknown>>;

const hasOwn = Object.prototype.hasOwnProperty;

// Own properties only, so a field named "constructor" or "__proto__" in a sheet cannot reach Object.prototype;
// hasOwnProperty rather than a descriptor because this runs for every cell the plan reads.
function own(row: Row, key: string): unknown {
  return hasOwn.call(row, key) ? row[key] : undefined;
}

/** Trimmed text of a cell; numbers become text because Sheets may hand back an ID or postcode as a number. */
export function text(row: Row, key: string): string {
  const value = own(row, key);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

export function isTicked(row: Row, key: string): boolean {
  return own(row, key) === true;
}

const EMAIL_RE =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The address in lower case when it is one plain address, else null: a comma, space or line break in a
 * hand-edited cell must never reach MailApp's recipient list.
 */
export function mailbox(value: string): string | null {
  const address = value.trim().toLowerCase();
  return address.length <= 254 && EMAIL_RE.test(address) ? address : null;
}

let defaults: Settings | null = null;

/** A setting's value, falling back to the schema default when the Settings sheet lacks the row. */
export function setting(settings: Settings, key: string): WireValue {
  const own = Object.getOwnPropertyDescriptor(settings, key);
  if (own) return own.value as WireValue;
  if (!defaults) defaults = defaultSettings();
  return Object.getOwnPropertyDescriptor(defaults, key)?.value ?? null;
}

/** A whole number setting, or null when blank or not a whole number (a cell may hold "3" as text). */
export function integerSetting(settings: Settings, key: string): number | null {
  const value = setting(settings, key);
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isInteger(n) ? n : null;
}

export function textSetting(settings: Settings, key: string): string {
  const value = setting(settings, key);
  return typeof value === 'string' ? value : value === null ? '' : String(value);
}
