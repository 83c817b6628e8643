// Backup entry points (Admin): back up now, list snapshots, compare one with the register, restore chosen records or whole sheets.
import { diffSheet, partitionBackups, RECORD_SHEETS, type Snapshot } from '../domain/care/backup';
import { leftOf } from '../domain/care/schedule';
import { type Lang, t } from '../domain/i18n';
import {
  BACKED_UP,
  backedUp,
  openSnapshot,
  readSheet,
  restoreRecords,
  restoreSheet,
  saveSnapshot,
  snapshotSheet,
  takeSnapshot,
  trashSnapshot,
} from '../gas/backup';
import { type BackupEntry, readCareState, timed, writeCareState } from '../gas/care-state';
import { effectiveUser, localTime, withDocumentLock } from '../gas/session';
import { readSettings } from '../gas/settings';
import { ADMIN_ONLY } from '../schema';
import type { BackupComparison, BackupList, RestoreReport } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { authorize } from './context';
import { parseRequest, requests } from './requests';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Takes a snapshot into the running account's Drive and forgets (trashes) the oldest beyond the Settings
 * count. Another admin's snapshots cannot be trashed from here: they stay listed until their owner's run.
 */
export function backUp(ss: Spreadsheet, o: { tz: string; now: Date }): BackupEntry {
  const snapshot = takeSnapshot(ss, o.tz, o.now);
  const name = `${ss.getName()} backup ${localTime(o.now, o.tz).replace(':', '')}.json`;
  const entry: BackupEntry = {
    id: saveSnapshot(snapshot, name),
    at: o.now.toISOString(),
    by: effectiveUser(),
    records: RECORD_SHEETS.reduce((n, s) => n + (snapshot.sheets[s]?.rows.length ?? 0), 0),
  };
  const keep = Number(readSettings(ss).backupsKept ?? 8);
  const { kept, old } = partitionBackups([entry, ...(readCareState().backups ?? [])], keep);
  const stay = old.filter((b) => b.by !== entry.by || !trashSnapshot(b.id));
  writeCareState({ backups: [...kept, ...stay] });
  return entry;
}

function listed(tz: string, lang: Lang): BackupList {
  return {
    backups: (readCareState().backups ?? []).map((b) => ({
      id: b.id,
      at: localTime(b.at, tz),
      by: b.by,
      records: b.records,
    })),
    message: t(lang, 'careBackupsListed'),
    underWay: false,
  };
}

export function backupNow(req?: unknown): BackupList {
  const startedAt = Date.now();
  const c = authorize(ADMIN_ONLY, actions.manageBackups);
  parseRequest(requests.backupNow, req ?? {}, c.lang);
  // Timed like the daily run's backups: a manual one that ends tells the daily run the backup fits again.
  withDocumentLock(() =>
    timed('backup', leftOf(startedAt, Date.now()), () => backUp(c.ss, { tz: c.tz, now: new Date() })),
  );
  return listed(c.tz, c.lang);
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
