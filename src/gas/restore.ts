// Restoring from a snapshot: chosen records found by ID, a whole record sheet in chunks bounded in cells, a small sheet whole; every change audited.
import type { AuditRow } from '../domain/audit';
import { changedFields, recordsOf, type SnapshotSheet } from '../domain/care/backup';
import { columnRuns } from '../domain/column-runs';
import type { Lang } from '../domain/i18n';
import { cellsFromRecord } from '../domain/record-codec';
import type { RecordType, WireValue } from '../schema';
import { appendAudit } from './audit-log';
import { readSheet } from './backup';
import { idsNow, restoreStepRows } from './backup-compare';
import { columnOf } from './column-map';
import { recordsHolding } from './finder';
import { idKey, stampRecords } from './record-writes';
import { rowsFromColumns } from './records';
import { appendRows, readRowsAt, verifiedMap, writeRowsAt } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type WireRow = Record<string, WireValue>;

interface Who {
  email: string;
  now: Date;
  lang: Lang;
}

/** The snapshot's fields the sheet still has: a field dropped from the schema since is not restored. */
const restorable = (rt: RecordType, then: SnapshotSheet) =>
  then.keys.filter((k) => rt.fields.some((f) => f.key === k));

const only = (r: WireRow, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, r[k]]));

/** Audit rows of one record put back: each field old → new, or a `create` for one deleted since. */
function audited(who: Who, id: string, fields: readonly string[] | null, then: WireRow, now?: WireRow) {
  const base = { time: who.now, user: who.email, record: id, source: 'restore' };
  if (!fields || !now) return [{ ...base, action: 'create', field: '', oldValue: '', newValue: '' }];
  return fields.map((f) => ({
    ...base,
    action: 'update',
    field: f,
    oldValue: String(now[f] ?? ''),
    newValue: String(then[f] ?? ''),
  }));
}

