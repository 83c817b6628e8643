// The Reminder log keeps the current cycles in view: a year of history moves to the archive sheet once, later runs read only the view, and nobody is emailed twice across the move.
/// <reference types="google-apps-script" />
import { type Emulator, messages } from '../../emulator/src';
import { fillDueCustomers } from '../fixtures/due-register';
import { columnsOf, recordsOf, stateOf, teamRegister, workbook } from '../helpers/register';
import { ADMIN } from '../helpers/users';

const TODAY = '2026-11-23';
const ARCHIVE = 'Reminder log archive';

function addDays(day: string, n: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}
/** 09:00 in Shanghai `n` days after TODAY: the reminder hour, and an hour later when the run is done. */
const at = (n: number, hourUtc = 2) => `${addDays(TODAY, n)}T0${hourUtc}:00:00Z`;

/** The first customer's current cycle, as fillDueCustomers sets it for the most overdue. */
const FIRST_CYCLE = addDays(TODAY, -31);

/**
 * 40 customers, 5 due, and a Reminder log row saying the first customer was already emailed in the cycle
 * they are in now; with `history`, a year of log before it (two rows a day, cycles since closed).
 */
function register(history: boolean | number) {
  const emu = teamRegister({ now: '2026-11-23T00:00:00Z', mailQuota: 1500 });
  fillDueCustomers(emu, 40, { due: 5, today: TODAY });
  {
    const sheet = workbook(emu)
      .getActive()
      .getSheetByName('Reminder log') as GoogleAppsScript.Spreadsheet.Sheet;
    const col = columnsOf(sheet);
    const width = sheet.getLastColumn();
    const closedRows = history === true ? 730 : Number(history);
    const rows = Array.from({ length: closedRows + 1 }, (_, k) => {
      const row: unknown[] = new Array(width).fill('');
      const day = addDays(TODAY, -365 + Math.floor((k * 730) / Math.max(closedRows, 730) / 2));
      const closed = k < closedRows;
      row[col.time - 1] = new Date(`${day}T01:00:00Z`);
      row[col.record - 1] = closed ? `C-${String(10 + (k % 30)).padStart(6, '0')}` : 'C-000001';
      // Distinct rows, so a row archived twice is told from two rows alike.
      row[col.detail - 1] = closed ? `row ${k}` : '';
      row[col.recipient - 1] = 'someone@example.net';
      row[col.kind - 1] = 'Customer data review';
      row[col.cycle - 1] = closed ? addDays(day, -2) : FIRST_CYCLE;
      row[col.outcome - 1] = 'Sent';
      return row;
    });
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
    sheet.getRange(2, 1, rows.length, width).setValues(rows);
  }
  emu.run(ADMIN, 'turnRemindersOn');
  return emu;
}

/** The archive's rows by field key: it has the log's headers (the add-on never reads it, so no column tags). */
function archived(emu: Emulator) {
  const log = workbook(emu).getActive().getSheetByName('Reminder log') as GoogleAppsScript.Spreadsheet.Sheet;
  const keyOf = new Map(
    Object.entries(columnsOf(log)).map(([k, c]) => [
      String(emu.spreadsheet.values('Reminder log')[0][c - 1]),
      k,
    ]),
  );
  const [header, ...rows] = emu.spreadsheet.values(ARCHIVE);
  return rows.map((row) =>
    Object.fromEntries(header.map((h, i) => [keyOf.get(String(h)) ?? String(h), row[i]])),
  );
}

const customerMails = (emu: Emulator) => emu.outbox.filter((m) => m.to[0]?.endsWith('@example.net'));
/** The first execution of the daily run on day `n`: what it moved. */
function dayRun(emu: Emulator, n: number) {
  const from = emu.meter.executions.length;
  emu.advanceClock(at(n, 3));
  return emu.meter.executions.slice(from).find((e) => e.fn === 'runReminders');
}

