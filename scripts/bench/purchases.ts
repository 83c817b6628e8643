// Bench scenarios for purchases: saving one, and the daily credit run at 50,000 customers with 200,000 purchases.
/// <reference types="google-apps-script" />
import type { Emulator } from '../../emulator/src';
import { fillDueCustomers } from '../../test/fixtures/due-register';
import { columnsOf, workbook } from '../../test/helpers/register';
import { fireDaily } from '../../test/helpers/reminders';
import { ADMIN, CLERK, MANAGER, OWNER } from '../../test/helpers/users';
import type { Scenario } from './scenario';

const TODAY = '2026-11-23';
const PER_CUSTOMER = 4;

function team(emu: Emulator) {
  emu.run(OWNER, 'setUpRegister');
  const sheet = workbook(emu).getActive().getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet;
  sheet.getRange(3, 1, 3, 4).setValues([
    [ADMIN, 'Ada', 'Admin', true],
    [MANAGER, 'Wang', 'Manager', true],
    [CLERK, 'Chen', 'Clerk', true],
  ]);
  emu.run(OWNER, 'applyProtections');
}

function day(offset: number) {
  return new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86400000).toISOString().slice(0, 10);
}

/** `PER_CUSTOMER` purchases for each of `customers` customers, in one unmetered block: paid on time, paid late, overdue, due. */
function fillPurchases(emu: Emulator, customers: number) {
  const sheet = workbook(emu).getActive().getSheetByName('Purchases') as GoogleAppsScript.Spreadsheet.Sheet;
  const col = columnsOf(sheet);
  const width = sheet.getLastColumn();
  const n = customers * PER_CUSTOMER;
  if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  const rows = Array.from({ length: n }, (_, i) => {
    const row: unknown[] = new Array(width).fill('');
    const set = (k: string, v: unknown) => {
      row[col[k] - 1] = v;
    };
    const kind = i % PER_CUSTOMER;
    const bought = -(10 + (i % 200));
    set('id', `S-${String(i + 1).padStart(6, '0')}`);
    set('customerId', `C-${String((i % customers) + 1).padStart(6, '0')}`);
    set('date', day(bought));
    set('amount', 100 + (i % 900));
    set('currency', 'CNY · Chinese Yuan');
    set('dueDate', day(kind === 3 ? 30 : bought + 7));
    if (kind < 2) set('paidDate', day(bought + (kind === 0 ? 5 : 12)));
    set('paymentState', kind < 2 ? 'Paid' : kind === 2 ? 'Overdue' : 'Due');
    return row;
  });
  sheet.getRange(2, 1, n, width).setValues(rows);
}

export const purchaseScenarios: Scenario[] = [
  {
    name: 'save-purchase',
    sizes: [1000, 50000],
    budget: { sameAtSizes: 0.05, maxExecutionMs: 2000 },
    async prepare(emu, rows) {
      team(emu);
      fillDueCustomers(emu, rows, { due: 0, today: TODAY });
      fillPurchases(emu, Math.min(rows, 1000));
    },
    run(emu) {
      emu.scriptRun(CLERK, 'recordPurchase', {
        values: { date: TODAY, customerId: 'C-000007', amount: 880, dueDate: day(30), invoiceNo: '000881' },
      });
    },
  },
  {
    // One execution of the daily trigger, as its trigger starts it: reminders (none due) then the credit run.
    // The care jobs it leaves to its continuations are the care scenarios' to measure.
    name: 'credit',
    sizes: [50000],
    budget: { maxExecutionMs: 4 * 60 * 1000 },
    async prepare(emu, rows) {
      team(emu);
      fillDueCustomers(emu, rows, { due: 0, today: TODAY });
      fillPurchases(emu, rows);
      emu.run(ADMIN, 'turnRemindersOn');
    },
    run(emu) {
      fireDaily(emu);
    },
  },
];
