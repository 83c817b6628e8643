// Backup entry points (Admin): back up now, list snapshots, compare one with the register, restore chosen records or whole sheets.
import {
  indexSheet,
  RECORD_SHEETS,
  type SheetIndex,
  type Snapshot,
  type SnapshotSheet,
} from '../domain/care/backup';
import { recordsTaken } from '../domain/care/backup-steps';
import { mayStep } from '../domain/care/schedule';
import { type Lang, t } from '../domain/i18n';
import { BACKED_UP, openSnapshot, snapshotSheet } from '../gas/backup';
import { compareStep, resumeRow } from '../gas/backup-compare';
import { type BackupRun, runBackupSteps } from '../gas/backup-steps';
import { readCareState } from '../gas/care-state';
import { idKey } from '../gas/record-writes';
import { restoreChunk, restoreRecords, restoreSheet } from '../gas/restore';
import { localTime, withDocumentLock } from '../gas/session';
import { ADMIN_ONLY, type RecordType } from '../schema';
import { joinComparison, type SheetComparison } from '../shared/care';
import type { BackupComparison, BackupList, RestoreReport, StepCursor } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { authorize } from './context';
import { parseRequest, requests } from './requests';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function listed(tz: string, lang: Lang, run?: BackupRun): BackupList {
  return {
    backups: (readCareState().backups ?? []).map((b) => ({
      id: b.id,
      at: localTime(b.at, tz),
      by: b.by,
      records: b.records,
    })),
    message: progressOf(lang, run ?? underWay()),
    underWay: Boolean(run && !run.entry && !run.busyBy && !run.gaveUp),
  };
}

/** The backup under way, as a run that has not ended; none: a listing. */
function underWay(): BackupRun | null {
  const p = readCareState().backup;
  return p ? { entry: null, records: recordsTaken(p) } : null;
}

function progressOf(lang: Lang, run: BackupRun | null): string {
  if (!run) return t(lang, 'careBackupsListed');
  if (run.busyBy) return t(lang, 'careBackupBusy', { by: run.busyBy });
  if (run.gaveUp) return t(lang, 'careBackupMoving');
  if (!run.entry) return t(lang, 'careBackupUnderWay', { records: run.records });
  return t(lang, 'careBackupTaken', { records: run.entry.records });
}

/** Takes as many steps of a backup as fit this execution: call again while `underWay`. */
export function backupNow(req?: unknown): BackupList {
  const startedAt = Date.now();
  const c = authorize(ADMIN_ONLY, actions.manageBackups);
  parseRequest(requests.backupNow, req ?? {}, c.lang);
  const run = runBackupSteps(c.ss, c.tz, {
    now: new Date(),
    mayGoOn: (expectedMs) => mayStep(startedAt, Date.now(), expectedMs),
  });
  return listed(c.tz, c.lang, run);
}

export function listBackups(req?: unknown): BackupList {
  const c = authorize(ADMIN_ONLY, actions.manageBackups);
  parseRequest(requests.listBackups, req ?? {}, c.lang);
  return listed(c.tz, c.lang);
}

function snapshotOrRefuse(ss: Spreadsheet, id: string, lang: Lang): Snapshot {
  const entry = (readCareState().backups ?? []).find((b) => b.id === id);
  const snapshot = entry ? openSnapshot(ss, id) : null;
  if (!snapshot) throw new UserError(t(lang, 'careBackupUnreadable', { by: entry?.by ?? '—' }));
  return snapshot;
}

/**
 * What differs, sheet by sheet, in steps: each call compares blocks of rows while another fits this execution
 * (judged by the longest block so far) and returns `next` until the last sheet is done. A record sheet's deleted
 * and added records are those of its ID column at its first block; each block's changed records are as they
 * are when it is read.
 */
