// Taking a snapshot in steps: a bounded block of rows per step into a part file of its own, the manifest at the end.
import { BACKUP_FORMAT, partitionBackups, RECORD_SHEETS, type Snapshot } from '../domain/care/backup';
import {
  afterBlock,
  type BackupProgress,
  isStale,
  prefixHolds,
  recordsTaken,
  restartSheet,
  startBackup,
} from '../domain/care/backup-steps';
import type { RecordType } from '../schema';
import { BACKED_UP, readSheet, saveManifest, savePart, trashFiles, trashSnapshot } from './backup';
import { type BackupEntry, readCareState, writeCareState } from './care-state';
import { rowsFromColumns } from './records';
import { readTopRows, readWireBlock } from './register-cells';
import { effectiveUser, localTime, withDocumentLock } from './session';
import { readSettings } from './settings';
import { rowsPerStep } from './step-rows';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A sheet whose rows keep moving under the backup (sorted again and again) stops it rather than loop all day. */
const MAX_RESTARTS = 3;

export interface BackupRun {
  /** The snapshot is complete: its entry. */
  entry: BackupEntry | null;
  /** Records read so far. */
  records: number;
  /** Another admin's backup is under way: theirs goes on in their Drive, not this account's. */
  busyBy?: string;
  /** Rows kept moving while it read them: it was stopped, its files trashed. */
  gaveUp?: boolean;
}

const recordType = (i: number) => BACKED_UP.find((rt) => rt.sheetName === RECORD_SHEETS[i]) as RecordType;

/**
 * The IDs now in the first `rows` data rows of a record sheet (blanks past its end), in wire form as the parts
 * hold them: whatever a cell holds (a number, a date typed by hand), both sides hash it alike.
 */
function idsNow(ss: Spreadsheet, rt: RecordType, rows: number, tz: string): unknown[] {
  if (rows <= 0 || !ss.getSheetByName(rt.sheetName)) return [];
  const { count, columns } = readTopRows(ss, rt, ['id'], rows);
  return rowsFromColumns(rt, ['id'], { id: [...(columns.id ?? [])] }, count, tz).map((r) => r.id);
}

/** Saves a block of sheet `i` read at `began` as a part file, and where the backup stands after it. */
function saved(
  p: BackupProgress,
  i: number,
  block: ReturnType<typeof readWireBlock>,
  register: string,
  began: number,
): BackupProgress {
  const sheet = RECORD_SHEETS[i];
  const keys = recordType(i).fields.map((f) => f.key);
  const rows = block.records.map((r) => keys.map((k) => r[k] ?? null));
  const files = rows.length
    ? savePart(register, sheet, { keys, rows }, (n) => `${p.name} ${sheet} ${p.parts.length + n + 1}.json`)
    : [];
  return afterBlock(p, i, {
    ids: block.records.map((r) => r.id),
    files,
    ended: block.ended,
    tookMs: Date.now() - began,
  });
}

const blockOf = (ss: Spreadsheet, tz: string, p: BackupProgress, i: number) =>
  readWireBlock(
    ss,
    recordType(i),
    tz,
    p.read[i].rows,
    rowsPerStep(recordType(i).fields.length, 'backupRows'),
  );

/** Sheet `sheet` to be read again; its parts go to the trash once the step is recorded. */
function restarted(p: BackupProgress, sheet: number): BackupProgress {
  const progress = restartSheet(p, sheet);
  console.log(`Backup: rows of ${RECORD_SHEETS[sheet]} moved while it read them; reading it again.`);
  return progress;
}

/** Whether the rows read so far of sheet `i` still hold the IDs that were read there. */
const holds = (ss: Spreadsheet, tz: string, p: BackupProgress, i: number) =>
  prefixHolds(p, i, idsNow(ss, recordType(i), p.read[i].rows, tz));

/**
 * The closing step: every record sheet's rows read are checked once more, one after the other in one step,
 * and rows added after a sheet was read are read as a further part; then the small sheets and the manifest.
 */
function close(
  ss: Spreadsheet,
  tz: string,
  p: BackupProgress,
  register: string,
): BackupProgress | BackupEntry {
  const began = Date.now();
  for (let i = 0; i < RECORD_SHEETS.length; i++) {
    if (!holds(ss, tz, p, i)) return restarted(p, i);
    const tail = blockOf(ss, tz, p, i);
    if (tail.records.length) return saved(p, i, tail, register, began);
  }
  const small = BACKED_UP.filter((rt) => !RECORD_SHEETS.includes(rt.sheetName));
  const manifest: Snapshot = {
    format: BACKUP_FORMAT,
    takenAt: p.startedAt,
    register,
    sheets: Object.fromEntries(small.map((rt) => [rt.sheetName, readSheet(ss, rt, tz)])),
    parts: p.parts,
  };
  return {
    id: saveManifest(manifest, `${p.name}.json`),
    at: p.startedAt,
    by: p.by,
    records: recordsTaken(p),
  };
}

/** Reads the next block of the sheet being read, once the rows read before it are found where they were. */
function readOn(ss: Spreadsheet, tz: string, p: BackupProgress, register: string): BackupProgress {
  const began = Date.now();
  if (!holds(ss, tz, p, p.sheet)) return restarted(p, p.sheet);
  return saved(p, p.sheet, blockOf(ss, tz, p, p.sheet), register, began);
}

