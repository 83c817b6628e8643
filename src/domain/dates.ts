// Calendar dates as people type them (ISO, Chinese, compact, day/month/year, full-width digits), read into 'yyyy-mm-dd'.
import { stripInvisible, toHalfWidth } from './text';

type DateReading =
  /** `monthFirst`: the other reading of a year-last date whose day and month could be swapped. */
  | { ok: true; value: string; monthFirst?: string }
  | { ok: false; reason: 'format' | 'impossible' | 'twoDigitYear' };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

function result(y: number, m: number, d: number): DateReading {
  if (!isCalendarDate(y, m, d)) return { ok: false, reason: 'impossible' };
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}` };
}

// Year first: 2026-05-01, 2026/5/1, 2026.05.01, 2026年5月1日 (spaces allowed around the parts).
const YMD = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// Day or month first, year last: 01/05/1990, 1.5.1990, 01-05-1990.
const YEAR_LAST = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2}|\d{4})$/;

/**
 * Reads one date. Year-first forms are unambiguous. With the year last, a part above 12 decides which is the
 * day; when both could be (01/05/1990) it is read day first, as most of the world writes it, and the
 * reading carries the month-first date too, so the person is told which one was read.
 */
export function readDate(input: string): DateReading {
  const text = toHalfWidth(stripInvisible(input))
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .trim();
  const ymd = YMD.exec(text);
  if (ymd) return result(Number(ymd[1]), Number(ymd[2] ?? ymd[4]), Number(ymd[3] ?? ymd[5]));
  const compact = COMPACT.exec(text);
  if (compact) return result(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const last = YEAR_LAST.exec(text);
  if (!last) return { ok: false, reason: 'format' };
  if (last[3].length === 2) return { ok: false, reason: 'twoDigitYear' };
  const [a, b, y] = [Number(last[1]), Number(last[2]), Number(last[3])];
  if (a > 12) return result(y, b, a);
  if (b > 12) return result(y, a, b);
  const dayFirst = result(y, b, a);
  return dayFirst.ok && a !== b ? { ...dayFirst, monthFirst: `${y}-${pad(a)}-${pad(b)}` } : dayFirst;
}

/** Today's date in the register's time zone when the caller knows it; the UTC date otherwise. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