export function compareBackup(req: unknown): BackupComparison {
  const startedAt = Date.now();
  const c = authorize(ADMIN_ONLY, actions.manageBackups);
  const { id, next } = parseRequest(requests.compareBackup, req, c.lang);
  const snapshot = snapshotOrRefuse(c.ss, id, c.lang);
  const sheets: SheetComparison[] = [];
  let at: StepCursor = next ?? { sheet: 0, from: 0 };
  let longest: number | undefined;
  // Only the sheet being compared is loaded from the snapshot: a record sheet's parts are large.
  let loaded = null as { sheet: number; snap: SnapshotSheet; index: SheetIndex } | null;
  while (at.sheet < BACKED_UP.length && mayStep(startedAt, Date.now(), longest)) {
    const began = Date.now();
    const rt = BACKED_UP[at.sheet];
    if (loaded?.sheet !== at.sheet) {
      const snap = snapshotSheet(snapshot, rt.sheetName) ?? { keys: [], rows: [] };
      loaded = { sheet: at.sheet, snap, index: indexSheet(rt.sheetName, snap) };
    }
    // A call going on with a sheet finds where its last compared record is now.
    const from = at.from && !longest ? resumeRow(c.ss, rt, at.from, at.after) : at.from;
    const step = compareStep(c.ss, rt, loaded.snap, loaded.index, from, c.tz);
    const d = step.diff;
    joinComparison(sheets, {
      sheet: rt.sheetName,
      label: rt.labels[c.lang],
      byRecord: RECORD_SHEETS.includes(rt.sheetName),
      added: d.added.length,
      removed: d.removed,
      removedCount: d.removed.length,
      changed: d.changed,
      changedCount: d.changed.length,
    });
    at = step.ended ? { sheet: at.sheet + 1, from: 0 } : { sheet: at.sheet, ...step.next };
    longest = Math.max(longest ?? 0, Date.now() - began);
  }
  return {
    takenAt: localTime(snapshot.takenAt, c.tz),
    sheets,
    next: at.sheet < BACKED_UP.length ? at : null,
  };
}

/**
 * Restores the chosen records (by ID) and whole sheets, in steps: each step under the document lock, while
 * another fits this execution, then `next` says where the same request goes on. A whole record sheet goes a
 * chunk of the snapshot's records a step; records added since are kept.
 */
export function restoreBackup(req: unknown): RestoreReport {
  const startedAt = Date.now();
  const c = authorize(ADMIN_ONLY, actions.manageBackups);
  const r = parseRequest(requests.restoreBackup, req, c.lang);
  if (!r.records?.length && !r.sheets?.length) throw new UserError(t(c.lang, 'careRestoreNothing'));
  const snapshot = snapshotOrRefuse(c.ss, r.id, c.lang);
  const whole = new Set(r.sheets ?? []);
  const chosen = (name: string) =>
    new Set((r.records ?? []).filter((x) => x.sheet === name).map((x) => idKey(x.id)));
  const wanted = (rt: RecordType) =>
    whole.has(rt.sheetName) || (RECORD_SHEETS.includes(rt.sheetName) && chosen(rt.sheetName).size > 0);
  let at: StepCursor = next(r.next, wanted);
  let records = 0;
  const sheets: string[] = [];
  let longest: number | undefined;
  let loaded = null as { sheet: number; snap: SnapshotSheet | null } | null;
  while (at.sheet < BACKED_UP.length && mayStep(startedAt, Date.now(), longest)) {
    const began = Date.now();
    const rt = BACKED_UP[at.sheet];
    if (loaded?.sheet !== at.sheet) loaded = { sheet: at.sheet, snap: snapshotSheet(snapshot, rt.sheetName) };
    const then = loaded.snap;
    const step = withDocumentLock(() => {
      const who = { email: c.email, now: new Date(), lang: c.registerLang };
      if (!then) return { records: 0, rows: 0, ended: true };
      if (!RECORD_SHEETS.includes(rt.sheetName)) {
        restoreSheet(c.ss, rt, then, c.tz, who);
        sheets.push(rt.sheetName);
        return { records: 0, rows: 0, ended: true };
      }
      if (whole.has(rt.sheetName)) return restoreChunk(c.ss, rt, then, at.from, c.tz, who);
      return {
        records: restoreRecords(c.ss, rt, then, chosen(rt.sheetName), c.tz, who),
        rows: 0,
        ended: true,
      };
    });
    records += step.records;
    at = step.ended
      ? next({ sheet: at.sheet + 1, from: 0 }, wanted)
      : { sheet: at.sheet, from: 'moved' in step && step.moved ? 0 : at.from + step.rows };
    longest = Math.max(longest ?? 0, Date.now() - began);
  }
  const done = at.sheet >= BACKED_UP.length;
  return {
    records,
    sheets,
    message: done
      ? t(c.lang, 'careRestored', { records, sheets: sheets.length })
      : t(c.lang, 'careRestoreContinues', { records }),
    next: done ? null : at,
  };
}

/** The first sheet from `at` on that the request restores something of (past the last: nothing left). */
function next(at: StepCursor | undefined, wanted: (rt: RecordType) => boolean): StepCursor {
  let { sheet, from } = at ?? { sheet: 0, from: 0 };
  while (sheet < BACKED_UP.length && !wanted(BACKED_UP[sheet])) {
    sheet++;
    from = 0;
  }
  return { sheet, from };
}
