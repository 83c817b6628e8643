// How a stored value is shown in the grid (getDisplayValues): a small subset of Sheets' number formats.

import { type CellValue, isStoredDate, isStoredFormula } from './state';
import { wallTime } from './timezone';

/** What getValues returns for a formula cell: the emulator never evaluates formulas. */
export const FORMULA_VALUE = '#ERROR!';

/** What getNumberFormat returns for a cell nobody formatted (what Sheets reports for "Automatic"). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

const generalFormats = new Set(['', 'general', DEFAULT_NUMBER_FORMAT, '@']);
const numberPattern = /^(#,##)?0(?:\.(0+))?(%)?$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Numbers in "Automatic" format: up to 15 significant digits, no trailing zeros. */
export function generalNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

function formatNumber(n: number, m: RegExpExecArray): string {
  const decimals = m[2] ? m[2].length : 0;
  const x = m[3] ? n * 100 : n;
  const text = m[1]
    ? x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : x.toFixed(decimals);
  return m[3] ? `${text}%` : text;
}

/** Formats with date tokens (y, m, d, h, s; case-insensitive). 'm' means minutes after an hour or before seconds. */
function formatDate(ms: number, format: string, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  const tokens = format.match(/y+|m+|d+|h+|s+|[^ymdhs]+/gi) ?? [];
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const c = t[0].toLowerCase();
    if (c === 'y') out += t.length <= 2 ? pad(w.year % 100, 2) : String(w.year);
    else if (c === 'd') out += pad(w.day, t.length >= 2 ? 2 : 1);
    else if (c === 'h') out += pad(w.hour, t.length >= 2 ? 2 : 1);
    else if (c === 's') out += pad(w.second, t.length >= 2 ? 2 : 1);
    else if (c === 'm') {
      const prev = tokens
        .slice(0, i)
        .reverse()
        .find((x) => /^[ymdhs]/i.test(x));
      const next = tokens.slice(i + 1).find((x) => /^[ymdhs]/i.test(x));
      const minutes = prev?.[0].toLowerCase() === 'h' || next?.[0].toLowerCase() === 's';
      out += pad(minutes ? w.minute : w.month, t.length >= 2 ? 2 : 1);
    } else out += t;
  }
  return out;
}

function isDateFormat(format: string): boolean {
  return /[ydhs]/i.test(format) && !numberPattern.test(format);
}

function generalDate(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  const day = `${w.year}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return day;
  return `${day} ${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)}`;
}

/** Days since 1899-12-30: how Sheets turns a number into a date under a date format. */
function serialToMs(serial: number): number {
  return Math.round((serial - 25569) * 86400000);
}

export function displayValue(value: CellValue | null, format: string | null, timeZone: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isStoredFormula(value)) return FORMULA_VALUE;
  const f = format ?? '';
  const general = generalFormats.has(f.toLowerCase());
  if (isStoredDate(value)) {
    return general || !isDateFormat(f) ? generalDate(value.d, timeZone) : formatDate(value.d, f, timeZone);
  }
  if (general) return generalNumber(value);
  const m = numberPattern.exec(f);
  if (m) return formatNumber(value, m);
  if (isDateFormat(f)) return formatDate(serialToMs(value), f, 'UTC');
  return generalNumber(value);
}
