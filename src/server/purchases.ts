// Sidebar entry points for purchases (record, update, write off) and the daily credit run the reminder trigger starts.
import { t } from '../domain/i18n';
import { paymentStateOf } from '../domain/purchases/payment-state';
import { todayIn } from '../gas/clock';
import { refreshCredit } from '../gas/credit-run';
import { loadRecord } from '../gas/records';
import { scheduleContinuation } from '../gas/reminder-triggers';
import { withDocumentLock } from '../gas/session';
import { MANAGERS, purchase, STAFF, type WireValue } from '../schema';
import type { SaveResult } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { authorize, type Context, settingsOf, validateFor, withNotices } from './context';
import { createRecord, requireCustomer } from './holdings';
import { writeUpdate } from './record-update';
import { parseRequest, requests } from './requests';

/** The state the dates imply, the default currency where none was chosen: what every save of a purchase adds. */
function derived(c: Context, values: Record<string, WireValue>) {
  return {
    currency: values.currency || String(settingsOf(c).defaultCurrency ?? 'CNY'),
    paymentState: paymentStateOf(values, todayIn(c.tz)),
  };
}

export function recordPurchase(arg: unknown): SaveResult {
  const c = authorize(STAFF, actions.recordPurchase);
  const req = parseRequest(requests.recordPurchase, arg, c.lang);
  const v = validateFor(c, purchase, req.values, 'create');
  if (!v.ok) return { ok: false, errors: v.errors };
  return withNotices(createRecord(c, purchase, { ...v.value, ...derived(c, v.value) }), v.notices);
}

function loadPurchase(c: Context, id: string, version: string) {
  const found = loadRecord(c.ss, purchase, id, c.tz);
  if (!found) throw new UserError(t(c.lang, 'recordNotFound', { record: purchase.labels[c.lang], id }));
  return found.version === version ? found : null;
}

export function updatePurchase(arg: unknown): SaveResult {
  const c = authorize(STAFF, actions.recordPurchase);
  const req = parseRequest(requests.updatePurchase, arg, c.lang);
  const v = validateFor(c, purchase, req.changes, 'update');
  if (!v.ok) return { ok: false, errors: v.errors };
  const saved = withDocumentLock((): SaveResult => {
    const found = loadPurchase(c, req.id, req.version);
    if (!found) return { ok: false, stale: true, message: t(c.lang, 'staleEdit') };
    // Moved to another customer: that customer must exist, as for a new purchase.
    if (v.value.customerId) requireCustomer(c, v.value.customerId);
    const next = { ...v.value, ...derived(c, { ...found.values, ...v.value }) };
    return writeUpdate(c, purchase, found, next, 'update');
  });
  return withNotices(saved, v.notices);
}

/** Writing a debt off is a manager's decision: the purchase leaves the overdue figures but stays an episode. */
export function writeOffPurchase(arg: unknown): SaveResult {
  const c = authorize(MANAGERS, actions.writeOff);
  const req = parseRequest(requests.writeOffPurchase, arg, c.lang);
  return withDocumentLock(() => {
    const found = loadPurchase(c, req.id, req.version);
    if (!found) return { ok: false, stale: true, message: t(c.lang, 'staleEdit') };
    if (found.values.paidDate) throw new UserError(t(c.lang, 'alreadyPaid', { id: req.id }));
    return writeUpdate(c, purchase, found, { paymentState: 'writtenOff' }, 'update');
  });
}

/**
 * Past this much of the 6-minute execution the credit run is left to the continuation a minute later rather
 * than risk the limit. Its reads grow with Purchases (8 cells a purchase, about 20 a customer on its first
 * day): about 2 min 20 s modelled at 50,000 customers and 200,000 purchases (npm run bench -- credit), and at
 * most about 3 min 40 s for any register the spreadsheet's 10 million cells can hold (4.4 million cells at
 * 0.05 ms, emulator/src/costs.ts), so it must start within the first two minutes.
 */
const START_BEFORE_MS = 2 * 60 * 1000;

/**
 * Called by the daily trigger once its reminders are done; the trigger has already checked who started it.
 * The figures are computed once a day: the continuations that finish the day's reminders or care jobs skip them.
 */
export function creditAfterReminders(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, startedAt: number) {
  if (Date.now() - startedAt > START_BEFORE_MS) {
    console.log('Credit figures left for the continuation: too little time left in this run.');
    scheduleContinuation();
    return;
  }
  const report = refreshCredit(ss, new Date());
  console.log(
    report ? `Credit figures: ${JSON.stringify(report)}` : 'Credit figures already computed today.',
  );
}
