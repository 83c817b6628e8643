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

interface SheetDiff {
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

/** The rows of a sheet as records by field key. */
export function recordsOf(sheet: SnapshotSheet): Record<string, WireValue>[] {
  return sheet.rows.map((r) => Object.fromEntries(sheet.keys.map((k, i) => [k, r[i] ?? null])));
}

/** What differs between a snapshot's sheet and the same sheet now, compared over the snapshot's fields. */
export function diffSheet(name: string, then: SnapshotSheet, now: SnapshotSheet): SheetDiff {
  const idField = IDENTITY[name] ?? null;
  const before = recordsOf(then);
  const after = recordsOf(now);
  const keyOf = (r: Record<string, WireValue>, i: number) => (idField ? idText(r[idField]) : String(i + 2));
  const label = (r: Record<string, WireValue>, i: number) =>
    idField ? String(r[idField] ?? '') : String(i + 2);
  const nowByKey = new Map(after.map((r, i) => [keyOf(r, i), r]));
  const thenKeys = new Set(before.map(keyOf));
  const diff: SheetDiff = { sheet: name, added: [], removed: [], changed: [] };
  before.forEach((r, i) => {
    const current = nowByKey.get(keyOf(r, i));
    if (!current) {
      diff.removed.push(label(r, i));
      return;
    }
    const fields = then.keys.filter((k) => !same(r[k], current[k]));
    if (fields.length) diff.changed.push({ id: label(r, i), fields });
  });
  after.forEach((r, i) => {
    if (!thenKeys.has(keyOf(r, i)) && keyOf(r, i)) diff.added.push(label(r, i));
  });
  return diff;
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
