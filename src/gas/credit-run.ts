// The daily credit run: the Purchases columns the figures need read once each, figures computed in the domain, only changed cells of Customers and Purchases written back.
import type { AuditRow } from '../domain/audit';
import { type CreditFigures, creditFigures, NO_PURCHASES, overdueTick } from '../domain/purchases/credit';
import { paymentStateOf } from '../domain/purchases/payment-state';
import { cellsFromRecord } from '../domain/record-codec';
import { registerLang } from '../domain/reminders';
import { customer, purchase, type WireValue } from '../schema';
import { creditFields } from '../schema/credit';
import { appendAudit } from './audit-log';
import { PROPERTY_KEYS } from './property-keys';
import { rowsFromColumns } from './records';
import { effectiveUser, withDocumentLock } from './session';
import { readSettings } from './settings';
import { type RowChange, writeChangedCells } from './snapshot-writes';
import { readColumns } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// The ID comes with the figures' columns so the states written can be checked against the rows read.
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

const props = () => PropertiesService.getDocumentProperties();

/**
 * Recomputes every customer's credit figures from Purchases and moves each purchase's payment state on
 * (due → overdue as days pass), once a day: a continuation of the daily run finds the day done and returns
 * null. Under the document lock it reads each needed column of Purchases and Customers once (no column in
 * between), writes back only the cells that changed, and puts the Overdue ticks and payment states it
 * changes in Audit.
 */
export function refreshCredit(ss: Spreadsheet, now: Date): CreditReport | null {
  const tz = ss.getSpreadsheetTimeZone();
  const today = Utilities.formatDate(now, tz, 'yyyy-MM-dd');
  const settings = readSettings(ss);
  const lang = registerLang(settings);
  const currency = String(settings.defaultCurrency ?? 'CNY');
  return withDocumentLock(() => {
    if (props().getProperty(PROPERTY_KEYS.creditDay) === today) return null;
    const p = readColumns(ss, purchase.sheetName, PURCHASE_KEYS, PURCHASE_KEYS.length);
    const purchases = rowsFromColumns(purchase, PURCHASE_KEYS, p.values, p.count, tz);
    const figures = creditFigures(purchases, today, currency);
    const c = readColumns(ss, customer.sheetName, CUSTOMER_KEYS, CUSTOMER_KEYS.length);
    const customers = rowsFromColumns(customer, CUSTOMER_KEYS, c.values, c.count, tz);
    const audit: AuditRow[] = [];
    // The run acts for the admin whose trigger started it: Audit names them, with the run as the source.
    const base = { time: now, user: effectiveUser(), action: 'update', source: 'credit' };

    const customerChanges: RowChange[] = [];
    let overdueTicks = 0;
    customers.forEach((row, index) => {
      const id = String(row.id ?? '').trim();
      if (!id) return;
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
        customerChanges.push({
          index,
          cells: cellsFromRecord(customer, Object.fromEntries(changed.map((k) => [k, next[k]])), lang),
        });
    });

    const stateChanges: RowChange[] = [];
    purchases.forEach((row, index) => {
      const id = String(row.id ?? '').trim();
      if (!id) return;
      const state = paymentStateOf(row, today);
      if (row.paymentState === state) return;
      stateChanges.push({ index, cells: cellsFromRecord(purchase, { paymentState: state }, lang) });
      audit.push({
        ...base,
        record: id,
        field: 'paymentState',
        oldValue: String(row.paymentState ?? ''),
        newValue: state,
      });
    });

    writeChangedCells(ss, customer, c, customerChanges);
    writeChangedCells(ss, purchase, p, stateChanges);
    appendAudit(ss, audit, lang);
    props().setProperty(PROPERTY_KEYS.creditDay, today);
    return {
      today,
      customers: customers.length,
      purchases: purchases.length,
      customersChanged: customerChanges.length,
      statesChanged: stateChanges.length,
      overdueTicks,
    };
  });
}
