// Pure rules of the form: normalizing what a field holds before saving, the phone region, and which values changed.
import metadata from 'libphonenumber-js/metadata.min.json';
import type { FormField } from '../src/domain/form';
import { normalizeEmail, normalizeLongText, normalizeName } from '../src/domain/normalize';
import { readPhoneWith } from '../src/domain/phone';
import type { WireRecord, WireValue } from '../src/shared/rpc';
import { today as todayInBrowser } from './dom';
import type { Params, StringKey } from './strings';

/** What a field's input holds: text for most inputs, a boolean for a checkbox. */
export type RawValue = string | boolean;

export interface FieldCheck {
  /** The value to send, normalized where the field's type says how; null when empty. */
  value: WireValue;
  /** Text to put back into the input, so the user sees the normalized form before saving. */
  display: RawValue;
  error?: { key: StringKey; params: Params };
}

const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** The region for phone numbers: the customer's country when it is an ISO code, else the register's default. */
export function phoneRegion(values: WireRecord, fallback: string): string {
  const c = values.country;
  return typeof c === 'string' && /^[A-Z]{2}$/.test(c) ? c : fallback;
}

/**
 * The same normalizers the server applies, run on blur so the user sees the result; the server checks
 * again, so these only need to agree with it, not to be the last word. Phones are judged here with min
 * metadata, which refuses a subset of what full metadata refuses; the server's verdict is shown after.
 */
export function checkField(
  field: FormField,
  raw: RawValue,
  region: string,
  today = todayInBrowser(),
): FieldCheck {
  const err = (key: StringKey, params: Params = {}): FieldCheck => ({
    value: raw,
    display: raw,
    error: { key, params: { field: field.label, ...params } },
  });
  if (typeof raw === 'boolean') return { value: raw, display: raw };
  // Invisible characters alone are no value: a name of only U+200B is empty.
  if (normalizeName(raw) === '') return field.required ? err('errRequired') : { value: null, display: '' };
  const shown = raw.trim().slice(0, 40);
  switch (field.input) {
    case 'tel': {
      const r = readPhoneWith(metadata, raw, region);
      return r.ok ? { value: r.value, display: r.value } : err('errPhone', { value: shown });
    }
    case 'email': {
      const r = normalizeEmail(raw);
      if (r.ok) return { value: r.value, display: r.value };
      return r.reason === 'tooLong' ? err('errTooLong', { max: 254 }) : err('errEmail', { value: shown });
    }
    case 'date': {
      // The date input hands over 'yyyy-mm-dd' whatever the user's locale: only the range is left to check.
      const value = raw.trim();
      if (field.notBefore && value < field.notBefore)
        return err('errDateEarly', { value, min: field.notBefore });
      if (field.notAfterToday && value > today) return err('errDateFuture', { value, today });
      return { value, display: value };
    }
    case 'text':
    case 'textarea': {
      const value = field.input === 'text' ? normalizeName(raw) : normalizeLongText(raw);
      if (field.maxLength !== undefined && value.length > field.maxLength)
        return err('errTooLong', { max: field.maxLength });
      return { value, display: value };
    }
    case 'number': {
      const text = raw.trim();
      if (!NUMBER_RE.test(text)) return err('errNumber', { value: text.slice(0, 40) });
      const n = Number(text.replace(/,/g, ''));
      if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max))
        return err('errRange', { min: field.min ?? '−∞', max: field.max ?? '∞' });
      return { value: n, display: String(n) };
    }
    default:
      return { value: raw.trim(), display: raw };
  }
}

// An unticked box reads back from the sheet as empty, so false, '' and null all mean "no value" here.
const blank = (v: WireValue | undefined) => v === undefined || v === null || v === '' || v === false;
const same = (a: WireValue | undefined, b: WireValue | undefined) => a === b || (blank(a) && blank(b));

/** Only what the user changed, so an edit writes (and audits) nothing else. */
export function changedValues(original: WireRecord, current: WireRecord): WireRecord {
  const out: WireRecord = {};
  for (const [k, v] of Object.entries(current)) if (!same(original[k], v)) out[k] = v;
  return out;
}

/** A loaded value as an input shows it: date-times lose their seconds and zone for datetime-local. */
export function toInput(field: FormField, v: WireValue | undefined): RawValue {
  if (field.input === 'checkbox') return v === true;
  if (v === null || v === undefined) return '';
  if (field.input === 'datetime') return String(v).replace(' ', 'T').slice(0, 16);
  return String(v);
}
