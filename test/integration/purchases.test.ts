// Purchases through dist/Code.js: recorded by staff with their state derived, credit figures from the daily run, the Overdue tick and a manager's override.
/// <reference types="google-apps-script" />

import { columnLetter } from '../../src/domain/a1';
import { columnsOf, recordsOf, stateOf, teamRegister, workbook } from '../helpers/register';
import { fireDaily } from '../helpers/reminders';
import { ADMIN, CLERK, MANAGER, VIEWER } from '../helpers/users';

type Save = {
  ok: boolean;
  id?: string;
  version?: string;
  values?: Record<string, unknown>;
  errors?: unknown[];
};
type Emu = ReturnType<typeof teamRegister>;

const TODAY = '2026-11-23';

/** A customer a manager enters (approved at once); its ID. */
const customer = (emu: Emu, values: Record<string, unknown>) =>
  (emu.scriptRun(MANAGER, 'createCustomer', { values: { status: 'active', ...values } }) as Save)
    .id as string;

function setUp() {
  const emu = teamRegister({ now: `${TODAY}T02:00:00Z`, timeZone: 'Asia/Shanghai' });
  const a = customer(emu, { customerType: 'individual', name: '张伟' });
  const b = customer(emu, { customerType: 'company', name: 'Bo Li', company: 'Acme Trading' });
  return { emu, a, b };
}

const buy = (emu: Emu, user: string, values: Record<string, unknown>) =>
  emu.scriptRun(user, 'recordPurchase', { values }) as Save;

const customerRow = (emu: Emu, id: string) => recordsOf(emu, 'Customers').find((r) => r.id === id) ?? {};

describe('recording a purchase', () => {
  test('a clerk records one: default currency from Settings, state from the dates, stamps and an audit row', () => {
    const { emu, a } = setUp();
    const late = buy(emu, CLERK, { date: '2026-10-01', customerId: a, amount: 1200, dueDate: '2026-10-31' });
    const paid = buy(emu, CLERK, {
      date: '2026-11-01',
      customerId: a,
      amount: 300.5,
      currency: 'USD',
      paidDate: '2026-11-02',
      invoiceNo: '000123',
    });
    expect(late).toMatchObject({ ok: true, values: { currency: 'CNY', paymentState: 'overdue' } });
    expect(paid).toMatchObject({ ok: true, values: { currency: 'USD', paymentState: 'paid' } });
    const rows = recordsOf(emu, 'Purchases');
    expect(rows).toEqual([
      expect.objectContaining({
        id: late.id,
        customerId: a,
        amount: 1200,
        paymentState: 'Overdue',
        enteredBy: CLERK,
      }),
      expect.objectContaining({
        id: paid.id,
        currency: 'USD · US Dollar',
        invoiceNo: '000123',
        paymentState: 'Paid',
      }),
    ]);
    expect(recordsOf(emu, 'Audit').filter((r) => r.record === late.id)).toEqual([
      expect.objectContaining({ action: 'Create', user: CLERK, source: 'Sidebar form' }),
    ]);
  });

  test('refused, with nothing written: a viewer, an unknown customer, a negative amount, a hand-set state', () => {
    const { emu, a } = setUp();
    const before = stateOf(emu);
    expect(() => buy(emu, VIEWER, { date: TODAY, customerId: a, amount: 1 })).toThrow(/Clerk/);
    let said = '';
    try {
      said = JSON.stringify(buy(emu, CLERK, { date: TODAY, customerId: '张伟', amount: 1 }));
    } catch (e) {
      said = String(e);
    }
    expect(said).toMatch(/张伟/);
    expect(buy(emu, CLERK, { date: TODAY, customerId: a, amount: -5 })).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ field: 'amount' })],
    });
    expect(buy(emu, MANAGER, { date: TODAY, customerId: a, amount: 5, paymentState: 'paid' })).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ field: 'paymentState' })],
    });
    expect(stateOf(emu)).toBe(before);
  });

  test('an update re-derives the state; only a manager writes a purchase off', () => {
    const { emu, a } = setUp();
    const p = buy(emu, CLERK, { date: '2026-10-01', customerId: a, amount: 100, dueDate: '2026-10-10' });
    const paid = emu.scriptRun(CLERK, 'updatePurchase', {
      id: p.id,
      version: p.version,
      changes: { paidDate: '2026-11-20' },
    }) as Save;
    expect(paid).toMatchObject({ ok: true, values: { paymentState: 'paid' } });
    const before0 = stateOf(emu);
    expect(() =>
      emu.scriptRun(CLERK, 'updatePurchase', {
        id: p.id,
        version: paid.version,
        changes: { customerId: 'C-999999' },
      }),
    ).toThrow('There is no customer with ID C-999999.');
    expect(stateOf(emu)).toBe(before0);
    const q = buy(emu, CLERK, { date: '2026-10-01', customerId: a, amount: 50, dueDate: '2026-10-10' });
    const before = stateOf(emu);
    expect(() => emu.scriptRun(CLERK, 'writeOffPurchase', { id: q.id, version: q.version })).toThrow(
      /Manager/,
    );
    expect(stateOf(emu)).toBe(before);
    expect(emu.scriptRun(MANAGER, 'writeOffPurchase', { id: q.id, version: q.version })).toMatchObject({
      ok: true,
      values: { paymentState: 'writtenOff' },
    });
    expect(() => emu.scriptRun(MANAGER, 'writeOffPurchase', { id: p.id, version: paid.version })).toThrow(
      /paid/,
    );
  });
});

