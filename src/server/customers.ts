// Sidebar entry points for customers: check, create, load, update, search, and the maker-checker review.
import { checkCustomerValues } from '../domain/customer-check';
import { findDuplicates } from '../domain/duplicates';

import { t } from '../domain/i18n';
import { formatId, idFormatFor, parseSerial } from '../domain/ids';
import { fieldsClosedTo } from '../domain/protection-plan';
import { recordVersion } from '../domain/record-codec';
import { scheduleNextReview } from '../domain/reminders';
import { stateAfterEdit } from '../domain/review-state';
import { searchCustomers } from '../domain/search';
import { appendAudit } from '../gas/audit-log';
import { complete, loadRecord, prepare } from '../gas/records';
import { withDocumentLock } from '../gas/session';
import { appendRows, readColumns } from '../gas/table';
import { customer, MANAGERS, ROLES, STAFF, type WireValue } from '../schema';
import type { Api, CustomerSummary, DuplicateHit, LoadedRecord, SaveResult } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { authorize, type Context, settingsOf, valueEnv } from './context';
import { writeUpdate } from './record-update';
import { parseRequest, requests } from './requests';

const SHEET = customer.sheetName;
const SEQ = 'cr.seq.customer';
/** What a search reads and shows: adjacent in the schema's column order, so one block read covers it. */
const SEARCHED = ['id', 'name', 'company', 'phone', 'email', 'status', 'recordState'] as const;
const REVIEWED = [...SEARCHED, 'enteredBy'] as const;

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
  const { count, values: cols } = readColumns(c.ss, SHEET, ['id', 'name', 'company', 'phone', 'email'], 1);
  const hits = findDuplicates(values, cols, count).map((d) => ({
    id: String(cols.id[d.index]),
    name: String(cols.name[d.index]),
    company: String(cols.company[d.index]),
    matched: d.matched,
  }));
  return { hits: hits as DuplicateHit[], ids: cols.id };
}

function validated(
  c: Context,
  values: Record<string, unknown>,
  mode: 'create' | 'update',
  settings = settingsOf(c),
) {
  return checkCustomerValues(values, { lang: c.lang, role: c.role, mode, settings, ...valueEnv(c) });
}

export function checkCustomer(arg: unknown): ReturnType<Api['checkCustomer']> {
  const c = authorize(STAFF, actions.createCustomer);
  const req = parseRequest(requests.values, arg, c.lang);
  const v = validated(c, req.values, 'create');
  const values = v.ok ? (v.value as Record<string, WireValue>) : req.values;
  return { values, errors: v.ok ? [] : v.errors, duplicates: duplicatesOf(c, values).hits };
}

export function createCustomer(arg: unknown): SaveResult {
  const c = authorize(STAFF, actions.createCustomer);
  const req = parseRequest(requests.create, arg, c.lang);
  const settings = settingsOf(c);
  const v = validated(c, req.values, 'create', settings);
  if (!v.ok) return { ok: false, errors: v.errors };
  return withDocumentLock(() => {
    const dup = duplicatesOf(c, v.value);
    if (dup.hits.length && !req.confirmDuplicate) return { ok: false, duplicates: dup.hits };
    const { user, now } = stamp(c);
    const id = nextId(dup.ids, settings.idStyle === 'yearly' ? 'yearly' : 'plain', v.value, now);
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
}

/** The next ID: a counter in document properties, never below the highest serial in the sheet, so no ID is reused. */
function nextId(
  ids: unknown[],
  style: 'plain' | 'yearly',
  record: Record<string, unknown>,
  now: Date,
): string {
  return nextIds(ids, style, [record], now)[0];
}

/** IDs for several new records at once, in order: one read and one write of the counter, as createCustomer allocates them. */
export function nextIds(
  ids: unknown[],
  style: 'plain' | 'yearly',
  records: readonly Record<string, unknown>[],
  now: Date,
): string[] {
  const props = PropertiesService.getDocumentProperties();
  let serial = Number(props.getProperty(SEQ) ?? 0);
  for (const id of ids) serial = Math.max(serial, parseSerial(String(id)) ?? 0);
  const out = records.map((record) => {
    serial += 1;
    const format = idFormatFor(customer, style, record) ?? { style: 'plain', prefix: 'C' };
    return formatId(format, serial, now.getFullYear());
  });
  if (records.length) props.setProperty(SEQ, String(serial));
  return out;
}

export function getCustomer(arg: unknown): LoadedRecord {
  const c = authorize(ROLES, actions.readRegister);
  const req = parseRequest(requests.byId, arg, c.lang);
  const found = loadRecord(c.ss, customer, req.id, c.tz);
  if (!found) throw new UserError(t(c.lang, 'unknownCustomer', { id: req.id }));
  return { id: String(found.values.id), values: found.values, version: found.version };
}

export function findCustomers(arg: unknown): ReturnType<Api['findCustomers']> {
  const c = authorize(ROLES, actions.readRegister);
  const req = parseRequest(requests.query, arg, c.lang);
  const settings = settingsOf(c);
  const { count, values } = readColumns(c.ss, SHEET, SEARCHED, 1);
  const found = searchCustomers(req.query, values, count, String(settings.defaultPhoneRegion ?? 'CN'));
  return {
    results: summaries(
      values,
      found.hits.map((h) => h.index),
    ),
    more: found.more,
  };
}

export function listPendingReview(arg: unknown): ReturnType<Api['listPendingReview']> {
  const c = authorize(MANAGERS, actions.review);
  parseRequest(requests.none, arg ?? {}, c.lang);
  const { count, values } = readColumns(c.ss, SHEET, REVIEWED, 2);
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
  const req = parseRequest(requests.update, arg, c.lang);
  const v = validated(c, req.changes, 'update');
  if (!v.ok) return { ok: false, errors: v.errors };
  return withDocumentLock(() => {
    const at = loadForEdit(c, req.id, req.version);
    if (at.stale) return staleResult(c);
    const next: Record<string, unknown> = { ...v.value };
    // Maker-checker: a clerk's change to an approved or returned entry goes back to the reviewer.
    const back = stateAfterEdit(c.role, at.found.values.recordState ?? null);
    if (back) next.recordState = back;
    return writeUpdate(c, customer, at.found, next, 'update');
  });
}

export function approveCustomer(arg: unknown): SaveResult {
  const c = authorize(MANAGERS, actions.review);
  const req = parseRequest(requests.review, arg, c.lang);
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

/** A review of the customer's details is done: stamps it and moves "next review due" on, which opens a new cycle. */
export function confirmReview(arg: unknown): SaveResult {
  const c = authorize(STAFF, actions.confirmReview);
  const req = parseRequest(requests.review, arg, c.lang);
  return withDocumentLock(() => {
    const at = loadForEdit(c, req.id, req.version);
    if (at.stale) return staleResult(c);
    const today = todayIn(c, new Date());
    const nextReviewDue = scheduleNextReview(settingsOf(c), at.found.values, today);
    return writeUpdate(c, customer, at.found, { lastReviewed: today, nextReviewDue }, 'update');
  });
}

function todayIn(c: Context, now: Date) {
  return Utilities.formatDate(now, c.tz, 'yyyy-MM-dd');
}

export function returnCustomer(arg: unknown): SaveResult {
  const c = authorize(MANAGERS, actions.review);
  const req = parseRequest(requests.returnForCorrection, arg, c.lang);
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
