// Register snapshots in the Drive of the account taking them (drive.file: files this script made), and restoring from them by ID.
import type { AuditRow } from '../domain/audit';
import {
  PART_FORMAT,
  parsePart,
  parseSnapshot,
  recordsOf,
  type Snapshot,
  type SnapshotPart,
  type SnapshotSheet,
} from '../domain/care/backup';
import { partTexts } from '../domain/care/backup-steps';
import type { Lang } from '../domain/i18n';
import { cellsFromRecord } from '../domain/record-codec';
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
import { appendAudit } from './audit-log';
import { writeRecords } from './record-writes';
import { rowsFromColumns } from './records';
import { appendRows, readColumns, verifiedMap, writeRowsAt } from './table';

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

export function backedUp(sheet: string): RecordType | undefined {
  return BACKED_UP.find((rt) => rt.sheetName === sheet);
}

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

interface Who {
  email: string;
  now: Date;
  lang: Lang;
}

/**
 * Puts records of a record sheet back as they were in the snapshot, found by ID at the moment of writing:
 * a record changed since gets back the fields that differ, one deleted since is appended again. Each
 * field is audited old → new with the restore as its source.
 */
export function restoreRecords(
  ss: Spreadsheet,
  rt: RecordType,
  then: SnapshotSheet,
  ids: ReadonlySet<string>,
  tz: string,
  who: Who,
): number {
  const wanted = recordsOf(then).filter((r) => ids.has(String(r.id ?? '').toUpperCase()));
  if (!wanted.length) return 0;
  const now = new Map(
    recordsOf(readSheet(ss, rt, tz)).map((r) => [String(r.id ?? '').toUpperCase(), r] as const),
  );
  const audit: AuditRow[] = [];
  const base = { time: who.now, user: who.email, record: '', source: 'restore' };
  const updates = [];
  const appends = [];
  for (const r of wanted) {
    const id = String(r.id);
    const current = now.get(id.toUpperCase());
    if (!current) {
      appends.push(cellsFromRecord(rt, r, who.lang));
      audit.push({ ...base, action: 'create', record: id, field: '', oldValue: '', newValue: '' });
      continue;
    }
    const fields = then.keys.filter((k) => (r[k] ?? null) !== (current[k] ?? null));
    if (!fields.length) continue;
    updates.push({
      id,
      cells: cellsFromRecord(rt, Object.fromEntries(fields.map((k) => [k, r[k]])), who.lang),
    });
    for (const f of fields)
      audit.push({
        ...base,
        action: 'update',
        record: id,
        field: f,
        oldValue: String(current[f] ?? ''),
        newValue: String(r[f] ?? ''),
      });
  }
  if (updates.length) writeRecords(ss, rt.sheetName, updates);
  if (appends.length) appendRows(ss, rt.sheetName, appends);
  appendAudit(ss, audit, who.lang);
  return updates.length + appends.length;
}

/** Rewrites a whole sheet (Team, Settings, Lists) as the snapshot holds it; rows beyond it are emptied. */
export function restoreSheet(ss: Spreadsheet, rt: RecordType, then: SnapshotSheet, tz: string, who: Who) {
  const rows = recordsOf(then).map((r) => cellsFromRecord(rt, r, who.lang));
  const extra = Math.max(0, readSheet(ss, rt, tz).rows.length - rows.length);
  const blank = Object.fromEntries(then.keys.map((k) => [k, '']));
  const map = verifiedMap(ss, rt.sheetName);
  const sheet = ss.getSheetByName(rt.sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
  const all = [...rows, ...new Array(extra).fill(blank)];
  if (all.length + 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), all.length + 1 - sheet.getMaxRows());
  if (all.length) writeRowsAt(sheet, map, 2, all);
  appendAudit(
    ss,
    [
      {
        time: who.now,
        user: who.email,
        action: 'restore',
        record: rt.sheetName,
        field: '',
        oldValue: '',
        newValue: '',
        source: 'restore',
      },
    ],
    who.lang,
  );
}
