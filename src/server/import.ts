// Import entry points: preview a chunk of a file's rows, import a chunk under the lock (resumable by import ID), and close the import.
import { type CustomerCheckEnv, checkCustomerValues } from '../domain/customer-check';
import { DuplicateIndex, duplicateSearches, rowAt } from '../domain/duplicates';
import { t } from '../domain/i18n';
import { emptyFieldsFilled, type PendingChunk } from '../domain/import/progress';
import { mergedSearches } from '../domain/import/searches';
import { MAX_COLUMNS, MAX_ROWS } from '../domain/import/table';
import { fieldsClosedTo } from '../domain/protection-plan';
import { scheduleNextReview } from '../domain/reminders';
import { appendAudit } from '../gas/audit-log';
import { findRowsBy } from '../gas/finder';
import { sheetNames, sheetText, showImportDialog } from '../gas/import-dialog';
import {
  appendReport,
  auditHas,
  freeSheetName,
  idsPresent,
  loadProgress,
  reportHas,
  saveProgress,
} from '../gas/import-store';
import { readLists } from '../gas/lists';
import { stampRecords } from '../gas/record-writes';
import { complete, prepare, rowsFromColumns } from '../gas/records';
import { localTime, withDocumentLock } from '../gas/session';
import { appendRows, readRowsAt, verifiedMap } from '../gas/table';
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

/** Register rows a search may keep per row of the chunk: the sidebar's duplicate check keeps as many per customer. */
const CANDIDATES_PER_ROW = 20;

/**
 * The register's rows that may be likely duplicates of the chunk's customers, as columns of `keys`: the
 * sidebar's searches for each customer (duplicateSearches), merged into a few per column, then only the rows
 * they find are read. Rows whose ID is `excluded` (a dead execution's own rows) are left out. The cost follows
 * the chunk, never the register's size.
 */
function candidates(
  c: Context,
  customers: readonly Record<string, unknown>[],
  keys: readonly string[],
  excluded: ReadonlySet<string> = new Set(),
) {
  const map = verifiedMap(c.ss, SHEET);
  const searches = mergedSearches(customers.flatMap((v) => duplicateSearches(v)));
  const found = findRowsBy(c.ss, SHEET, map, searches, CANDIDATES_PER_ROW * customers.length);
  // Sheet order, as a read of the whole column would give them: duplicates are named in that order.
  const rows = [...found.rows].sort((a, b) => a - b);
  const read = readRowsAt(c.ss, SHEET, map, rows, keys);
  const keep = rows.flatMap((_, i) => (excluded.has(String(read.id[i]).trim()) ? [] : [i]));
  const cols: Record<string, unknown[]> = {};
  for (const k of keys) cols[k] = keep.map((i) => read[k][i]);
  return { cols, count: keep.length };
}

/** Every row as it will be stored, what the rules refuse, and the register's likely duplicates; nothing written. */
export function checkImport(arg: unknown): ReturnType<Api['checkImport']> {
  const c = authorize(MANAGERS, actions.importCustomers);
  const req = parseRequest(importRequests.check, arg, c.lang);
  const env = checkEnv(c);
  const checked = req.rows.map((r) => ({ line: r.line, v: checkCustomerValues(r.values, env) }));
  const { count, cols } = candidates(
    c,
    checked.flatMap((x) => (x.v.ok ? [x.v.value] : [])),
    COMPARED,
  );
  const index = DuplicateIndex.of(cols, count);
  return {
    rows: checked.map(({ line, v }) => {
      if (!v.ok) return { line, values: {}, errors: v.errors, duplicates: [] };
      const found = index.find(v.value, (i) => rowAt(cols, i));
      return { line, values: v.value, errors: [], duplicates: hitsOf(found, cols) };
    }),
  };
}

const reportHeader = (c: Context) =>
  (['importRowHeader', 'importFieldHeader', 'importValueHeader', 'importReasonHeader'] as const).map((k) =>
    t(c.lang, k),
  );

/** The customer fields an import may fill in an existing record: those the caller may edit. */
function fillableFields(c: Context): string[] {
  const closed = new Set(fieldsClosedTo(customer, c.role));
  return customer.fields.filter((f) => !f.system && !closed.has(f.key)).map((f) => f.key);
}

/**
 * Imports one chunk. Rows at or below the import's recorded progress were handled by an earlier call (the
 * dialog resends a chunk whose answer it never got): they are skipped, so nothing is imported twice.
 *
 * The chunk's plan (the IDs it gives, its first Audit row and report line) is saved before its first write,
 * and cleared with its progress after the last. An execution that dies in between leaves the plan; the
 * chunk sent again is judged as before, against the register without the rows the plan created, keeps the
 * plan's IDs, and makes only the writes searches do not find made: rows by ID, Audit by its first row, the
 * report by its first line. Filling empty fields is written last and needs no check: filled fields are no
 * longer empty.
 */
