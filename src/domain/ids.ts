// Record ID formats: plain (C-000123) and Chinese yearly (QY2026000123), with parsing and the next serial.
import type { RecordType } from '../schema';

export type IdStyle = 'plain' | 'yearly';

export interface IdFormat {
  style: IdStyle;
  prefix: string;
  /** Zero-padded width of the serial; wider serials are written in full, never truncated. */
  digits?: number;
}

const DEFAULT_DIGITS = 6;

export function formatId(format: IdFormat, serial: number, year: number): string {
  if (!Number.isInteger(serial) || serial < 1)
    throw new RangeError(`ID serial must be a positive integer: ${serial}`);
  const padded = String(serial).padStart(format.digits ?? DEFAULT_DIGITS, '0');
  if (format.style === 'plain') return `${format.prefix}-${padded}`;
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`ID year must have four digits: ${year}`);
  return `${format.prefix}${year}${padded}`;
}

export interface ParsedId {
  prefix: string;
  year: number | null;
  serial: number;
}

const PLAIN_RE = /^([A-Z]+)-(\d+)$/;
const YEARLY_RE = /^([A-Z]+)(\d{4})(\d{6,})$/;

export function parseId(id: string): ParsedId | null {
  const text = id.trim().toUpperCase();
  const plain = PLAIN_RE.exec(text);
  if (plain) return { prefix: plain[1], year: null, serial: Number(plain[2]) };
  const yearly = YEARLY_RE.exec(text);
  if (yearly) return { prefix: yearly[1], year: Number(yearly[2]), serial: Number(yearly[3]) };
  return null;
}

/** The serial of an ID, or null when the ID is in neither format (typed by hand, imported…). */
export function parseSerial(id: string): number | null {
  return parseId(id)?.serial ?? null;
}

/**
 * The ID format for a new record: yearly style takes its prefix from the record's list value
 * (GR individual, QY company) when the record type declares one.
 */
export function idFormatFor(
  recordType: RecordType,
  style: IdStyle,
  record: Readonly<Record<string, unknown>> = {},
): IdFormat | null {
  if (recordType.idPrefix === undefined) return null;
  if (style === 'yearly' && recordType.idPrefixByList) {
    const { field, prefixes } = recordType.idPrefixByList;
    const value = record[field];
    const prefix =
      typeof value === 'string' && Object.getOwnPropertyDescriptor(prefixes, value)
        ? prefixes[value]
        : undefined;
    if (prefix !== undefined) return { style, prefix };
  }
  return { style, prefix: recordType.idPrefix };
}

/**
 * One more than the highest serial already used with this prefix (and year, for yearly IDs), so an ID
 * is never reused even after rows are deleted out of order.
 */
export function nextSerial(existingIds: readonly string[], format: IdFormat, year: number): number {
  let max = 0;
  for (const id of existingIds) {
    const parsed = typeof id === 'string' ? parseId(id) : null;
    if (!parsed || parsed.prefix !== format.prefix) continue;
    if (format.style === 'yearly' ? parsed.year !== year : parsed.year !== null) continue;
    if (parsed.serial > max) max = parsed.serial;
  }
  return max + 1;
}
