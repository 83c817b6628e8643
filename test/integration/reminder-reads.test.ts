// What the daily run reads for the digests: rows found by a search read in runs, the customers they name from the index, never a call per row.
/// <reference types="google-apps-script" />
import { fillDueCustomers } from '../fixtures/due-register';
import { columnsOf, teamRegister, workbook } from '../helpers/register';
import { fireDaily } from '../helpers/reminders';
import { ADMIN, CLERK, MANAGER } from '../helpers/users';

const TODAY = '2026-11-23';

function addDays(day: string, n: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

/**
 * 1,000 customers, 5 due, and `items` pieces of property, one for every tenth customer, every fifth of them
 * still held and due back within the warning days: scattered rows, as in a register used for years.
 */
function register(items: number) {
  const emu = teamRegister({ now: '2026-11-23T00:00:00Z', mailQuota: 1500 });
  fillDueCustomers(emu, 1000, { due: 5, today: TODAY });
  const sheet = workbook(emu).getActive().getSheetByName('Property') as GoogleAppsScript.Spreadsheet.Sheet;
  const col = columnsOf(sheet);
  const width = sheet.getLastColumn();
  if (sheet.getMaxRows() < items + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), items + 1 - sheet.getMaxRows());
  const rows = Array.from({ length: items }, (_, j) => {
    const row: unknown[] = new Array(width).fill('');
    const set = (k: string, v: unknown) => {
      row[col[k] - 1] = v;
    };
    set('id', `P-${String(j + 1).padStart(6, '0')}`);
    set('customerId', `C-${String(((j * 10) % 1000) + 1).padStart(6, '0')}`);
    set('item', `Laptop ${j}`);
    set('receivedBy', CLERK);
    set('state', j % 5 ? 'Returned' : 'Received');
    set('expectedReturn', addDays(TODAY, 2));
    if (j % 5) set('returnedDate', addDays(TODAY, -10));
    return row;
  });
  sheet.getRange(2, 1, items, width).setValues(rows);
  emu.run(ADMIN, 'turnRemindersOn');
  return emu;
}

/** The first execution of the day's run, fired as its trigger fires it. */
function firstRun(items: number) {
  const emu = register(items);
  emu.advanceClock('2026-11-23T00:30:00Z');
  const from = emu.meter.executions.length;
  fireDaily(emu);
  const run = emu.meter.executions.slice(from).find((e) => e.fn === 'runReminders');
  const digest = emu.outbox.find((m) => m.to[0] === MANAGER);
  return { run, digest, reads: run?.calls['SpreadsheetApp.Range.getValues'] ?? 0 };
}

test('scattered property due back is read in a few blocks, and its customers named from the index', () => {
  const small = firstRun(100);
  const large = firstRun(1000);
  // Every held item is in the owner's digest, with its customer's name.
  for (let j = 0; j < 1000; j += 5) {
    expect(large.digest?.body).toContain(`Laptop ${j}`);
  }
  expect(large.digest?.body).toContain('Customer 500');
  // Ten times the items held, about the same reads: not one (or two) per item and per customer named.
  expect(large.reads - small.reads).toBeLessThan(10);
});
