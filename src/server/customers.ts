// Sidebar entry points for customers: check, create, load, update, search, and the maker-checker review.
import { checkCustomerValues } from '../domain/customer-check';
import { duplicateSearches, findDuplicates } from '../domain/duplicates';
import { t } from '../domain/i18n';
import { idFormatFor } from '../domain/ids';
import { defaultOwner, ownerError } from '../domain/owner';
import { fieldsClosedTo } from '../domain/protection-plan';
import { recordVersion } from '../domain/record-codec';
import { scheduleNextReview } from '../domain/reminders';
import { confirmationStamp } from '../domain/review-confirmation';
import { stateAfterEdit } from '../domain/review-state';
import { searchCustomers, searchesFor } from '../domain/search';
import { appendAudit } from '../gas/audit-log';
import type { ColumnMap } from '../gas/column-map';
import { findRowsBy, readRows } from '../gas/finder';
import { allocateId, allocateIds } from '../gas/ids';
import { complete, loadRecord, prepare } from '../gas/records';
import { appendReminderLog } from '../gas/reminder-log-rows';
import { localDate, withDocumentLock } from '../gas/session';
import { appendRows, readColumns, verifiedMap } from '../gas/table';
import { customer, MANAGERS, ROLES, STAFF, type WireValue } from '../schema';
import { confirmedBy } from '../schema/lists';
import type { Api, CustomerSummary, DuplicateHit, LoadedRecord, SaveResult } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { authorize, type Context, settingsOf, valueEnv, withNotices } from './context';
import { writeUpdate } from './record-update';
import { parseRequest, requests } from './requests';

const SHEET = customer.sheetName;
/** What a search shows. */
const SEARCHED = ['id', 'name', 'company', 'phone', 'email', 'status', 'recordState'] as const;
const REVIEWED = [...SEARCHED, 'enteredBy'] as const;
/** Rows a search shows; one more is looked for, to say there are more. */
const SEARCH_LIMIT = 20;
/** Likely duplicates shown; the searches keep a few more rows than that, since a row they find may not be one. */
const DUPLICATE_LIMIT = 5;

/**
 * The rows the cell searches find, read one by one as columns of field values: what the domain's
 * ranking and duplicate rules then judge. Costs follow `limit`, not the register's size.
 */
function candidates(c: Context, searches: Parameters<typeof findRowsBy>[3], limit: number) {
  const map = verifiedMap(c.ss, SHEET);
  const found = findRowsBy(c.ss, SHEET, map, searches, limit);
  // Sheet order, as a read of the whole column would give them: the domain breaks ties by it.
  const rows = readRows(
    c.ss,
    SHEET,
    map,
    [...found.rows].sort((a, b) => a - b),
  );
  const cols: Record<string, unknown[]> = {};
  for (const k of REVIEWED) cols[k] = rows.map((r) => r[k]);
  return { cols, count: rows.length, more: found.more, map };
}

function stamp(c: Context) {
  return { user: c.email, now: new Date() };
}

function summaries(cols: Record<string, unknown[]>, indexes: number[]): CustomerSummary[] {
  const s = (k: string, i: number) => String(cols[k]?.[i] ?? '');
  return indexes.map((i) => ({
    id: s('id', i),
    name: s('name', i),
    company: s('company', i),
    phone: s('phone', i),
    email: s('email', i),
    status: s('status', i),
    recordState: s('recordState', i),
    enteredBy: s('enteredBy', i),
  }));
}

function duplicatesOf(c: Context, values: Record<string, unknown>) {
  const { cols, count, map } = candidates(c, duplicateSearches(values), DUPLICATE_LIMIT * 4);
  const hits = findDuplicates(values, cols, count, DUPLICATE_LIMIT).map((d) => ({
    id: String(cols.id[d.index]),
    name: String(cols.name[d.index]),
    company: String(cols.company[d.index]),
    matched: d.matched,
  }));
  return { hits: hits as DuplicateHit[], map };
}

function validated(
  c: Context,
  values: Record<string, unknown>,
  mode: 'create' | 'update',
  settings = settingsOf(c),
) {
  const v = checkCustomerValues(values, { lang: c.lang, role: c.role, mode, settings, ...valueEnv(c) });
  const label = customer.fields.find((f) => f.key === 'owner')?.labels[c.lang] ?? 'owner';
  const owner = ownerError(v.ok ? v.value : values, c.team, c.owner, c.lang, label);
  if (!owner) return v;
  return { ok: false as const, errors: [...(v.ok ? [] : v.errors), owner] };
}

