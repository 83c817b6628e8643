// Import entry points: preview a chunk of a file's rows, import a chunk under the lock (resumable by import ID), and close the import.
import { type CustomerCheckEnv, checkCustomerValues } from '../domain/customer-check';
import { DuplicateIndex, rowAt } from '../domain/duplicates';
import { t } from '../domain/i18n';
import { emptyFieldsFilled } from '../domain/import/progress';
import { MAX_COLUMNS, MAX_ROWS } from '../domain/import/table';
import { fieldsClosedTo } from '../domain/protection-plan';
import { scheduleNextReview } from '../domain/reminders';
import { appendAudit } from '../gas/audit-log';
import { sheetNames, sheetText, showImportDialog } from '../gas/import-dialog';
import { appendReport, loadProgress, saveProgress } from '../gas/import-store';
import { readLists } from '../gas/lists';
import { writeRecords } from '../gas/record-writes';
import { complete, prepare, rowsFromColumns } from '../gas/records';
import { localTime, withDocumentLock } from '../gas/session';
import { appendRows, readColumns, verifiedMap } from '../gas/table';
import { customer, MANAGERS, recordTypes, type WireValue } from '../schema';
import type { Api, DuplicateHit, ImportReportLine } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { authorize, type Context, settingsOf, todayOf } from './context';
import { nextIds } from './customers';
import { importRequests } from './import-requests';
import { parseRequest } from './requests';

const SHEET = customer.sheetName;
const COMPARED = ['id', 'name', 'company', 'phone', 'email'] as const;

function checkEnv(c: Context): CustomerCheckEnv {
  // Lists and settings are read once per chunk, not per row.
  return {
    lang: c.lang,
    role: c.role,
    mode: 'create',
    lists: readLists(c.ss),
    today: todayOf(c),
    settings: settingsOf(c),
  };
}

function hitsOf(found: ReturnType<DuplicateIndex['find']>, cols: Record<string, unknown[]>): DuplicateHit[] {
  return found.map((d) => ({
    id: String(cols.id[d.index] ?? ''),
    name: String(cols.name[d.index] ?? ''),
    company: String(cols.company[d.index] ?? ''),
    matched: d.matched,
  }));
}

/** Every row as it will be stored, what the rules refuse, and the register's likely duplicates; nothing written. */
export function checkImport(arg: unknown): ReturnType<Api['checkImport']> {
  const c = authorize(MANAGERS, actions.importCustomers);
  const req = parseRequest(importRequests.check, arg, c.lang);
  const env = checkEnv(c);
  const { count, values: cols } = readColumns(c.ss, SHEET, COMPARED, 1);
  const index = DuplicateIndex.of(cols, count);
  return {
    rows: req.rows.map((r) => {
      const v = checkCustomerValues(r.values, env);
      if (!v.ok) return { line: r.line, values: {}, errors: v.errors, duplicates: [] };
      const found = index.find(v.value, (i) => rowAt(cols, i));
      return { line: r.line, values: v.value, errors: [], duplicates: hitsOf(found, cols) };
    }),
  };
}

const reportHeader = (c: Context) =>
  (['importRowHeader', 'importFieldHeader', 'importValueHeader', 'importReasonHeader'] as const).map((k) =>
    t(c.lang, k),
  );

/**
 * Imports one chunk. Rows at or below the import's recorded progress were handled by an earlier call (the
 * sidebar resends a chunk whose answer it never got): they are skipped, so nothing is imported twice.
 */
