// How a string typed into a cell (or written by a script as a user-entered value) turns into a stored value.

import type { Behaviour } from '../behaviour';
import type { CellValue } from './state';
import { fromWallTime } from './timezone';

const numeric = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:[eE][+-]?\d+)?%?$/;
const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export const PLAIN_TEXT = '@';

/** Parses typed text: apostrophe and '@' keep text, then formula, number, boolean, ISO date, else text. */
export function parseTyped(
  input: string,
  format: string | null,
  timeZone: string,
  behaviour: Behaviour,
): CellValue | null {
  if (input === '') return null;
  if (input.charCodeAt(0) === 39) return input.length > 1 ? input.slice(1) : null; // forces text; not stored
  if (format === PLAIN_TEXT) return input;
  const first = input[0];
  if (first === '=' && behaviour.formulaPrefixes.includes('=') && input.length > 1) return { f: input };
  const parsed = parseLiteral(input, timeZone);
  if (parsed !== undefined) return parsed;
  if (input.length > 1 && behaviour.formulaPrefixes.includes(first))
    return { f: first === '=' ? input : `=${input}` };
  return input;
}

function parseLiteral(input: string, timeZone: string): CellValue | undefined {
  const code = input.charCodeAt(0);
  const digitLike = (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46 || code === 32;
  if (digitLike) {
    const t = input.trim();
    if (/\d/.test(t) && numeric.test(t)) {
      const percent = t.endsWith('%');
      const n = Number(t.replace(/,/g, '').replace('%', ''));
      if (Number.isFinite(n)) return percent ? n / 100 : n;
    }
    const m = isoDate.exec(t);
    if (m) return parseIsoDate(m, timeZone);
    return undefined;
  }
  if (input.length === 4 && input.toUpperCase() === 'TRUE') return true;
  if (input.length === 5 && input.toUpperCase() === 'FALSE') return false;
  return undefined;
}

function parseIsoDate(m: RegExpExecArray, timeZone: string): CellValue | undefined {
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] ? Number(m[4]) : 0;
  const minute = m[5] ? Number(m[5]) : 0;
  const second = m[6] ? Number(m[6]) : 0;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { d: fromWallTime({ year, month, day, hour, minute, second }, timeZone) };
}