export function createCustomer(arg: unknown): SaveResult {
  const c = authorize(STAFF, actions.createCustomer);
  const req = parseRequest(requests.createCustomer, arg, c.lang);
  const settings = settingsOf(c);
  const v = validated(c, defaultOwner(req.values, c.email), 'create', settings);
  if (!v.ok) return { ok: false, errors: v.errors };
  const saved = withDocumentLock((): SaveResult => {
    const dup = duplicatesOf(c, v.value);
    if (dup.hits.length && !req.confirmDuplicate) return { ok: false, duplicates: dup.hits };
    const { user, now } = stamp(c);
    const style = settings.idStyle === 'yearly' ? 'yearly' : 'plain';
    const format = idFormatFor(customer, style, v.value) ?? { style: 'plain', prefix: 'C' };
    const id = allocateId(c.ss, customer, dup.map, format, now.getFullYear());
    const approved = c.role !== 'Clerk';
    const record: Record<string, unknown> = {
      ...v.value,
      id,
      recordState: approved ? 'approved' : 'pendingReview',
      enteredBy: user,
      enteredAt: now,
      updatedBy: user,
      updatedAt: now,
      ...(approved
        ? {
            approvedBy: user,
            approvedAt: now,
            nextReviewDue: scheduleNextReview(settings, v.value, todayIn(c, now)),
          }
        : {}),
    };
    const { cells, wire } = prepare(customer, complete(customer, record), c.registerLang, c.tz);
    // A clerk's new row must not touch the manager-only columns, not even with blanks: they are protected.
    appendRows(c.ss, SHEET, [cells], fieldsClosedTo(customer, c.role));
    const base = { time: now, user, record: id, source: 'sidebar' };
    const audit = [{ ...base, action: 'create', field: '', oldValue: '', newValue: '' }];
    if (dup.hits.length)
      audit.push({
        ...base,
        action: 'duplicateConfirmed',
        field: '',
        oldValue: '',
        newValue: dup.hits.map((h) => h.id).join(', '),
      });
    appendAudit(c.ss, audit, c.registerLang);
    return { ok: true, id, version: recordVersion(wire), values: wire };
  });
  return withNotices(saved, v.notices);
}

/** IDs for several new customers at once, in order, one counter move per ID format (an import's chunk). */
export function nextIds(
  c: Context,
  map: ColumnMap,
  style: 'plain' | 'yearly',
  records: readonly Record<string, unknown>[],
  now: Date,
): string[] {
  const formats = records.map(
    (r) => idFormatFor(customer, style, r) ?? { style: 'plain' as const, prefix: 'C' },
  );
  const out: string[] = new Array(records.length);
  const byPrefix = new Map<string, number[]>();
  formats.forEach((f, i) => {
    byPrefix.set(f.prefix, [...(byPrefix.get(f.prefix) ?? []), i]);
  });
  for (const at of byPrefix.values()) {
    const ids = allocateIds(c.ss, customer, map, formats[at[0]], now.getFullYear(), at.length);
    at.forEach((i, k) => {
      out[i] = ids[k];
    });
  }
  return out;
}

export function getCustomer(arg: unknown): LoadedRecord {
  const c = authorize(ROLES, actions.readRegister);
  const req = parseRequest(requests.getCustomer, arg, c.lang);
  const found = loadRecord(c.ss, customer, req.id, c.tz);
  if (!found) throw new UserError(t(c.lang, 'unknownCustomer', { id: req.id }));
  return { id: String(found.values.id), values: found.values, version: found.version };
}

export function findCustomers(arg: unknown): ReturnType<Api['findCustomers']> {
  const c = authorize(ROLES, actions.readRegister);
  const req = parseRequest(requests.findCustomers, arg, c.lang);
  const region = String(settingsOf(c).defaultPhoneRegion ?? 'CN');
  // The cell searches keep one row more than is shown: their `more` and the ranking's together say if there are more.
  const { cols, count, more } = candidates(c, searchesFor(req.query, region), SEARCH_LIMIT + 1);
  const found = searchCustomers(req.query, cols, count, region, SEARCH_LIMIT);
  return {
    results: summaries(
      cols,
      found.hits.map((h) => h.index),
    ),
    more: found.more || more,
  };
}

