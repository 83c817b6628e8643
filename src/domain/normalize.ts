// Normalizers for what people type: phone numbers to E.164, emails to lower case, names to tidy text.

import type { CountryCode } from 'libphonenumber-js/min';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

type Normalized = { ok: true; value: string } | { ok: false; reason: 'empty' | 'tooLong' | 'invalid' };

// Longer input is not a phone number; refusing early keeps the parser's work bounded.
const PHONE_INPUT_MAX = 64;

/** Full-width digits, '+' and '@' are what Chinese input methods type by default. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * E.164 with the extension kept as ';ext=123' (RFC 3966 style), which the parser reads back unchanged,
 * so the function is idempotent on its own output.
 */
export function normalizePhone(input: string, defaultRegion: string): Normalized {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > PHONE_INPUT_MAX) return { ok: false, reason: 'tooLong' };
  const ascii = toHalfWidth(text);
  let parsed: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    parsed = parsePhoneNumberFromString(ascii, {
      defaultCountry: defaultRegion.toUpperCase() as CountryCode,
    });
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!parsed?.isValid()) return { ok: false, reason: 'invalid' };
  const number: string = parsed.number;
  // The 'min' metadata checks little beyond length, so short digit runs ('+82 50000') pass isValid();
  // the floor of 8 digits refuses those at the cost of a few Pacific territories' 7-digit numbers.
  if (!/^\+[1-9]\d{7,14}$/.test(number)) return { ok: false, reason: 'invalid' };
  return { ok: true, value: parsed.ext ? `${number};ext=${parsed.ext}` : number };
}

const EMAIL_MAX = 254;
// Dot-atom local part and LDH domain labels with an alphabetic TLD: strict enough to catch typos,
// loose enough for every address a mail server actually hands out.
const EMAIL_RE =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function normalizeEmail(input: string): Normalized {
  const value = toHalfWidth(input).trim().toLowerCase();
  if (value === '') return { ok: false, reason: 'empty' };
  if (value.length > EMAIL_MAX) return { ok: false, reason: 'tooLong' };
  if (!EMAIL_RE.test(value)) return { ok: false, reason: 'invalid' };
  const local = value.slice(0, value.indexOf('@'));
  if (local.length > 64) return { ok: false, reason: 'invalid' };
  return { ok: true, value };
}

// NFC would rewrite CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) to unified ones;
// those are sometimes chosen on purpose in names, so they are split out and kept as typed.
const CJK_COMPAT = /([\uF900-\uFAFF]|\uD87E[\uDC00-\uDE1F])/;

function nfcKeepingCompat(text: string): string {
  if (!CJK_COMPAT.test(text)) return text.normalize('NFC');
  return text
    .split(CJK_COMPAT)
    .map((part, i) => (i % 2 === 1 ? part : part.normalize('NFC')))
    .join('');
}

/** Trim and collapse every run of white space (including the ideographic space U+3000) to one space. */
export function normalizeName(input: string): string {
  return nfcKeepingCompat(input.replace(/\s+/g, ' ').trim());
}

/** Multi-line text keeps its line breaks; only the ends are trimmed and line endings unified. */
export function normalizeLongText(input: string): string {
  return nfcKeepingCompat(input.replace(/\r\n?/g, '\n').trim());
}