describe('the Reminder log archive', () => {
  test('a year of log: closed cycles move to the archive, all of them; the current cycle stays and still counts', () => {
    const emu = register(true);
    dayRun(emu, 0);
    const moved = archived(emu);
    expect(moved).toHaveLength(730);
    expect(moved.every((r) => r.kind === 'Customer data review' && r.outcome === 'Sent')).toBe(true);
    expect(moved.filter((r) => r.cycle === FIRST_CYCLE || r.record === 'C-000001')).toEqual([]);
    const view = recordsOf(emu, 'Reminder log').filter((r) => r.record !== '' || r.recipient !== '');
    // The first customer's row of this cycle, today's four emails and the manager's digest.
    expect(view.filter((r) => r.record === 'C-000001')).toEqual([
      expect.objectContaining({ cycle: FIRST_CYCLE, outcome: 'Sent' }),
    ]);
    expect(view.filter((r) => r.outcome === 'Sent')).toHaveLength(6);
    // Already emailed this cycle, by the log's word: not again.
    expect(
      customerMails(emu)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual([1, 2, 3, 4].map((i) => `customer${i}@example.net`));
  });

  test('what later runs read does not grow with history', () => {
    const fresh = register(false);
    const year = register(true);
    // Day 1 creates the fresh register's archive (its first digest moves there); day 2 is any day after.
    for (const emu of [fresh, year]) for (const n of [0, 1]) dayRun(emu, n);
    const [a, b] = [fresh, year].map((emu) => dayRun(emu, 2));
    expect(b?.cells).toBe(a?.cells);
    expect(b?.sheetCalls).toBe(a?.sheetCalls);
  });

  test('nobody is emailed twice across the move, and a preview moves nothing', () => {
    const emu = register(true);
    const before = stateOf(emu);
    emu.run(ADMIN, 'previewReminders');
    expect(stateOf(emu)).toBe(before);
    for (const n of [0, 1, 2]) dayRun(emu, n);
    const to = customerMails(emu).map((m) => m.to[0]);
    expect(to).toHaveLength(4);
    expect(new Set(to).size).toBe(4);
    // The year, and each earlier day's digest once its day is over.
    const moved = archived(emu);
    expect(moved.filter((r) => r.kind === 'Customer data review')).toHaveLength(730);
    expect(moved.filter((r) => r.kind === 'Manager digest')).toHaveLength(2);
  });
});

describe('archiving stops in time and never moves a row twice', () => {
  const KILL = 7 * 60 * 1000;
  /** The archive's data rows, and whether the log still holds any row of a closed cycle. */
  const archiveRows = (emu: Emulator) => {
    try {
      return emu.spreadsheet.values(ARCHIVE).length - 1;
    } catch {
      return 0;
    }
  };
  const closedInLog = (emu: Emulator) =>
    recordsOf(emu, 'Reminder log').filter((r) => String(r.detail ?? '').startsWith('row ')).length;
  const details = (emu: Emulator) => archived(emu).map((r) => String(r.detail));

  test.each([
    ['after the archive write, before the log is rewritten', 'setValues', 730],
    ['after the archive write, before the log loses the rows', 'deleteRows', 12000],
  ])('an execution killed %s: the next run archives each row once', (_, method, history) => {
    const emu = register(history);
    emu.hooks.extraCost = (info) =>
      info.fn === 'runReminders' && info.method.endsWith(`.${method}`) && archiveRows(emu) > 0 ? KILL : 0;
    emu.advanceClock(at(0, 3));
    const killed = emu.meter.executions.find((e) => e.fn === 'runReminders');
    expect(killed?.error).toBe(messages.maxExecutionTime);
    expect(archiveRows(emu)).toBeGreaterThan(0);
    emu.hooks.extraCost = undefined;
    dayRun(emu, 1);
    const moved = details(emu).filter((d) => d.startsWith('row '));
    expect(moved).toHaveLength(history);
    expect(new Set(moved).size).toBe(history);
    expect(closedInLog(emu)).toBe(0);
    // Nobody was emailed twice across the kill: the four due customers once each.
    const to = customerMails(emu).map((m) => m.to[0]);
    expect(new Set(to).size).toBe(to.length);
  });

  test('a history longer than one execution can move is moved over several, sending only once it is all read', () => {
    const emu = register(25000);
    // Each chunk's delete made slow: the second chunk ends past the archiving deadline.
    emu.hooks.extraCost = (info) =>
      info.fn.endsWith('Reminders') && info.method.endsWith('.deleteRows') ? 100 * 1000 : 0;
    emu.advanceClock(at(0, 4));
    const runs = emu.meter.executions.filter((e) => /^(run|continue)Reminders$/.test(e.fn));
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.every((e) => !e.error && e.modelledMs < 4 * 60 * 1000)).toBe(true);
    // The first execution stopped with rows left: it planned nothing and sent nothing.
    expect(runs[0].mailCalls).toBe(0);
    const moved = details(emu).filter((d) => d.startsWith('row '));
    expect(moved).toHaveLength(25000);
    expect(new Set(moved).size).toBe(25000);
    expect(closedInLog(emu)).toBe(0);
    expect(
      customerMails(emu)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual([1, 2, 3, 4].map((i) => `customer${i}@example.net`));
  });
});