/**
 * Lists a complete snapshot, in the same lock as its last step, and trashes the oldest beyond the Settings
 * count. Another admin's snapshots cannot be trashed from here: they stay listed until their owner's run.
 */
function keepNewest(ss: Spreadsheet, entry: BackupEntry) {
  const keep = Number(readSettings(ss).backupsKept ?? 8);
  const { kept, old } = partitionBackups([entry, ...(readCareState().backups ?? [])], keep);
  const stay = old.filter((b) => b.by !== entry.by || !trashSnapshot(ss, b.id));
  writeCareState({ backups: [...kept, ...stay] });
}

/** The backup this account goes on with (a new one when none is under way), or another admin's under way. */
function claim(ss: Spreadsheet, tz: string, now: Date): BackupProgress | BackupRun {
  return withDocumentLock(() => {
    const me = effectiveUser();
    const state = readCareState();
    const { [me]: mine, ...others } = state.abandoned ?? {};
    if (mine) {
      trashFiles(mine);
      writeCareState({ abandoned: others });
    }
    let p = state.backup ?? null;
    if (p && isStale(p, Date.now())) {
      const files = p.parts.map((x) => x.file);
      if (p.by === me) trashFiles(files);
      else writeCareState({ abandoned: { ...others, [p.by]: [...(others[p.by] ?? []), ...files] } });
      writeCareState({ backup: undefined });
      p = null;
    }
    if (p && p.by !== me) return { entry: null, records: recordsTaken(p), busyBy: p.by };
    if (p) return p;
    const fresh = startBackup(
      now.toISOString(),
      `${ss.getName()} backup ${localTime(now, tz).replace(':', '')}`,
      me,
    );
    writeCareState({ backup: fresh });
    return fresh;
  });
}

const filesOf = (x: BackupProgress | BackupEntry) => ('parts' in x ? x.parts.map((f) => f.file) : [x.id]);

/**
 * Records a step, under the document lock, when the backup is still where the step found it; otherwise
 * another execution took that step meanwhile (a Back up now beside the daily run) and this one's files go.
 */
function commit(
  ss: Spreadsheet,
  p: BackupProgress,
  next: BackupProgress | BackupEntry,
  tookMs: number,
): BackupRun {
  return withDocumentLock(() => {
    const made = filesOf(next).filter((f) => !p.parts.some((x) => x.file === f));
    const state = readCareState();
    if (JSON.stringify(state.backup) !== JSON.stringify(p)) {
      trashFiles(made);
      if (state.backup) return { entry: null, records: recordsTaken(state.backup) };
      // The other execution ended this backup: complete (listed), or stopped by rows that kept moving.
      const entry = (state.backups ?? []).find((b) => b.at === p.startedAt && b.by === p.by) ?? null;
      return entry ? { entry, records: entry.records } : { entry: null, records: 0, gaveUp: true };
    }
    const left = 'parts' in next ? next.parts.map((x) => x.file) : [];
    if ('parts' in next) trashFiles(p.parts.map((x) => x.file).filter((f) => !left.includes(f)));
    if (!('parts' in next)) {
      // A note from before backups went in steps (a backup too long to start) is void once one is complete.
      const { backup: _, ...others } = state.stalled ?? {};
      const took = Math.max(p.longestMs, tookMs);
      writeCareState({ backup: undefined, took: { ...state.took, backup: took }, stalled: others });
      keepNewest(ss, next);
      return { entry: next, records: next.records };
    }
    if (next.restarts > MAX_RESTARTS) {
      trashFiles(next.parts.map((x) => x.file));
      writeCareState({ backup: undefined });
      console.log('Backup stopped: rows kept moving while it read them.');
      return { entry: null, records: 0, gaveUp: true };
    }
    writeCareState({ backup: { ...next, steppedAt: new Date().toISOString() } });
    return { entry: null, records: recordsTaken(next) };
  });
}

/**
 * One step. The read and the part file need no lock: the IDs checked before the next step (and in the closing
 * one) tell whether rows moved meanwhile, and a save by the add-on only changes values or adds rows, which a
 * snapshot may hold either way. So people's saves and customers' answers never wait for a block to be read;
 * the lock is taken only to claim the step and to record it.
 */
function nextStep(ss: Spreadsheet, tz: string, now: Date): BackupRun {
  const p = claim(ss, tz, now);
  if (!('parts' in p)) return p;
  const register = ss.getId();
  const began = Date.now();
  const next = p.sheet < RECORD_SHEETS.length ? readOn(ss, tz, p, register) : close(ss, tz, p, register);
  return commit(ss, p, next, Date.now() - began);
}

/**
 * Runs steps of the backup while `mayGoOn` says one more fits, given what a step took before (undefined before
 * any has run).
 */
export function runBackupSteps(
  ss: Spreadsheet,
  tz: string,
  o: { now: Date; mayGoOn: (expectedMs: number | undefined) => boolean },
): BackupRun {
  let run: BackupRun | null = null;
  for (;;) {
    const state = readCareState();
    if (!o.mayGoOn(state.backup?.longestMs || state.took?.backup))
      return run ?? { entry: null, records: state.backup ? recordsTaken(state.backup) : 0 };
    run = nextStep(ss, tz, o.now);
    if (run.entry || run.busyBy || run.gaveUp) return run;
  }
}