export function listPendingReview(arg: unknown): ReturnType<Api['listPendingReview']> {
  const c = authorize(MANAGERS, actions.review);
  parseRequest(requests.listPendingReview, arg ?? {}, c.lang);
  const { count, values } = readColumns(c.ss, customer, REVIEWED, 2);
  const pending = summaries(
    values,
    Array.from({ length: count }, (_, i) => i),
  ).filter((s) => isPending(s.recordState) && s.enteredBy.toLowerCase() !== c.email);
  return { results: pending.slice(0, 50) };
}

function isPending(state: string) {
  return state === 'pendingReview' || /^(pending review|待审核)$/i.test(state.trim());
}

/** Loads a record under the lock and refuses if it changed since the caller loaded it. */
function loadForEdit(c: Context, id: string, version: string) {
  const found = loadRecord(c.ss, customer, id, c.tz);
  if (!found) throw new UserError(t(c.lang, 'unknownCustomer', { id }));
  if (found.version !== version) return { stale: true as const, found };
  return { stale: false as const, found };
}

function staleResult(c: Context): SaveResult {
  return { ok: false, stale: true, message: t(c.lang, 'staleEdit') };
}

export function updateCustomer(arg: unknown): SaveResult {
  const c = authorize(STAFF, actions.editCustomer);
  const req = parseRequest(requests.updateCustomer, arg, c.lang);
  const v = validated(c, req.changes, 'update');
  if (!v.ok) return { ok: false, errors: v.errors };
  const saved = withDocumentLock(() => {
    const at = loadForEdit(c, req.id, req.version);
    if (at.stale) return staleResult(c);
    const next: Record<string, unknown> = { ...v.value };
    // Maker-checker: a clerk's change to an approved or returned entry goes back to the reviewer.
    const back = stateAfterEdit(c.role, at.found.values.recordState ?? null);
    if (back) next.recordState = back;
    return writeUpdate(c, customer, at.found, next, 'update');
  });
  return withNotices(saved, v.notices);
}

export function approveCustomer(arg: unknown): SaveResult {
  const c = authorize(MANAGERS, actions.review);
  const req = parseRequest(requests.approveCustomer, arg, c.lang);
  return withDocumentLock(() => {
    const at = loadForEdit(c, req.id, req.version);
    if (at.stale) return staleResult(c);
    reviewable(c, at.found.values);
    const { user, now } = stamp(c);
    const nextReviewDue = scheduleNextReview(settingsOf(c), at.found.values, todayIn(c, now));
    return writeUpdate(
      c,
      customer,
      at.found,
      { recordState: 'approved', approvedBy: user, approvedAt: now, nextReviewDue },
      'approve',
    );
  });
}

/**
 * Mark confirmed: the customer confirmed by phone, in person or by replying. Stamps the review as their
 * link does (a new cycle opens), says how in Audit, and logs it beside the reminders of that cycle.
 */
export function confirmReview(arg: unknown): SaveResult {
  const c = authorize(STAFF, actions.confirmReview);
  const req = parseRequest(requests.confirmReview, arg, c.lang);
  return withDocumentLock(() => {
    const at = loadForEdit(c, req.id, req.version);
    if (at.stale) return staleResult(c);
    const today = todayIn(c, new Date());
    const how = confirmedBy.items.find((i) => i.key === req.how)?.labels[c.registerLang] ?? req.how;
    const saved = writeUpdate(
      c,
      customer,
      at.found,
      confirmationStamp(settingsOf(c), at.found.values, today),
      'confirmReview',
      how,
    );
    const cycle = String(at.found.values.nextReviewDue ?? '');
    appendReminderLog(
      c.ss,
      [{ record: req.id, recipient: '', kind: 'customerReview', cycle, outcome: 'confirmed', detail: how }],
      c.registerLang,
    );
    return saved;
  });
}

function todayIn(c: Context, now: Date) {
  return localDate(now, c.tz);
}

export function returnCustomer(arg: unknown): SaveResult {
  const c = authorize(MANAGERS, actions.review);
  const req = parseRequest(requests.returnCustomer, arg, c.lang);
  return withDocumentLock(() => {
    const at = loadForEdit(c, req.id, req.version);
    if (at.stale) return staleResult(c);
    reviewable(c, at.found.values);
    return writeUpdate(c, customer, at.found, { recordState: 'returned' }, 'return', req.comment);
  });
}

/** Maker-checker: only a pending entry, and never by the person who entered it. */
function reviewable(c: Context, values: Record<string, WireValue>) {
  if (values.recordState !== 'pendingReview') throw new UserError(t(c.lang, 'notPending'));
  if (String(values.enteredBy ?? '').toLowerCase() === c.email) throw new UserError(t(c.lang, 'ownApproval'));
}