export function importCustomers(arg: unknown): ReturnType<Api['importCustomers']> {
  const c = authorize(MANAGERS, actions.importCustomers);
  const req = parseRequest(importRequests.chunk, arg, c.lang);
  const env = checkEnv(c);
  return withDocumentLock(() => {
    const progress = loadProgress(req.importId);
    const rows = req.rows.filter((r) => r.line > progress.last).sort((a, b) => a.line - b.line);
    const now = new Date();
    const report: ImportReportLine[] = [];
    const imported: { line: number; id: string }[] = [];
    const refused: number[] = [];
    if (!rows.length || progress.finished)
      return { imported, refused, report, progress, reportSheet: progress.report };
    const { count, values: cols } = readColumns(c.ss, SHEET, COMPARED, 1);
    const index = DuplicateIndex.of(cols, count);
    const added: Record<string, WireValue>[] = [];
    const keysAt = (i: number) => (i < count ? rowAt(cols, i) : added[i - count]);
    const creates: { line: number; value: Record<string, WireValue>; dupOf: string[] }[] = [];
    const fills: { line: number; id: string; value: Record<string, WireValue> }[] = [];
    const later: (() => void)[] = [];
    let ids: string[] = [];
    const idAt = (i: number) => (i < count ? String(cols.id[i] ?? '') : `#${i - count}`);
    const resolve = (id: string) => (id.startsWith('#') ? ids[Number(id.slice(1))] : id);
    for (const r of rows) {
      const v = checkCustomerValues(r.values, env);
      if (!v.ok) {
        progress.refused++;
        refused.push(r.line);
        for (const e of v.errors)
          report.push({
            line: r.line,
            field: e.fieldLabel || e.field,
            value: r.values[e.field] ?? '',
            reason: e.message,
          });
        continue;
      }
      const hits = index.find(v.value, keysAt);
      const hitIds = hits.map((h) => idAt(h.index));
      const choice = req.choices?.[String(r.line)] ?? req.duplicates;
      if (hits.length && choice === 'skip') {
        progress.skipped++;
        const matched = [...new Set(hits.flatMap((h) => h.matched))].join(', ');
        // Named once the IDs of rows added earlier in this chunk are allocated.
        later.push(() =>
          report.push({
            line: r.line,
            field: '',
            value: '',
            reason: t(c.lang, 'importSkipped', { ids: hitIds.map(resolve).join(', '), matched }),
          }),
        );
        continue;
      }
      if (hits.length && choice === 'fill') {
        fills.push({ line: r.line, id: hitIds[0], value: v.value });
        continue;
      }
      index.add(v.value, count + added.length);
      added.push(v.value);
      creates.push({ line: r.line, value: v.value, dupOf: hits.length ? hitIds : [] });
    }
    // An ID of a row added earlier in this chunk is known only once allocated: the IDs come in line order.
    ids = nextIds(
      c,
      verifiedMap(c.ss, SHEET),
      env.settings.idStyle === 'yearly' ? 'yearly' : 'plain',
      creates.map((x) => x.value),
      now,
    );
    const approved = req.approve;
    const records = creates.map((x, i) => {
      const record: Record<string, unknown> = {
        ...x.value,
        id: ids[i],
        recordState: approved ? 'approved' : 'pendingReview',
        enteredBy: c.email,
        enteredAt: now,
        updatedBy: c.email,
        updatedAt: now,
        ...(approved
          ? {
              approvedBy: c.email,
              approvedAt: now,
              nextReviewDue: scheduleNextReview(env.settings, x.value, env.today),
            }
          : {}),
      };
      return prepare(customer, complete(customer, record), c.registerLang, c.tz).cells;
    });
    appendRows(c.ss, SHEET, records, fieldsClosedTo(customer, c.role));
    const base = { time: now, user: c.email, source: 'import' };
    const audit = creates.map((x, i) => ({
      ...base,
      action: 'import',
      record: ids[i],
      field: '',
      oldValue: '',
      newValue: `#${x.line}`,
    }));
    creates.forEach((x, i) => {
      imported.push({ line: x.line, id: ids[i] });
      if (!x.dupOf.length) return;
      const dupOf = x.dupOf.map(resolve).join(', ');
      audit.push({
        ...base,
        action: 'duplicateConfirmed',
        record: ids[i],
        field: '',
        oldValue: '',
        newValue: dupOf,
      });
      report.push({
        line: x.line,
        field: '',
        value: '',
        reason: t(c.lang, 'importAnyway', { ids: dupOf, id: ids[i] }),
      });
    });
    for (const f of later) f();
    progress.imported += creates.length;
    fillEmpty(
      c,
      fills.map((f) => ({ ...f, id: resolve(f.id) })),
      now,
      report,
      audit,
    );
    progress.filled += fills.length;
    appendAudit(c.ss, audit, c.registerLang);
    if (report.length) {
      const lines = report.map((l) => [String(l.line), l.field, l.value, l.reason]);
      progress.report = appendReport(
        c.ss,
        progress.report || t(c.lang, 'importSheet', { time: localTime(now, c.tz) }),
        reportHeader(c),
        lines,
      );
    }
    progress.last = rows[rows.length - 1].line;
    saveProgress(req.importId, progress);
    return { imported, refused, report, progress, reportSheet: progress.report };
  });
}

