// Civil-date arithmetic on 'yyyy-mm-dd' strings as day numbers, free of Date and of any time zone.

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil): integer maths
// only, so a daylight-saving change or the server's zone can never shift a due date by a day.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Read digit by digit rather than with a regular expression: the plan parses a date for every row of the register.
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** [year, month, day] of a valid 'yyyy-mm-dd', or null for anything else (including 2026-02-30). */
export function parseCivil(value: unknown): [number, number, number] | null {
  if (typeof value !== 'string') return null;
  const text = value.length === 10 ? value : value.trim();
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 7);
  const d = digits(text, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return [y, m, d];
}

export function dayNumber(text: unknown): number | null {
  const parts = parseCivil(text);
  return parts ? daysFromCivil(parts[0], parts[1], parts[2]) : null;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function formatCivil(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The inverse of dayNumber (H. Hinnant's civil_from_days). */
export function civilFromDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return formatCivil(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** Calendar months later, clamped to the month's last day: Jan 31 + 1 month is Feb 28 (29 in leap years). */
export function addMonths(date: string, months: number): string | null {
  const parts = parseCivil(date);
  if (!parts || !Number.isInteger(months)) return null;
  const index = parts[0] * 12 + (parts[1] - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 0 || y > 9999) return null;
  return formatCivil(y, m, Math.min(parts[2], daysInMonth(y, m)));
}
