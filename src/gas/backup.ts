// Register snapshots in the Drive of the account taking them (drive.file: files this script made): taking, opening and reading them (restoring: restore.ts).
import {
  BACKUP_FORMAT,
  PART_FORMAT,
  parsePart,
  parseSnapshot,
  type Snapshot,
  type SnapshotPart,
  type SnapshotSheet,
} from '../domain/care/backup';
import {
  customer,
  defaultLists,
  interaction,
  listsRecordType,
  property,
  type RecordType,
  settingsSheet,
  team,
} from '../schema';
import { rowsFromColumns } from './records';
import { readColumns } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What a snapshot holds: the records, the Lists, the Team and the Settings. */
export const BACKED_UP: readonly RecordType[] = [
  customer,
  interaction,
  property,
  team,
  settingsSheet,
  listsRecordType(defaultLists),
];

/** One sheet now, in wire form, in a few block reads. */
export function readSheet(ss: Spreadsheet, rt: RecordType, tz: string): SnapshotSheet {
  const keys = rt.fields.map((f) => f.key);
  if (!ss.getSheetByName(rt.sheetName)) return { keys, rows: [] };
  const { count, values } = readColumns(ss, rt.sheetName, keys, 3);
  return { keys, rows: rowsFromColumns(rt, keys, values, count, tz).map((r) => keys.map((k) => r[k])) };
}

/**
 * Reading a cell costs about 0.05 ms (Google's Apps Script best-practices figure, also the bench's cost model):
 * how long a snapshot of the register as it is now would take, before one has been taken here to say.
 */
const MS_PER_CELL = 0.05;

export function estimateSnapshotMs(ss: Spreadsheet): number {
  let cells = 0;
  for (const rt of BACKED_UP) {
    const sheet = ss.getSheetByName(rt.sheetName);
    // The reads take blocks of columns that span the sheet's width, a column of its own included.
    if (sheet)
      cells += Math.max(0, sheet.getLastRow() - 1) * Math.max(rt.fields.length, sheet.getLastColumn());
  }
  return cells * MS_PER_CELL;
}

export function takeSnapshot(ss: Spreadsheet, tz: string, now: Date): Snapshot {
  return {
    format: BACKUP_FORMAT,
    takenAt: now.toISOString(),
    register: ss.getId(),
    sheets: Object.fromEntries(BACKED_UP.map((rt) => [rt.sheetName, readSheet(ss, rt, tz)])),
  };
}

/** Writes the snapshot as a JSON file in the Drive of the account running this; returns its file ID. */
export function saveSnapshot(snapshot: Snapshot, name: string): string {
  return DriveApp.createFile(name, JSON.stringify(snapshot), 'application/json').getId();
}

/** Writes one block of a record sheet's rows as a part file of a snapshot; returns its file ID. */
export function savePart(register: string, sheet: string, block: SnapshotSheet, name: string): string {
  const part: SnapshotPart = { format: PART_FORMAT, register, sheet, keys: block.keys, rows: block.rows };
  return DriveApp.createFile(name, JSON.stringify(part), 'application/json').getId();
}

/** The text of Drive file `id`, or null when this account cannot open it. */
function fileText(id: string): string | null {
  try {
    return DriveApp.getFileById(id).getBlob().getDataAsString();
  } catch {
    return null;
  }
}

/**
 * The snapshot whose manifest is file `id` (the record sheets' rows stay in their part files until
 * `snapshotSheet` reads them), or null when this account cannot open it or it is not a snapshot of this register.
 */
export function openSnapshot(ss: Spreadsheet, id: string): Snapshot | null {
  const text = fileText(id);
  const s = text === null ? null : parseSnapshot(text);
  return s && s.register === ss.getId() ? s : null;
}

/**
 * One sheet of a snapshot, its part files read in order; null when the snapshot does not hold it or a part
 * cannot be read (trashed, another account's).
 */
export function snapshotSheet(snapshot: Snapshot, sheet: string): SnapshotSheet | null {
  const parts = (snapshot.parts ?? []).filter((p) => p.sheet === sheet);
  if (!parts.length) return snapshot.sheets[sheet] ?? null;
  const out: SnapshotSheet = { keys: [], rows: [] };
  for (const ref of parts) {
    const text = fileText(ref.file);
    const part = text === null ? null : parsePart(text);
    if (!part || part.register !== snapshot.register || part.sheet !== sheet) return null;
    out.keys = part.keys;
    for (const row of part.rows) out.rows.push(row);
  }
  return out;
}

/** Moves a snapshot to its owner's Drive trash; false when this account cannot reach it (another admin's). */
export function trashSnapshot(id: string): boolean {
  try {
    DriveApp.getFileById(id).setTrashed(true);
    return true;
  } catch {
    return false;
  }
}