/** Fills the empty fields of the likely duplicates chosen to be filled: one read of the register, one batched write. */
function fillEmpty(
  c: Context,
  fills: { line: number; id: string; value: Record<string, WireValue> }[],
  now: Date,
  report: ImportReportLine[],
  audit: {
    time: Date;
    user: string;
    source: string;
    action: string;
    record: string;
    field: string;
    oldValue: string;
    newValue: string;
  }[],
) {
  if (!fills.length) return;
  const closed = new Set(fieldsClosedTo(customer, c.role));
  const fillable = customer.fields.filter((f) => !f.system && !closed.has(f.key)).map((f) => f.key);
  const keys = ['id', ...fillable];
  const read = readColumns(c.ss, SHEET, keys, 3);
  const rows = rowsFromColumns(customer, keys, read.values, read.count, c.tz);
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const writes: { id: string; cells: Record<string, unknown> }[] = [];
  for (const f of fills) {
    const existing = byId.get(f.id);
    const filled = existing ? emptyFieldsFilled(existing, f.value, fillable) : {};
    const fields = Object.keys(filled);
    if (!existing || !fields.length) {
      report.push({
        line: f.line,
        field: '',
        value: '',
        reason: t(c.lang, 'importFilledNothing', { id: f.id }),
      });
      continue;
    }
    Object.assign(existing, filled);
    const { cells } = prepare(
      customer,
      { ...filled, updatedBy: c.email, updatedAt: now },
      c.registerLang,
      c.tz,
    );
    writes.push({ id: f.id, cells });
    for (const field of fields)
      audit.push({
        time: now,
        user: c.email,
        source: 'import',
        action: 'update',
        record: f.id,
        field,
        oldValue: '',
        newValue: String(filled[field]),
      });
    report.push({
      line: f.line,
      field: '',
      value: '',
      reason: t(c.lang, 'importFilled', { id: f.id, fields: fields.join(', ') }),
    });
  }
  writeRecords(c.ss, SHEET, writes);
}

/** Closes an import: the summary row in Audit, once, and the totals. */
export function finishImport(arg: unknown): ReturnType<Api['finishImport']> {
  const c = authorize(MANAGERS, actions.importCustomers);
  const req = parseRequest(importRequests.finish, arg, c.lang);
  return withDocumentLock(() => {
    const progress = loadProgress(req.importId);
    const summary = t(c.lang, 'importSummary', {
      file: req.file,
      imported: progress.imported,
      filled: progress.filled,
      skipped: progress.skipped,
      refused: progress.refused,
    });
    if (!progress.finished && progress.last > 0) {
      appendAudit(
        c.ss,
        [
          {
            time: new Date(),
            user: c.email,
            action: 'import',
            record: '',
            field: '',
            oldValue: req.importId,
            newValue: summary,
            source: 'import',
          },
        ],
        c.registerLang,
      );
      saveProgress(req.importId, { ...progress, finished: true });
    }
    return { summary, reportSheet: progress.report, ...progress };
  });
}

/** The dialog, for Managers and Admins: fields a column may fill (in their language) and the sheets an old list may be in. */
export function openImport() {
  const c = authorize(MANAGERS, actions.importCustomers);
  const ours = new Set(Object.values(recordTypes).map((rt) => rt.sheetName));
  const lists = readLists(c.ss);
  showImportDialog(
    {
      user: c.email,
      role: c.role,
      lang: c.lang,
      fields: customer.fields
        .filter((f) => !f.system)
        .map((f) => ({
          key: f.key,
          label: f.labels[c.lang],
          required: f.required === true,
          options:
            f.required && f.list
              ? (lists[f.list]?.items ?? []).map((i) => ({ key: i.key, label: i.labels[c.lang] }))
              : [],
        })),
      sheets: sheetNames(c.ss).filter((n) => !ours.has(n)),
    },
    t(c.lang, 'importTitle'),
  );
}

/** A sheet's cells as text, for the dialog to read like a file: within the same limits as a file. */
export function readImportSheet(arg: unknown): ReturnType<Api['readImportSheet']> {
  const c = authorize(MANAGERS, actions.importCustomers);
  const req = parseRequest(importRequests.sheet, arg, c.lang);
  const ours = new Set(Object.values(recordTypes).map((rt) => rt.sheetName));
  const rows = ours.has(req.sheet) ? null : sheetText(c.ss, req.sheet);
  if (!rows) throw new UserError(t(c.lang, 'importNoSheet', { sheet: req.sheet }));
  if (rows.length > MAX_ROWS + 1 || (rows[0]?.length ?? 0) > MAX_COLUMNS)
    throw new UserError(t(c.lang, 'importTooLarge', { rows: MAX_ROWS, columns: MAX_COLUMNS }));
  return { rows };
}
