// Java SimpleDateFormat patterns rendered in a given time zone, as Utilities.formatDate does.
import { wallTime, type ZonedTime } from '../spreadsheet/timezone';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, w: number) => String(Math.abs(n)).padStart(w, '0');

function offset(mins: number, colon: boolean) {
  const sign = mins < 0 ? '-' : '+';
  const m = Math.abs(mins);
  return `${sign}${pad(Math.floor(m / 60), 2)}${colon ? ':' : ''}${pad(m % 60, 2)}`;
}

export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const z = wallTime(ms, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end === -1 ? undefined : end);
      i = end === -1 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    out += token(c, n, z);
  }
  return out;
}

function token(c: string, n: number, z: ZonedTime): string {
  switch (c) {
    case 'y':
      return n === 2 ? pad(z.year % 100, 2) : pad(z.year, n);
    case 'M':
      return n >= 4 ? MONTHS[z.month - 1] : n === 3 ? MONTHS[z.month - 1].slice(0, 3) : pad(z.month, n);
    case 'd':
      return pad(z.day, n);
    case 'H':
      return pad(z.hour, n);
    case 'k':
      return pad(z.hour === 0 ? 24 : z.hour, n);
    case 'h':
      return pad(z.hour % 12 === 0 ? 12 : z.hour % 12, n);
    case 'K':
      return pad(z.hour % 12, n);
    case 'm':
      return pad(z.minute, n);
    case 's':
      return pad(z.second, n);
    case 'S':
      return pad(z.millisecond, n);
    case 'E':
      return n >= 4 ? DAYS[z.weekday] : DAYS[z.weekday].slice(0, 3);
    case 'u':
      return String(z.weekday === 0 ? 7 : z.weekday);
    case 'a':
      return z.hour < 12 ? 'AM' : 'PM';
    case 'Z':
      return offset(z.offsetMinutes, false);
    case 'X':
      return z.offsetMinutes === 0 ? 'Z' : offset(z.offsetMinutes, n >= 3);
    case 'z':
      return `GMT${offset(z.offsetMinutes, true)}`;
    default:
      throw new Error(`Illegal pattern character '${c}'`);
  }
}
