// Values a spreadsheet program mangled before the file reached us: flagged for the user, never silently repaired.
import { customer } from '../../schema';
import { readDate } from '../dates';

type MangleKind = 'scientific' | 'leadingZero' | 'ambiguousDate' | 'mixedDateOrder';

export interface MangleFlag {
  /** Index of the row among the file's data rows (0 = the first row after the header). */
  row: number;
  field: string;
  value: string;
  kind: MangleKind;
}

/** `8.61380E+12`: Excel showed a long number in scientific notation and saved what it showed; the digits are lost. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;

/**
 * Columns of digit strings a program may have read as a number: a postcode column where values start
 * with 0 and others are shorter lost their zeros. (A phone that lost its 0 fails the phone rule itself.)
 */
const ZERO_PADDED = new Set(['postcode']);
/** The customer's date fields, from the schema: the columns whose day/month order may need a choice. */
export const DATE_FIELDS: ReadonlySet<string> = new Set(
  customer.fields.filter((f) => f.type === 'date').map((f) => f.key),
);

export type DateOrder = 'dmy' | 'mdy';

/** The day/month order a column's year-last dates show: decided by any part above 12, else ambiguous. */
export function dateOrderOf(values: readonly string[]): DateOrder | 'ambiguous' | 'mixed' | null {
  let dmy = false;
  let mdy = false;
  let any = false;
  for (const v of values) {
    const m = /^\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*\d{4}\s*$/.exec(v);
    if (!m) continue;
    any = true;
    if (Number(m[1]) > 12) dmy = true;
    else if (Number(m[2]) > 12) mdy = true;
  }
  if (!any) return null;
  if (dmy && mdy) return 'mixed';
  return dmy ? 'dmy' : mdy ? 'mdy' : 'ambiguous';
}

/** A year-last date rewritten in the order the user chose for its column, as 'yyyy-mm-dd'; other forms untouched. */
export function withDateOrder(value: string, order: DateOrder): string {
  const m = /^\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})\s*$/.exec(value);
  if (!m) return value;
  const [day, month] = order === 'dmy' ? [m[1], m[2]] : [m[2], m[1]];
  const iso = `${m[3]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // A reading that is no calendar day is left as typed, for the date rule to refuse with its own reason.
  return readDate(iso).ok ? iso : value;
}

/** Every mangled value of the file's rows (records by field key, as rawRecord gives them). */
export function findMangled(records: readonly Record<string, string>[]): MangleFlag[] {
  const flags: MangleFlag[] = [];
  const lengths = new Map<string, Map<number, number>>();
  records.forEach((r, row) => {
    for (const [field, value] of Object.entries(r)) {
      const v = value.trim();
      if (SCIENTIFIC.test(v) && field !== 'notes') flags.push({ row, field, value, kind: 'scientific' });
      if (ZERO_PADDED.has(field) && /^\d+$/.test(v)) {
        const byLength = lengths.get(field) ?? new Map<number, number>();
        byLength.set(v.length, (byLength.get(v.length) ?? 0) + 1);
        lengths.set(field, byLength);
      }
    }
  });
  for (const [field, byLength] of lengths) {
    // The usual length is the most common one among values that start with 0: only such a column can lose zeros.
    const zeroLed = records.map((r) => (r[field] ?? '').trim()).filter((v) => /^0\d+$/.test(v));
    if (!zeroLed.length) continue;
    const usual = Math.max(...zeroLed.map((v) => v.length));
    if ((byLength.get(usual) ?? 0) < 2) continue;
    records.forEach((r, row) => {
      const v = (r[field] ?? '').trim();
      if (/^[1-9]\d*$/.test(v) && v.length < usual)
        flags.push({ row, field, value: r[field], kind: 'leadingZero' });
    });
  }
  for (const field of DATE_FIELDS) {
    const order = dateOrderOf(records.map((r) => r[field] ?? ''));
    if (order !== 'ambiguous' && order !== 'mixed') continue;
    records.forEach((r, row) => {
      const v = r[field];
      if (v && readDate(v).ok && /^\s*\d{1,2}\s*[-/.]/.test(v))
        flags.push({ row, field, value: v, kind: order === 'mixed' ? 'mixedDateOrder' : 'ambiguousDate' });
    });
  }
  return flags;
}