/** The snapshot's records with an ID, the first of each ID only: what a restore puts back by ID. */
function byId(records: readonly WireRow[]): WireRow[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const id = idKey(r.id);
    if (!id || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Puts chosen records of a record sheet back as they were in the snapshot: their rows found now by one search
 * of the ID column and read alone, so the cells moved follow the records chosen, not the sheet. A record changed
 * since gets back the fields that differ, one deleted since is appended again. Each field is audited old → new
 * with the restore as its source.
 */
export function restoreRecords(
  ss: Spreadsheet,
  rt: RecordType,
  then: SnapshotSheet,
  ids: ReadonlySet<string>,
  tz: string,
  who: Who,
): number {
  const wanted = byId(recordsOf(then)).filter((r) => ids.has(idKey(r.id)));
  if (!wanted.length || !ss.getSheetByName(rt.sheetName)) return 0;
  const keys = restorable(rt, then);
  const now = new Map(
    recordsHolding(
      ss,
      rt,
      'id',
      wanted.map((r) => String(r.id)),
      keys,
      tz,
    ).map((r) => [idKey(r.id), r] as const),
  );
  const audit: AuditRow[] = [];
  const updates = [];
  const appends = [];
  for (const r of wanted) {
    const id = String(r.id);
    const current = now.get(idKey(id));
    if (!current) {
      appends.push(cellsFromRecord(rt, r, who.lang));
      audit.push(...audited(who, id, null, r));
      continue;
    }
    const fields = changedFields(keys, r, current);
    if (!fields.length) continue;
    updates.push({ id, cells: cellsFromRecord(rt, only(r, fields), who.lang) });
    audit.push(...audited(who, id, fields, r, current));
  }
  // Found again by ID at the moment of writing, each read and written alone: never a read of whole columns.
  if (updates.length) stampRecords(ss, rt.sheetName, updates);
  if (appends.length) appendRows(ss, rt.sheetName, appends);
  appendAudit(ss, audit, who.lang);
  return updates.length + appends.length;
}

/** Rows between two written ones, when read already, are written back with them rather than cost a call of their own. */
const NEAR = 20;

export interface ChunkResult {
  /** Records written or appended again. */
  records: number;
  /** Snapshot records this chunk went through. */
  rows: number;
  /** The chunk reached the snapshot's last record. */
  ended: boolean;
  /**
   * Rows moved (a person sorted, inserted or deleted rows) between finding the chunk's records and writing
   * them: some cells may have landed on other records, so the sheet's restore starts again from its first
   * record, which puts back every record of the snapshot (each chunk compares before it writes).
   */
  moved?: boolean;
}

/**
 * One chunk of restoring a whole record sheet: the snapshot's records `from` on (0-based, as many as a step of
 * a comparison reads), found by ID in the sheet now, read in runs of rows, compared, and only what differs
 * written; records deleted since are appended again. Each chunk compares before it writes, so a chunk done
 * twice (sent again after an execution died) writes nothing the second time. Its Audit rows go first: an
 * execution that dies in the middle of its writes leaves no change unaudited (at worst one audited twice).
 */
export function restoreChunk(
  ss: Spreadsheet,
  rt: RecordType,
  then: SnapshotSheet,
  from: number,
  tz: string,
  who: Who,
): ChunkResult {
  const n = restoreStepRows(rt);
  const chunk = byId(recordsOf({ keys: then.keys, rows: then.rows.slice(from, from + n) }));
  const result = {
    rows: Math.min(n, Math.max(0, then.rows.length - from)),
    ended: from + n >= then.rows.length,
  };
  if (!chunk.length || !ss.getSheetByName(rt.sheetName)) return { ...result, records: 0 };
  const keys = restorable(rt, then);
  const map = verifiedMap(ss, rt.sheetName);
  const rowOf = new Map<string, number>();
  idsNow(ss, rt).forEach((v, i) => {
    const id = idKey(v);
    if (id && !rowOf.has(id)) rowOf.set(id, i + 2);
  });
  const present = chunk.filter((r) => rowOf.has(idKey(r.id)));
  const rows = present.map((r) => rowOf.get(idKey(r.id)) as number);
  const raw = rows.length ? readRowsAt(ss, rt.sheetName, map, rows, keys) : {};
  const wire = rowsFromColumns(rt, keys, raw, rows.length, tz);
  const audit: AuditRow[] = [];
  // What each differing row gets: the snapshot's value of each field that differs, by row number.
  const writes = new Map<number, Record<string, unknown>>();
  present.forEach((r, i) => {
    const fields = changedFields(keys, r, wire[i]);
    if (!fields.length) return;
    writes.set(rows[i], cellsFromRecord(rt, only(r, fields), who.lang));
    audit.push(...audited(who, String(r.id), fields, r, wire[i]));
  });
  const gone = chunk.filter((r) => !rowOf.has(idKey(r.id)));
  for (const r of gone) audit.push(...audited(who, String(r.id), null, r));
  appendAudit(ss, audit, who.lang);
  const asRead = new Map(rows.map((row, i) => [row, Object.fromEntries(keys.map((k) => [k, raw[k][i]]))]));
  writeRuns(ss.getSheetByName(rt.sheetName) as GoogleAppsScript.Spreadsheet.Sheet, map, writes, asRead);
  const moved = writes.size > 0 && wroteElsewhere(ss, rt, writes, present, rows);
  if (gone.length)
    appendRows(
      ss,
      rt.sheetName,
      gone.map((r) => cellsFromRecord(rt, r, who.lang)),
    );
  return { ...result, records: writes.size + gone.length, ...(moved ? { moved, ended: false } : {}) };
}

/**
 * Whether any written row holds another record's ID now (rows moved under the write), read once after it; the
 * records the write landed on are named in the execution log (those not in the snapshot keep what was written).
 */
function wroteElsewhere(
  ss: Spreadsheet,
  rt: RecordType,
  writes: ReadonlyMap<number, unknown>,
  present: readonly WireRow[],
  rows: readonly number[],
): boolean {
  const ids = idsNow(ss, rt);
  const landed = rows.flatMap((row, i) =>
    writes.has(row) && idKey(ids[row - 2]) !== idKey(present[i].id) ? [String(ids[row - 2] ?? '')] : [],
  );
  if (landed.length)
    console.log(
      `Restore: rows of ${rt.sheetName} moved under its write; restoring the sheet again. Written on: ${landed.join(', ')}`,
    );
  return landed.length > 0;
}

/**
 * Writes the differing rows in runs of nearby rows, one write per run of the columns that differ in it: a row
 * inside a run that is not restored, or a field that does not differ, is written back as it was just read.
 */
function writeRuns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  map: ReturnType<typeof verifiedMap>,
  writes: ReadonlyMap<number, Record<string, unknown>>,
  asRead: ReadonlyMap<number, Record<string, unknown>>,
) {
  const rows = [...writes.keys()].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const row of rows) {
    const run = runs[runs.length - 1];
    const end = run?.[run.length - 1] ?? -Infinity;
    let between = row - end - 1 <= NEAR;
    for (let r = end + 1; between && r < row; r++) between = asRead.has(r);
    if (run && between) for (let r = end + 1; r <= row; r++) run.push(r);
    else runs.push([row]);
  }
  for (const run of runs) {
    const keys = [...new Set(run.flatMap((r) => Object.keys(writes.get(r) ?? {})))];
    const line = (r: number) => ({ ...asRead.get(r), ...writes.get(r) });
    for (const cols of columnRuns(
      keys.map((k) => columnOf(map, k)),
      keys.length,
    ))
      sheet.getRange(run[0], cols.first, run.length, cols.last - cols.first + 1).setValues(
        run.map((r) => {
          const cells = line(r);
          const out = [];
          for (let c = cols.first; c <= cols.last; c++) out.push(cells[map.keys[c - 1]]);
          return out;
        }),
      );
  }
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