export function importCustomers(arg: unknown): ReturnType<Api['importCustomers']> {
  const c = authorize(MANAGERS, actions.importCustomers);
  const req = parseRequest(importRequests.chunk, arg, c.lang);
  const env = checkEnv(c);
  return withDocumentLock(() => {
    const before = loadProgress(req.importId);
    const progress = { ...before };
    const rows = req.rows.filter((r) => r.line > progress.last).sort((a, b) => a.line - b.line);
    const report: ImportReportLine[] = [];
    const imported: { line: number; id: string }[] = [];
    const refused: number[] = [];
    if (!rows.length || progress.finished)
      return { imported, refused, report, progress, reportSheet: progress.report };
    // A plan left by a dead execution, for this very chunk.
    const pending = before.pending?.first === rows[0].line ? before.pending : null;
    const planned = new Map(pending?.lines.map((line, i) => [line, pending.ids[i]]) ?? []);
    const written = idsPresent(c.ss, SHEET, pending?.ids ?? []);
    const now = pending ? new Date(pending.at) : new Date();
    const checked = rows.map((r) => ({ r, v: checkCustomerValues(r.values, env) }));
    const fillsWanted =
      req.duplicates === 'fill' || Object.values(req.choices ?? {}).some((x) => x === 'fill');
    const fillable = fillableFields(c);
    const keys = fillsWanted ? [...new Set([...COMPARED, ...fillable])] : [...COMPARED];
    const { count, cols } = candidates(
      c,
      checked.flatMap((x) => (x.v.ok ? [x.v.value] : [])),
      keys,
      written,
    );
    const index = DuplicateIndex.of(cols, count);
    const added: Record<string, WireValue>[] = [];
    const keysAt = (i: number) => (i < count ? rowAt(cols, i) : added[i - count]);
    const creates: { line: number; value: Record<string, WireValue>; dupOf: string[] }[] = [];
    const fills: { line: number; id: string; value: Record<string, WireValue> }[] = [];
    const later: (() => void)[] = [];
    let ids: string[] = [];
    const idAt = (i: number) => (i < count ? String(cols.id[i] ?? '') : `#${i - count}`);
    const resolve = (id: string) => (id.startsWith('#') ? ids[Number(id.slice(1))] : id);
    for (const { r, v } of checked) {
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
    ids = idsFor(c, env.settings.idStyle, creates, planned, now);
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
    const fillWrites = planFills(
      c,
      fills.map((f) => ({ ...f, id: resolve(f.id) })),
      rowsFromColumns(customer, keys, cols, count, c.tz),
      fillable,
      now,
      report,
      audit,
    );
    progress.filled += fills.length;
    const reportName =
      progress.report ||
      (report.length ? freeSheetName(c.ss, t(c.lang, 'importSheet', { time: localTime(now, c.tz) })) : '');
    const plan: PendingChunk = {
      first: rows[0].line,
      lines: creates.map((x) => x.line),
      ids,
      at: now.toISOString(),
      audit: audit[0] ? { record: audit[0].record, newValue: audit[0].newValue } : null,
      reportLine: report[0]?.line ?? null,
    };
    saveProgress(req.importId, { ...before, report: reportName, pending: plan });
    appendRows(
      c.ss,
      SHEET,
      records.filter((_, i) => !written.has(ids[i])),
      fieldsClosedTo(customer, c.role),
    );
    const auditWritten = pending !== null && plan.audit !== null && auditHas(c.ss, plan.audit, now);
    if (!auditWritten) appendAudit(c.ss, audit, c.registerLang);
    if (report.length && !(pending && reportHas(c.ss, reportName, report[0].line)))
      appendReport(
        c.ss,
        reportName,
        reportHeader(c),
        report.map((l) => [String(l.line), l.field, l.value, l.reason]),
      );
    // Fills are written after Audit: Audit found written means they may be, in part.
    stampRecords(c.ss, SHEET, auditWritten ? fillWrites.again : fillWrites.writes);
    progress.report = reportName;
    progress.last = rows[rows.length - 1].line;
    progress.pending = null;
    saveProgress(req.importId, progress);
    return { imported, refused, report, progress, reportSheet: progress.report };
  });
}

/** IDs for the chunk's new customers, in line order: a plan's IDs where a dead execution gave them, the next ones of the register's counter for the rest. */
function idsFor(
  c: Context,
  idStyle: unknown,
  creates: readonly { line: number; value: Record<string, WireValue> }[],
  planned: ReadonlyMap<number, string>,
  now: Date,
): string[] {
  const fresh = creates.filter((x) => !planned.has(x.line));
  const given = nextIds(
    c,
    verifiedMap(c.ss, SHEET),
    idStyle === 'yearly' ? 'yearly' : 'plain',
    fresh.map((x) => x.value),
    now,
  );
  let k = 0;
  return creates.map((x) => planned.get(x.line) ?? given[k++]);
}

/**
 * The writes that fill the empty fields of the likely duplicates chosen to be filled, from the rows the
 * duplicate search already read, and the report and Audit lines for each; nothing is read or written here.
 * `again` also gives the writes a chunk sent again makes once its Audit rows are found written: the dead
 * execution may have written part of a record's fields, which are then no longer empty, so the fields that
 * already hold the incoming value are written again with them (the same values, stamped again).
 */
function planFills(
  c: Context,
  fills: { line: number; id: string; value: Record<string, WireValue> }[],
  rows: Record<string, WireValue>[],
  fillable: readonly string[],
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
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const writes: { id: string; cells: Record<string, unknown> }[] = [];
  const again: { id: string; cells: Record<string, unknown> }[] = [];
  const cellsOf = (filled: Record<string, unknown>) =>
    prepare(customer, { ...filled, updatedBy: c.email, updatedAt: now }, c.registerLang, c.tz).cells;
  for (const f of fills) {
    const existing = byId.get(f.id);
    const filled = existing ? emptyFieldsFilled(existing, f.value, fillable) : {};
    const refilled = existing ? emptyFieldsFilled(existing, f.value, fillable, true) : {};
    if (Object.keys(refilled).length) again.push({ id: f.id, cells: cellsOf(refilled) });
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
    // A later row of the chunk that fills the same record sees this one's values.
    Object.assign(existing, filled);
    writes.push({ id: f.id, cells: cellsOf(filled) });
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
  return { writes, again };
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
