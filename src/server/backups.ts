// Backup entry points (Admin): back up now, list snapshots, compare one with the register, restore chosen records or whole sheets.
import { diffSheet, RECORD_SHEETS, type Snapshot } from '../domain/care/backup';
import { recordsTaken } from '../domain/care/backup-steps';
import { mayStep } from '../domain/care/schedule';
import { type Lang, t } from '../domain/i18n';
import {
  BACKED_UP,
  backedUp,
  openSnapshot,
  readSheet,
  restoreRecords,
  restoreSheet,
  snapshotSheet,
} from '../gas/backup';
import { type BackupRun, runBackupSteps } from '../gas/backup-steps';
import { readCareState } from '../gas/care-state';
import { localTime, withDocumentLock } from '../gas/session';
import { ADMIN_ONLY } from '../schema';
import type { BackupComparison, BackupList, RestoreReport } from '../shared/rpc';
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

/** What differs, sheet by sheet; at most 200 changed rows listed per sheet, all counted. */
export function compareBackup(req: unknown): BackupComparison {
  const c = authorize(ADMIN_ONLY, actions.manageBackups);
  const { id } = parseRequest(requests.compareBackup, req, c.lang);
  const snapshot = snapshotOrRefuse(c.ss, id, c.lang);
  return {
    takenAt: localTime(snapshot.takenAt, c.tz),
    sheets: BACKED_UP.map((rt) => {
      const then = snapshotSheet(snapshot, rt.sheetName) ?? { keys: [], rows: [] };
      const d = diffSheet(rt.sheetName, then, readSheet(c.ss, rt, c.tz));
      return {
        sheet: rt.sheetName,
        label: rt.labels[c.lang],
        byRecord: RECORD_SHEETS.includes(rt.sheetName),
        added: d.added.length,
        removed: d.removed.slice(0, 200),
        removedCount: d.removed.length,
        changed: d.changed.slice(0, 200),
        changedCount: d.changed.length,
      };
    }),
    next: null,
  };
}

/** Restores the chosen records (by ID) and whole sheets under the lock; records added since are kept. */
export function restoreBackup(req: unknown): RestoreReport {
  const c = authorize(ADMIN_ONLY, actions.manageBackups);
  const r = parseRequest(requests.restoreBackup, req, c.lang);
  if (!r.records?.length && !r.sheets?.length) throw new UserError(t(c.lang, 'careRestoreNothing'));
  return withDocumentLock(() => {
    const snapshot = snapshotOrRefuse(c.ss, r.id, c.lang);
    const who = { email: c.email, now: new Date(), lang: c.registerLang };
    let records = 0;
    const sheets = new Set(r.sheets ?? []);
    for (const name of RECORD_SHEETS) {
      const then = snapshotSheet(snapshot, name);
      const rt = backedUp(name);
      if (!then || !rt) continue;
      const ids = sheets.has(name)
        ? new Set(then.rows.map((row) => String(row[then.keys.indexOf('id')] ?? '').toUpperCase()))
        : new Set((r.records ?? []).filter((x) => x.sheet === name).map((x) => x.id.toUpperCase()));
      records += restoreRecords(c.ss, rt, then, ids, c.tz, who);
    }
    const whole = [...sheets].filter((s) => !RECORD_SHEETS.includes(s));
    for (const name of whole) {
      const rt = backedUp(name);
      const then = snapshotSheet(snapshot, name);
      if (rt && then) restoreSheet(c.ss, rt, then, c.tz, who);
    }
    return {
      records,
      sheets: whole,
      message: t(c.lang, 'careRestored', { records, sheets: whole.length }),
      next: null,
    };
  });
}
