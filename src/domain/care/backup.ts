// Register snapshots: their JSON form, what differs between a snapshot and the register now, and which snapshots to keep.
import type { WireValue } from '../../schema';

/** A snapshot's manifest: the small sheets inline, the record sheets in part files (format 1 held everything inline). */
export const BACKUP_FORMAT = 'customer-register-backup/2';
const READABLE = ['customer-register-backup/1', BACKUP_FORMAT];
/** One block of rows of one record sheet, a file of its own: no file comes near Apps Script's 50 MB blob limit. */
export const PART_FORMAT = 'customer-register-backup-part/1';

/** One sheet as it was: its field keys and its rows in wire form (dates as text, list values by key). */
export interface SnapshotSheet {
  keys: string[];
  rows: WireValue[][];
}

interface SnapshotPartRef {
  sheet: string;
  /** The part's Drive file ID. */
  file: string;
  rows: number;
}

export interface Snapshot {
  format: string;
  /** ISO time it was started. */
  takenAt: string;
  /** The spreadsheet it was taken from, so a snapshot of another register is never restored here. */
  register: string;
  /** Sheets held inline: Team, Settings and Lists (every sheet in format 1). */
  sheets: Record<string, SnapshotSheet>;
  /** The record sheets' rows, block by block, in row order. */
  parts?: SnapshotPartRef[];
}

export interface SnapshotPart extends SnapshotSheet {
  format: typeof PART_FORMAT;
  register: string;
  sheet: string;
}

/** The field that names a row in each backed-up sheet; Lists rows are compared by position. */
export const IDENTITY: Readonly<Record<string, string | null>> = {
  Customers: 'id',
  Interactions: 'id',
  Property: 'id',
  Team: 'email',
  Settings: 'key',
  Lists: null,
};

/** Sheets restored record by record (by ID); the others are restored whole. */
export const RECORD_SHEETS = ['Customers', 'Interactions', 'Property'];

export function parseSnapshot(text: string): Snapshot | null {
  try {
    const s = JSON.parse(text) as Snapshot;
    return s && READABLE.includes(s.format) && typeof s.sheets === 'object' ? s : null;
  } catch {
    return null;
  }
}

export function parsePart(text: string): SnapshotPart | null {
  try {
    const p = JSON.parse(text) as SnapshotPart;
    return p && p.format === PART_FORMAT && Array.isArray(p.rows) && Array.isArray(p.keys) ? p : null;
  } catch {
    return null;
  }
}

export interface SheetDiff {
  sheet: string;
  /** Rows now that the snapshot does not have (kept by a restore: it never deletes what was added since). */
  added: string[];
  /** Rows of the snapshot that are gone now. */
  removed: string[];
  /** Rows in both whose values differ, with the fields that differ. */
  changed: { id: string; fields: string[] }[];
}

const same = (a: WireValue | undefined, b: WireValue | undefined) => (a ?? null) === (b ?? null);
const idText = (v: WireValue | undefined) =>
  String(v ?? '')
    .trim()
    .toLowerCase();

/** The fields of `keys` whose values differ between a record as it was and as it is: what a restore writes. */
export function changedFields(
  keys: readonly string[],
  then: Record<string, WireValue>,
  now: Record<string, WireValue>,
): string[] {
  return keys.filter((k) => !same(then[k], now[k]));
}

/** The rows of a sheet as records by field key. */
export function recordsOf(sheet: SnapshotSheet): Record<string, WireValue>[] {
  return sheet.rows.map((r) => Object.fromEntries(sheet.keys.map((k, i) => [k, r[i] ?? null])));
}

/** What names each row of a sheet: its identity field, or its sheet row where rows have none (Lists). */
function identities(name: string, sheet: SnapshotSheet): WireValue[] {
  const idField = IDENTITY[name] ?? null;
  const at = idField ? sheet.keys.indexOf(idField) : -1;
  return sheet.rows.map((r, i) => (idField ? (r[at] ?? null) : String(i + 2)));
}

/** A snapshot's sheet by row identity, built once and compared block by block with the sheet now. */
export interface SheetIndex {
  name: string;
  keys: string[];
  byKey: Map<string, Record<string, WireValue>>;
}

export function indexSheet(name: string, then: SnapshotSheet): SheetIndex {
  const ids = identities(name, then);
  const byKey = new Map<string, Record<string, WireValue>>();
  recordsOf(then).forEach((r, i) => {
    if (!byKey.has(idText(ids[i]))) byKey.set(idText(ids[i]), r);
  });
  return { name, keys: then.keys, byKey };
}

/**
 * The rows of the snapshot that are gone now and the rows now it does not have, from the identities now (one
 * per data row, in sheet order): a narrow read of the ID column, whatever the sheet's width.
 */
export function diffIdentities(
  name: string,
  then: SnapshotSheet,
  nowIds: readonly WireValue[],
): { added: string[]; removed: string[] } {
  const before = identities(name, then);
  const nowKeys = new Set(nowIds.map(idText));
  const thenKeys = new Set(before.map(idText));
  return {
    removed: before.filter((v) => !nowKeys.has(idText(v))).map((v) => String(v ?? '')),
    added: nowIds.filter((v) => idText(v) && !thenKeys.has(idText(v))).map((v) => String(v)),
  };
}

/**
 * The records of a block of the sheet now (its first data row `first`, 0-based) that the snapshot holds with
 * other values, compared over the snapshot's fields, each named as the snapshot names it.
 */
export function changedIn(
  index: SheetIndex,
  block: readonly Record<string, WireValue>[],
  first: number,
): SheetDiff['changed'] {
  const idField = IDENTITY[index.name] ?? null;
  const out: SheetDiff['changed'] = [];
  block.forEach((r, j) => {
    const key = idField ? idText(r[idField]) : String(first + j + 2);
    const before = key ? index.byKey.get(key) : undefined;
    if (!before) return;
    const fields = changedFields(index.keys, before, r);
    if (fields.length) out.push({ id: idField ? String(before[idField] ?? '') : key, fields });
  });
  return out;
}

/** What differs between a snapshot's sheet and the whole same sheet now, compared over the snapshot's fields. */
export function diffSheet(name: string, then: SnapshotSheet, now: SnapshotSheet): SheetDiff {
  return {
    sheet: name,
    ...diffIdentities(name, then, identities(name, now)),
    changed: changedIn(indexSheet(name, then), recordsOf(now), 0),
  };
}

interface BackupRef {
  id: string;
  at: string;
}

/** Newest first: the `keep` most recent stay, the rest are to be trashed. */
export function partitionBackups<T extends BackupRef>(
  backups: readonly T[],
  keep: number,
): { kept: T[]; old: T[] } {
  const sorted = [...backups].sort((a, b) => b.at.localeCompare(a.at));
  const n = Math.max(1, Math.floor(keep));
  return { kept: sorted.slice(0, n), old: sorted.slice(n) };
}