describe('credit figures from the daily run', () => {
  test('per customer: count, total, last purchase, on-time rate, overdue now, days past due, episodes; the Overdue tick follows', () => {
    const { emu, a, b } = setUp();
    buy(emu, CLERK, {
      date: '2026-09-01',
      customerId: a,
      amount: 100,
      dueDate: '2026-09-10',
      paidDate: '2026-09-05',
    });
    buy(emu, CLERK, {
      date: '2026-10-01',
      customerId: a,
      amount: 200,
      dueDate: '2026-10-10',
      paidDate: '2026-10-20',
    });
    buy(emu, CLERK, { date: '2026-11-01', customerId: a, amount: 300.25, dueDate: '2026-11-13' });
    buy(emu, CLERK, {
      date: '2026-11-02',
      customerId: a,
      amount: 999,
      currency: 'USD',
      dueDate: '2026-12-31',
    });
    buy(emu, CLERK, { date: '2026-11-20', customerId: b, amount: 50, dueDate: '2026-12-20' });
    fireDaily(emu);
    expect(customerRow(emu, a)).toMatchObject({
      purchaseCount: 4,
      purchaseTotal: 600.25,
      onTimeRate: 0.333,
      overdueAmount: 300.25,
      daysPastDue: 10,
      overdueEpisodes: 2,
      overdue: true,
      overdueDerived: true,
    });
    expect(Object.prototype.toString.call(customerRow(emu, a).lastPurchase)).toBe('[object Date]');
    expect(customerRow(emu, b)).toMatchObject({ purchaseCount: 1, overdueAmount: 0, daysPastDue: 0 });
    expect(customerRow(emu, b).overdue).not.toBe(true);
    expect(recordsOf(emu, 'Audit').filter((r) => r.record === a && r.field === 'overdue')).toEqual([
      expect.objectContaining({
        oldValue: 'false',
        newValue: 'true',
        source: 'Credit figures from purchases',
      }),
    ]);
  });

  test('run again the next day with nothing changed, it writes nothing: no cell, no audit row', () => {
    const { emu, a } = setUp();
    buy(emu, CLERK, {
      date: '2026-10-01',
      customerId: a,
      amount: 100,
      dueDate: '2026-10-10',
      paidDate: '2026-10-09',
    });
    fireDaily(emu);
    const customers = JSON.stringify(recordsOf(emu, 'Customers'));
    const audit = recordsOf(emu, 'Audit').length;
    const writes = emu.meter.executions.length;
    // Past midnight in Shanghai: a new day for the figures, too soon for the daily dashboard to be due again.
    emu.advanceClock('2026-11-23T16:30:00Z');
    fireDaily(emu);
    const run = emu.meter.executions.slice(writes);
    expect(JSON.stringify(recordsOf(emu, 'Customers'))).toBe(customers);
    expect(recordsOf(emu, 'Audit')).toHaveLength(audit);
    expect(run.flatMap((x) => Object.keys(x.calls)).filter((k) => /setValues/.test(k))).toEqual([]);
    // The second run did compute the figures: it found nothing to change.
    expect(emu.logs.filter((l) => l.includes('"customersChanged":0'))).toHaveLength(1);
  });

  test('computed once a day: a second run the same day (a continuation) does not compute the figures again', () => {
    const { emu, a } = setUp();
    buy(emu, CLERK, { date: '2026-10-01', customerId: a, amount: 100, dueDate: '2026-10-10' });
    fireDaily(emu);
    expect(customerRow(emu, a)).toMatchObject({ purchaseCount: 1, overdue: true });
    buy(emu, CLERK, { date: '2026-11-01', customerId: a, amount: 5, dueDate: '2026-11-02' });
    fireDaily(emu);
    expect(customerRow(emu, a)).toMatchObject({ purchaseCount: 1 });
    expect(emu.logs.filter((l) => l.startsWith('log: Credit figures: '))).toHaveLength(1);
    expect(emu.logs).toContain('log: Credit figures already computed today.');
    emu.advanceClock('2026-11-24T02:00:00Z');
    fireDaily(emu);
    expect(customerRow(emu, a)).toMatchObject({ purchaseCount: 2, overdueEpisodes: 2 });
  });

  test('left to the continuation when the reminders took the time, and computed there once', () => {
    const { emu, a } = setUp();
    buy(emu, CLERK, { date: '2026-10-01', customerId: a, amount: 100, dueDate: '2026-10-10' });
    // The first execution's reminders take three and a half minutes (many emails, a slow day).
    let slowed = false;
    emu.hooks.extraCost = (info) => {
      if (slowed || info.fn !== 'runReminders' || info.method !== 'setProperty') return 0;
      slowed = true;
      return 210_000;
    };
    fireDaily(emu);
    emu.hooks.extraCost = undefined;
    expect(emu.logs).toContain(
      'log: Credit figures left for the continuation: too little time left in this run.',
    );
    expect(customerRow(emu, a).purchaseCount).not.toBe(1);
    expect(emu.triggers().some((t) => t.handler === 'continueReminders')).toBe(true);
    emu.advanceClock({ ms: 10 * 60 * 1000 });
    expect(customerRow(emu, a)).toMatchObject({ purchaseCount: 1, overdue: true });
    expect(emu.logs.filter((l) => l.startsWith('log: Credit figures: '))).toHaveLength(1);
    const ticks = recordsOf(emu, 'Audit').filter((r) => r.record === a && r.field === 'overdue');
    expect(ticks).toHaveLength(1);
  });

  test('a sort of Customers and Purchases during the run: every figure, tick and state lands on its own record', () => {
    const { emu, a, b } = setUp();
    const c = customer(emu, { customerType: 'individual', name: 'Ann' });
    buy(emu, CLERK, { date: '2026-10-01', customerId: a, amount: 100, dueDate: '2026-10-10' });
    buy(emu, CLERK, {
      date: '2026-11-20',
      customerId: b,
      amount: 7,
      dueDate: '2026-11-21',
      paidDate: '2026-11-21',
    });
    const late = buy(emu, CLERK, { date: TODAY, customerId: c, amount: 30, dueDate: TODAY });
    emu.advanceClock('2026-11-24T02:00:00Z');
    // Just before the run's first write, a person sorts both sheets by ID, Z to A.
    let done = false;
    emu.hooks.beforeCall = (info) => {
      if (done || info.fn !== 'runReminders' || !info.method.endsWith('setValues')) return;
      done = true;
      for (const name of ['Customers', 'Purchases']) {
        const sheet = workbook(emu).getActive().getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
        const range = `A2:${columnLetter(sheet.getLastColumn())}${sheet.getLastRow()}`;
        expect(emu.sortRange(ADMIN, name, range, { column: 1, ascending: false })).toEqual({ ok: true });
      }
    };
    fireDaily(emu);
    emu.hooks.beforeCall = undefined;
    expect(done).toBe(true);
    expect(customerRow(emu, a)).toMatchObject({ purchaseCount: 1, overdueAmount: 100, overdue: true });
    expect(customerRow(emu, b)).toMatchObject({ purchaseCount: 1, purchaseTotal: 7, overdueAmount: 0 });
    expect(customerRow(emu, b).overdue).not.toBe(true);
    expect(customerRow(emu, c)).toMatchObject({
      purchaseCount: 1,
      overdueAmount: 30,
      daysPastDue: 1,
      overdue: true,
    });
    const states = Object.fromEntries(recordsOf(emu, 'Purchases').map((r) => [r.customerId, r.paymentState]));
    expect(states).toEqual({ [a]: 'Overdue', [b]: 'Paid', [c]: 'Overdue' });
    expect(recordsOf(emu, 'Purchases').find((r) => r.id === late.id)).toMatchObject({
      paymentState: 'Overdue',
    });
    const ticks = recordsOf(emu, 'Audit')
      .filter((r) => r.field === 'overdue')
      .map((r) => r.record);
    expect(ticks.sort()).toEqual([a, c].sort());
  });

  test("a manager's tick typed by hand during the run, on a customer between two the run ticks, stays", () => {
    const { emu, a, b } = setUp();
    const c = customer(emu, { customerType: 'individual', name: 'Ann' });
    for (const id of [a, c])
      buy(emu, CLERK, { date: '2026-10-01', customerId: id, amount: 9, dueDate: '2026-10-10' });
    const sheet = workbook(emu).getActive().getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const row = recordsOf(emu, 'Customers').findIndex((r) => r.id === b) + 2;
    const overdueCell = `${columnLetter(columnsOf(sheet).overdue)}${row}`;
    // Just before the run's first write, after it read the register, the manager ticks b in the grid (the
    // guard that audits hand edits waits for the run's lock).
    let done = false;
    emu.hooks.beforeCall = (info) => {
      if (done || info.fn !== 'runReminders' || !info.method.endsWith('setValues')) return;
      done = true;
      expect(emu.edit(MANAGER, 'Customers', overdueCell, 'TRUE')).toMatchObject({ ok: true });
    };
    fireDaily(emu);
    emu.hooks.beforeCall = undefined;
    expect(done).toBe(true);
    expect(customerRow(emu, a)).toMatchObject({ overdue: true });
    expect(customerRow(emu, c)).toMatchObject({ overdue: true });
    expect(customerRow(emu, b)).toMatchObject({ overdue: true });
  });

  test('a day later a due purchase turns overdue in Purchases, with an audit row', () => {
    const { emu, b } = setUp();
    const p = buy(emu, CLERK, { date: TODAY, customerId: b, amount: 50, dueDate: TODAY });
    expect(p.values?.paymentState).toBe('due');
    emu.advanceClock('2026-11-24T02:00:00Z');
    fireDaily(emu);
    expect(recordsOf(emu, 'Purchases')[0]).toMatchObject({ paymentState: 'Overdue' });
    expect(recordsOf(emu, 'Audit').filter((r) => r.record === p.id && r.field === 'paymentState')).toEqual([
      expect.objectContaining({ oldValue: 'due', newValue: 'overdue' }),
    ]);
    expect(customerRow(emu, b)).toMatchObject({ overdue: true, daysPastDue: 1 });
  });

  test("a manager's untick stands while the purchases disagree, and the tick follows again once they agree", () => {
    const { emu, a } = setUp();
    const p = buy(emu, CLERK, { date: '2026-10-01', customerId: a, amount: 100, dueDate: '2026-10-10' });
    fireDaily(emu);
    const loaded = emu.scriptRun(MANAGER, 'getCustomer', { id: a }) as { version: string };
    emu.scriptRun(MANAGER, 'updateCustomer', { id: a, version: loaded.version, changes: { overdue: false } });
    emu.advanceClock('2026-11-24T02:00:00Z');
    fireDaily(emu);
    expect(customerRow(emu, a)).toMatchObject({ overdue: false, overdueDerived: true });
    const audit = recordsOf(emu, 'Audit').filter((r) => r.record === a && r.field === 'overdue');
    expect(audit.map((r) => [r.user, r.newValue])).toEqual([
      [ADMIN, 'true'],
      [MANAGER, 'false'],
    ]);
    const now = emu.scriptRun(CLERK, 'updatePurchase', {
      id: p.id,
      version: p.version,
      changes: { paidDate: '2026-11-24' },
    });
    expect(now).toMatchObject({ ok: true });
    emu.advanceClock('2026-11-25T02:00:00Z');
    fireDaily(emu);
    expect(customerRow(emu, a)).toMatchObject({ overdue: false, overdueDerived: false });
    const q = buy(emu, CLERK, { date: '2026-11-01', customerId: a, amount: 10, dueDate: '2026-11-02' });
    expect(q.ok).toBe(true);
    emu.advanceClock('2026-11-26T02:00:00Z');
    fireDaily(emu);
    expect(customerRow(emu, a)).toMatchObject({ overdue: true, overdueDerived: true });
  });
});
