// The bench's registers: customers, a history of interactions and property, and a year of Reminder log, written straight into the model.
/// <reference types="google-apps-script" />
import type { Emulator } from '../../emulator/src';
import { fillDueCustomers } from '../../test/fixtures/due-register';
import { columnsOf, workbook } from '../../test/helpers/register';
import { ADMIN, CLERK, MANAGER, OWNER } from '../../test/helpers/users';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const TODAY = '2026-11-23';

function addDays(day: string, n: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

const customerId = (i: number) => `C-${String(i + 1).padStart(6, '0')}`;

/** Writes rows of field values into a sheet's columns of ours in one block (unmetered, as a fixture). */
export function fill(
  emu: Emulator,
  sheetName: string,
  n: number,
  row: (i: number) => Record<string, unknown>,
) {
  if (!n) return;
  const sheet = workbook(emu).getActive().getSheetByName(sheetName) as Sheet;
  const col = columnsOf(sheet);
  const width = sheet.getLastColumn();
  const first = sheet.getLastRow() + 1;
  if (sheet.getMaxRows() < first + n - 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), first + n - 1 - sheet.getMaxRows());
  const block = Array.from({ length: n }, (_, i) => {
    const cells: unknown[] = new Array(width).fill('');
    for (const [k, v] of Object.entries(row(i))) if (col[k]) cells[col[k] - 1] = v;
    return cells;
  });
  sheet.getRange(first, 1, n, width).setValues(block);
}

export interface RegisterOptions {
  /** Customers due for review today (the first rows, most overdue first). */
  due?: number;
  /** Days of Reminder log history before today, at `logPerDay` rows a day. */
  logDays?: number;
  logPerDay?: number;
}

/**
 * A register as a business would have it after years of use: `n` customers (approved, with email and
 * consent), one interaction per customer (every tenth with a follow-up, long answered), one item of property
 * per ten customers (most returned), and the Reminder log of past cycles.
 */
export function register(emu: Emulator, n: number, o: RegisterOptions = {}) {
  emu.run(OWNER, 'setUpRegister');
  const team = workbook(emu).getActive().getSheetByName('Team') as Sheet;
  team.getRange(3, 1, 3, 4).setValues([
    [ADMIN, 'Ada', 'Admin', true],
    [MANAGER, 'Wang', 'Manager', true],
    [CLERK, 'Chen', 'Clerk', true],
  ]);
  // A fixture write fires no onEdit guard: protections are re-applied as a hand edit of Team would.
  emu.run(OWNER, 'applyProtections');
  fillDueCustomers(emu, n, { due: o.due ?? 0, today: TODAY });
  fill(emu, 'Interactions', n, (i) => ({
    id: `I-${String(i + 1).padStart(6, '0')}`,
    date: addDays(TODAY, -400 + (i % 390)),
    customerId: customerId(i),
    kind: 'Consultation',
    summary: `Asked about order ${i}`,
    staff: CLERK,
    nextFollowUp: i % 10 ? '' : addDays(TODAY, -390 + (i % 380)),
    outcome: 'Resolved',
    enteredBy: CLERK,
  }));
  // The answers to those follow-ups: a later visit to the same customer.
  fill(emu, 'Interactions', Math.ceil(n / 10), (j) => ({
    id: `I-${String(n + j + 1).padStart(6, '0')}`,
    date: TODAY,
    customerId: customerId(j * 10),
    kind: 'Follow-up visit',
    summary: 'Followed up',
    staff: CLERK,
    outcome: 'Resolved',
    enteredBy: CLERK,
  }));
  fill(emu, 'Property', Math.ceil(n / 10), (j) => ({
    id: `P-${String(j + 1).padStart(6, '0')}`,
    customerId: customerId(j * 10),
    item: `Laptop ${j}`,
    kind: 'Equipment',
    quantity: 1,
    receivedDate: addDays(TODAY, -200 + (j % 190)),
    receivedBy: CLERK,
    state: j % 5 ? 'Returned' : 'Received',
    expectedReturn: addDays(TODAY, 30 + (j % 60)),
    returnedDate: j % 5 ? addDays(TODAY, -10) : '',
  }));
  const perDay = o.logPerDay ?? 0;
  const days = o.logDays ?? 0;
  fill(emu, 'Reminder log', days * perDay, (k) => {
    const day = addDays(TODAY, -days + Math.floor(k / perDay));
    // Past cycles of customers not due today: none of them is the cycle a customer is in today.
    return {
      time: new Date(`${day}T01:00:00Z`),
      record: customerId((o.due ?? 0) + ((k * 7919) % Math.max(1, n - (o.due ?? 0)))),
      recipient: `customer${k % n}@example.net`,
      kind: 'Customer data review',
      cycle: addDays(day, -3),
      outcome: 'Sent',
    };
  });
  emu.mail.setDailyQuota(5000);
}

export { addDays, customerId };
