// The daily credit run: Purchases read once in column blocks, figures computed in the domain, Customers' credit columns written by ID.
import type { AuditRow } from '../domain/audit';
import { type CreditFigures, creditFigures, NO_PURCHASES, overdueTick } from '../domain/purchases/credit';
import { paymentStateOf } from '../domain/purchases/payment-state';
import { cellsFromRecord } from '../domain/record-codec';
import { registerLang } from '../domain/reminders';
import { customer, purchase, type WireValue } from '../schema';
import { creditFields } from '../schema/credit';
import { appendAudit } from './audit-log';
import { type RecordWrite, writeRecords } from './record-writes';
import { rowsFromColumns } from './records';
import { effectiveUser, withDocumentLock } from './session';
import { readSettings } from './settings';
import { readColumns } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PURCHASE_KEYS = [
  'id',
  'customerId',
  'amount',
  'currency',
  'date',
  'dueDate',
  'paidDate',
  'paymentState',
];
const FIGURE_KEYS = creditFields.map((f) => f.key);
const CUSTOMER_KEYS = ['id', 'overdue', ...FIGURE_KEYS];

export interface CreditReport {
  today: string;
  customers: number;
  purchases: number;
  customersChanged: number;
  statesChanged: number;
  overdueTicks: number;
}

const same = (a: WireValue | undefined, b: WireValue | undefined) => (a ?? null) === (b ?? null);

/**
 * Recomputes every customer's credit figures from Purchases and moves each purchase's payment state on
 * (due → overdue as days pass). Reads Purchases and Customers once each, writes only what changed, in
 * blocks by ID under the document lock; Overdue ticks and payment states it changes go to Audit.
 */
export function refreshCredit(ss: Spreadsheet, now: Date): CreditReport {
  const tz = ss.getSpreadsheetTimeZone();
  const today = Utilities.formatDate(now, tz, 'yyyy-MM-dd');
  const settings = readSettings(ss);
  const lang = registerLang(settings);
  const currency = String(settings.defaultCurrency ?? 'CNY');
  return withDocumentLock(() => {
    const p = readColumns(ss, purchase.sheetName, PURCHASE_KEYS, 3);
    const purchases = rowsFromColumns(purchase, PURCHASE_KEYS, p.values, p.count, tz);
    const figures = creditFigures(purchases, today, currency);
    const c = readColumns(ss, customer.sheetName, CUSTOMER_KEYS, 2);
    const customers = rowsFromColumns(customer, CUSTOMER_KEYS, c.values, c.count, tz);
    const audit: AuditRow[] = [];
    // The run acts for the admin whose trigger started it: Audit names them, with the run as the source.
    const base = { time: now, user: effectiveUser(), action: 'update', source: 'credit' };

    const customerWrites: RecordWrite[] = [];
    let overdueTicks = 0;
    for (const row of customers) {
      const id = String(row.id ?? '').trim();
      if (!id) continue;
      const f: CreditFigures = figures.get(id.toLowerCase()) ?? NO_PURCHASES;
      const next: Record<string, WireValue> = { ...f };
      const tick = overdueTick(row.overdue === true, row.overdueDerived === true, f.overdueDerived);
      if (tick !== (row.overdue === true)) {
        next.overdue = tick;
        overdueTicks++;
        audit.push({
          ...base,
          record: id,
          field: 'overdue',
          oldValue: String(row.overdue === true),
          newValue: String(tick),
        });
      }
      const changed = Object.keys(next).filter((k) => !same(row[k], next[k]));
      if (changed.length)
        customerWrites.push({
          id,
          cells: cellsFromRecord(customer, Object.fromEntries(changed.map((k) => [k, next[k]])), lang),
        });
    }

    const stateWrites: RecordWrite[] = [];
    for (const row of purchases) {
      const id = String(row.id ?? '').trim();
      if (!id) continue;
      const state = paymentStateOf(row, today);
      if (row.paymentState === state) continue;
      stateWrites.push({ id, cells: cellsFromRecord(purchase, { paymentState: state }, lang) });
      audit.push({
        ...base,
        record: id,
        field: 'paymentState',
        oldValue: String(row.paymentState ?? ''),
        newValue: state,
      });
    }

    if (customerWrites.length) writeRecords(ss, customer.sheetName, customerWrites);
    if (stateWrites.length) writeRecords(ss, purchase.sheetName, stateWrites);
    appendAudit(ss, audit, lang);
    return {
      today,
      customers: customers.length,
      purchases: purchases.length,
      customersChanged: customerWrites.length,
      statesChanged: stateWrites.length,
      overdueTicks,
    };
  });
}
