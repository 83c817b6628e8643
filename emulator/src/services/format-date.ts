// Java SimpleDateFormat patterns rendered in a given time zone, as Utilities.formatDate does.

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

const partsCache = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of an instant in a time zone, plus the zone's offset in minutes. */
export function zonedParts(ms: number, timeZone: string) {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partsCache.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
  const year = Number(p.year);
  const month = Number(p.month);
  const day = Number(p.day);
  const hour = Number(p.hour);
  const minute = Number(p.minute);
  const second = Number(p.second);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetMinutes = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday,
    offsetMinutes,
  };
}

/** The instant at which the wall clock in `timeZone` reads the given fields. */
export function zonedTime(timeZone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0) {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  let t = guess - zonedParts(guess, timeZone).offsetMinutes * 60000;
  // A second pass settles instants next to a daylight-saving change.
  t = guess - zonedParts(t, timeZone).offsetMinutes * 60000;
  return t;
}

const pad = (n: number, w: number) => String(Math.abs(n)).padStart(w, '0');

function offset(mins: number, colon: boolean) {
  const sign = mins < 0 ? '-' : '+';
  const m = Math.abs(mins);
  return `${sign}${pad(Math.floor(m / 60), 2)}${colon ? ':' : ''}${pad(m % 60, 2)}`;
}

export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const z = zonedParts(ms, timeZone);
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

function token(c: string, n: number, z: ReturnType<typeof zonedParts>): string {
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
