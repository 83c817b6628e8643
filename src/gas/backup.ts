// Register snapshots in the Drive of the account taking them (drive.file: files this script made): taking, opening and reading them (restoring: restore.ts).
import {
  PART_FORMAT,
  parsePart,
  parseSnapshot,
  type Snapshot,
  type SnapshotPart,
  type SnapshotSheet,
} from '../domain/care/backup';
import { partTexts } from '../domain/care/backup-steps';
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

/** Writes a snapshot's manifest as a JSON file in the Drive of the account running this; returns its file ID. */
export function saveManifest(snapshot: Snapshot, name: string): string {
  return DriveApp.createFile(name, JSON.stringify(snapshot), 'application/json').getId();
}

/**
 * A part file stays well under the 50 MB a blob holds: a block of a million cells is about 8 MB of JSON, but
 * cells of long text or Chinese (3 bytes a character) can make it far more.
 */
const MAX_PART_BYTES = 20 * 1024 * 1024;

/**
 * Writes one block of a record sheet's rows as part files of a snapshot (one, or more when its JSON is large);
 * returns each file's ID and the records (rows with an ID) in it.
 */
export function savePart(
  register: string,
  sheet: string,
  block: SnapshotSheet,
  name: (n: number) => string,
): { file: string; rows: number }[] {
  const id = block.keys.indexOf('id');
  const texts = partTexts(
    block.rows,
    (rows) =>
      JSON.stringify({ format: PART_FORMAT, register, sheet, keys: block.keys, rows } as SnapshotPart),
    MAX_PART_BYTES,
  );
  return texts.map((p, n) => ({
    file: DriveApp.createFile(name(n), p.text, 'application/json').getId(),
    rows: p.rows.filter((r) => r[id] !== null && r[id] !== '').length,
  }));
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

/** Moves files to the Drive trash; those this account cannot reach (another admin's) are left. */
export function trashFiles(ids: readonly string[]): boolean {
  let all = true;
  for (const id of ids)
    try {
      DriveApp.getFileById(id).setTrashed(true);
    } catch {
      all = false;
    }
  return all;
}

/** Moves a snapshot (its manifest and its part files) to its owner's Drive trash; false when this account cannot reach it. */
export function trashSnapshot(ss: Spreadsheet, id: string): boolean {
  const snapshot = openSnapshot(ss, id);
  return trashFiles([...(snapshot?.parts ?? []).map((x) => x.file), id]) && snapshot !== null;
}
