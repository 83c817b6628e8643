// The data check on dist/Code.js: findings by the register's own rules, scores and trend, safe fixes audited, refusals, fixed calls.
/// <reference types="google-apps-script" />
import { fillDueCustomers } from '../fixtures/due-register';
import { columnsOf, recordsOf, stateOf, teamRegister, useChinese, workbook } from '../helpers/register';
import { ADMIN, CLERK, MANAGER, VIEWER } from '../helpers/users';

const TODAY = '2026-11-23';
/** 08:00 in Shanghai, an hour before the daily run. */
const MORNING = `${TODAY}T00:00:00Z`;

type Emu = ReturnType<typeof teamRegister>;

function sheetOf(emu: Emu, name: string) {
  return workbook(emu).getActive().getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
}

/** Sets cells of data row `i` (0-based) by field key, as a person's typing would have left them. */
function setRow(emu: Emu, sheetName: string, i: number, cells: Record<string, unknown>) {
  const sheet = sheetOf(emu, sheetName);
  const col = columnsOf(sheet);
  for (const [k, v] of Object.entries(cells)) sheet.getRange(i + 2, col[k]).setValue(v);
}

/** Ten clean customers, then the problems a register collects. */
function messyRegister(now = `${TODAY}T01:00:00Z`) {
  const emu = teamRegister({ now });
  fillDueCustomers(emu, 10, { due: 0, today: TODAY });
  setRow(emu, 'Customers', 0, { phone: '138 0013 8000' });
  setRow(emu, 'Customers', 1, { email: ' Mixed.Case@Example.NET ' });
  setRow(emu, 'Customers', 2, { name: '  Wang   Wei ' });
  setRow(emu, 'Customers', 3, { status: 'Gold-ish' });
  setRow(emu, 'Customers', 4, { email: 'customer5@example.net' });
  setRow(emu, 'Customers', 6, { owner: 'gone@example.com' });
  setRow(emu, 'Customers', 7, { owner: '' });
  setRow(emu, 'Customers', 8, { nextReviewDue: '2026-09-01' });
  setRow(emu, 'Customers', 9, { email: '=IMPORTRANGE("x")' });
  return emu;
}

/** The check in one call, as a small register has it. */
function emu1Report(emu: Emu) {
  return emu.scriptRun(MANAGER, 'runDataCheck', {}) as { done: boolean; safe: number };
}

const rowsOf = (emu: Emu) => emu.spreadsheet.values('Data check') as unknown[][];
const findingsOf = (emu: Emu) => {
  const rows = rowsOf(emu);
  const header = rows.findIndex((r) => r[1] === 'Record');
  return rows.slice(header + 1).map((r) => ({
    sheet: r[0],
    record: r[1],
    field: r[2],
    value: r[3],
    problem: String(r[4]),
    fix: r[5],
    safe: r[6],
  }));
};

describe('the data check', () => {
  test('finds what the register’s own rules find, one row per finding, with suggested fixes', () => {
    const emu = messyRegister();
    const report = emu.scriptRun(MANAGER, 'runDataCheck', {}) as { findings: number; safe: number };
    const found = findingsOf(emu);
    const at = (record: string, field: string) => found.find((f) => f.record === record && f.field === field);
    expect(at('C-000001', 'Phone')).toMatchObject({
      value: '138 0013 8000',
      fix: '+8613800138000',
      safe: 'yes',
    });
    expect(at('C-000002', 'Email')).toMatchObject({ fix: 'mixed.case@example.net', safe: 'yes' });
    expect(at('C-000003', 'Name')).toMatchObject({ fix: 'Wang Wei', safe: 'yes' });
    expect(at('C-000004', 'Status')?.problem).toContain('not one of the choices');
    expect(at('C-000004', 'Status')?.safe).toBe('');
    // customer5@… is also row 6's address: the later record is named with the first one's ID.
    expect(at('C-000006', 'Email')?.problem).toContain('C-000005');
    expect(at('C-000007', 'Owner')?.problem).toContain('not an active member');
    expect(at('C-000008', 'Owner')?.problem).toContain('No owner');
    expect(at('C-000009', 'Next review due')?.problem).toContain('83 days');
    // A value typed as a formula is shown as typed, never run, and refused as an email.
    expect(at('C-000010', 'Email')).toMatchObject({ value: '=IMPORTRANGE("x")', safe: '' });
    expect(report.safe).toBe(3);
    expect(rowsOf(emu)[2].slice(0, 5)).toEqual(['Customers', 10, 9, 10, '']);
  });

  test('the safe fixes are one audited action; what is not safe is left alone; the next check shows the trend', () => {
    const emu = messyRegister();
    emu.scriptRun(MANAGER, 'runDataCheck', {});
    const fixed = emu.scriptRun(MANAGER, 'applyDataFixes', {}) as { cells: number; records: number };
    expect(fixed).toMatchObject({ cells: 3, records: 3 });
    const customers = recordsOf(emu, 'Customers');
    expect(customers[0].phone).toBe('+8613800138000');
    expect(customers[1].email).toBe('mixed.case@example.net');
    expect(customers[2].name).toBe('Wang Wei');
    expect(customers[3].status).toBe('Gold-ish');
    const audit = recordsOf(emu, 'Audit').filter((a) => a.source === 'Data check');
    expect(audit.map((a) => [a.record, a.oldValue, a.newValue]).sort()).toEqual([
      ['C-000001', '138 0013 8000', '+8613800138000'],
      ['C-000002', ' Mixed.Case@Example.NET ', 'mixed.case@example.net'],
      ['C-000003', '  Wang   Wei ', 'Wang Wei'],
    ]);
    // The fixes re-ran the check: three fewer records with problems, the change shown against the last check.
    expect(rowsOf(emu)[2].slice(0, 5)).toEqual(['Customers', 10, 6, 40, 30]);
  });

  test('from the menu: the check, then its safe fixes only when the person says yes', () => {
    const emu = messyRegister();
    emu.uiAnswers.push('NO');
    emu.run(MANAGER, 'menuRunDataCheck');
    expect(recordsOf(emu, 'Customers')[0].phone).toBe('138 0013 8000');
    expect(emu.uiOf(MANAGER).alerts.at(-1)).toMatch(/Data check done: \d+ findings, 3 with a safe fix/);
    emu.uiAnswers.push('YES');
    emu.run(MANAGER, 'menuRunDataCheck');
    expect(recordsOf(emu, 'Customers')[0].phone).toBe('+8613800138000');
    expect(emu.uiOf(MANAGER).alerts.at(-1)).toBe('Safe fixes applied: 3 cells in 3 records.');
  });

  test('a Chinese register gets its Data check in Chinese', () => {
    const emu = teamRegister({ now: `${TODAY}T01:00:00Z` });
    useChinese(emu);
    fillDueCustomers(emu, 3, { due: 0, today: TODAY, rows: { 1: { email: 'customer0@example.net' } } });
    emu.scriptRun(MANAGER, 'runDataCheck', {});
    const rows = rowsOf(emu);
    expect(rows[0][0]).toBe('数据检查');
    expect(rows.some((r) => String(r[4]).includes('疑似同一客户'))).toBe(true);
  });

  test.each([
    ['clerk', CLERK],
    ['viewer', VIEWER],
  ])('a %s is refused and nothing is written', (_kind, who) => {
    const emu = messyRegister();
    for (const fn of ['runDataCheck', 'applyDataFixes']) {
      const before = stateOf(emu);
      expect(() => emu.scriptRun(who, fn, {})).toThrow(/Admin or Manager/);
      expect(stateOf(emu)).toBe(before);
    }
  });

  test('an unknown argument is refused before anything is read or written', () => {
    const emu = messyRegister();
    const before = stateOf(emu);
    expect(() => emu.scriptRun(MANAGER, 'applyDataFixes', { all: true })).toThrow();
    expect(stateOf(emu)).toBe(before);
  });

  test('makes the same number of sheet calls at 50 and at 2,000 customers', () => {
    const calls = (n: number) => {
      const emu = teamRegister({ now: `${TODAY}T01:00:00Z` });
      fillDueCustomers(emu, n, { due: 5, today: TODAY });
      emu.scriptRun(MANAGER, 'runDataCheck', {});
      return emu.meter.last?.sheetCalls;
    };
    expect(calls(2000)).toBe(calls(50));
  });
});

/** Interactions and property naming customers, one of them a customer ID that does not exist, and a typo. */
function withHistory(emu: Emu) {
  const add = (name: string, rows: Record<string, unknown>[]) => {
    const sheet = sheetOf(emu, name);
    const col = columnsOf(sheet);
    const width = sheet.getLastColumn();
    const first = sheet.getLastRow() + 1;
    sheet.getRange(first, 1, rows.length, width).setValues(
      rows.map((r) => {
        const cells: unknown[] = new Array(width).fill('');
        for (const [k, v] of Object.entries(r)) cells[col[k] - 1] = v;
        return cells;
      }),
    );
  };
  add(
    'Interactions',
    Array.from({ length: 7 }, (_, i) => ({
      id: `I-${String(i + 1).padStart(6, '0')}`,
      date: '2026-10-01',
      customerId: i === 5 ? 'C-999999' : `C-${String(i + 1).padStart(6, '0')}`,
      kind: i === 2 ? 'Chat' : 'Consultation',
      summary: i === 3 ? ' Asked  about prices ' : 'Asked about prices',
      staff: CLERK,
    })),
  );
  add('Property', [
    {
      id: 'P-000001',
      customerId: 'C-000002',
      item: 'Laptop',
      kind: 'Equipment',
      quantity: 1,
      state: 'Received',
      expectedReturn: '2026-11-01',
    },
    {
      id: 'P-000002',
      customerId: 'C-000404',
      item: 'Phone',
      kind: 'Equipment',
      quantity: 1,
      state: 'Returned',
    },
  ]);
  // A twelfth customer repeating the first one's name, in a later block than the first.
  fillDueCustomers(emu, 12, {
    due: 0,
    today: TODAY,
    rows: { 11: { name: 'Customer 0', email: 'other@example.net', phone: '+8613900000999' } },
  });
  setRow(emu, 'Customers', 0, { phone: '138 0013 8000' });
  setRow(emu, 'Customers', 4, { email: 'customer5@example.net' });
  setRow(emu, 'Customers', 6, { owner: 'gone@example.com' });
  return emu;
}

describe('a data check in steps', () => {
  test('a register checked five rows a step, over several calls, ends with the Data check sheet one step makes', () => {
    const whole = withHistory(messyRegister());
    const oneGo = emu1Report(whole);
    const stepped = withHistory(messyRegister());
    stepped.scriptProperties['cr.dataCheck.rows'] = '5';
    // Every read takes 25 s, a step about 100 s: a call fits two steps at most, so the check needs several calls.
    stepped.hooks.extraCost = (info) => (info.method === 'Range.getValues' ? 25 * 1000 : 0);
    const reports: { done: boolean; message: string; safe: number }[] = [];
    for (let call = 0; call < 10 && !reports.at(-1)?.done; call++)
      reports.push(stepped.scriptRun(MANAGER, 'runDataCheck', {}) as (typeof reports)[number]);
    stepped.hooks.extraCost = undefined;
    expect(reports.length).toBeGreaterThan(2);
    expect(reports[0]).toMatchObject({ done: false, safe: 0 });
    expect(reports[0].message).toMatch(/^Data check under way: \d+ records checked so far/);
    // While it runs, the sheet says the check is not finished and shows no score.
    expect(reports.at(-1)).toMatchObject({ done: true, safe: oneGo.safe });
    expect(rowsOf(stepped)).toEqual(rowsOf(whole));
    // Findings across block boundaries: the twelfth customer names the first, an unknown customer is found.
    const found = findingsOf(stepped);
    expect(found.find((f) => f.record === 'C-000012' && f.field === 'Name')?.problem).toContain('C-000001');
    expect(found.find((f) => f.record === 'C-000006' && f.field === 'Email')?.problem).toContain('C-000005');
    expect(found.some((f) => f.record === 'I-000006' && f.field === 'Customer ID')).toBe(true);
    expect(found.some((f) => f.record === 'P-000002' && f.field === 'Customer ID')).toBe(true);
  });

  test('the daily run goes on with the check in its continuations, a step only where it fits', () => {
    const emu = withHistory(messyRegister(MORNING));
    const whole = withHistory(messyRegister());
    emu1Report(whole);
    emu.scriptProperties['cr.dataCheck.rows'] = '5';
    emu.run(ADMIN, 'turnRemindersOn');
    // Writing findings is slow (15 s a column format, about 105 s a step): the reminders barely pay it.
    emu.hooks.extraCost = (info) => (info.method === 'Range.setNumberFormat' ? 15 * 1000 : 0);
    emu.advanceClock(`${TODAY}T01:00:30Z`);
    // The first execution could not end the check: a continuation is due, the sheet says it is under way.
    expect(rowsOf(emu)[0][1]).toMatch(/^Still checking, started at: 2026-11-23 09:00$/);
    expect(emu.triggers().some((t) => t.handler === 'continueReminders')).toBe(true);
    emu.advanceClock(`${TODAY}T02:00:00Z`);
    emu.hooks.extraCost = undefined;
    const runs = emu.meter.executions.filter((e) => e.fn === 'runReminders' || e.fn === 'continueReminders');
    expect(runs.length).toBeGreaterThan(2);
    expect(runs.every((e) => !e.error && e.modelledMs < 330 * 1000)).toBe(true);
    // Same findings and scores as a check in one go (only the time it started differs).
    expect(rowsOf(emu)[0][1]).toBe('Checked at: 2026-11-23 09:00');
    expect(rowsOf(emu).slice(1)).toEqual(rowsOf(whole).slice(1));
  });

  /** Runs `act` once, in the middle of the first step of `fn`: at its first read after it claimed the step. */
  function duringStep(emu: Emu, fn: string, act: () => void) {
    let claimed = false;
    let done = false;
    emu.hooks.beforeCall = (info) => {
      if (done || info.fn !== fn) return;
      if (info.method === 'releaseLock') claimed = true;
      else if (claimed && info.method.endsWith('getValues')) {
        done = true;
        act();
      }
    };
  }

  test('a clerk’s save in the middle of a step goes through: a step reads and judges without the lock', () => {
    const emu = withHistory(messyRegister());
    emu.scriptProperties['cr.dataCheck.rows'] = '5';
    let saved: unknown = null;
    duringStep(emu, 'runDataCheck', () => {
      saved = emu.scriptRun(CLERK, 'createCustomer', {
        values: { customerType: 'individual', name: 'Saved mid-check', status: 'active' },
      });
    });
    emu.scriptRun(MANAGER, 'runDataCheck', {});
    emu.hooks.beforeCall = undefined;
    expect(saved).toMatchObject({ ok: true });
  });

  test('two managers checking at once take each step once: the Data check sheet is the one a single check makes', () => {
    const whole = withHistory(messyRegister());
    emu1Report(whole);
    const emu = withHistory(messyRegister());
    emu.scriptProperties['cr.dataCheck.rows'] = '5';
    let beside: { done: boolean } | null = null;
    duringStep(emu, 'runDataCheck', () => {
      beside = emu.scriptRun(ADMIN, 'runDataCheck', {}) as { done: boolean };
    });
    const report = emu.scriptRun(MANAGER, 'runDataCheck', {}) as { done: boolean };
    emu.hooks.beforeCall = undefined;
    expect(beside).toMatchObject({ done: true });
    expect(report).toMatchObject({ done: true });
    expect(rowsOf(emu)).toEqual(rowsOf(whole));
  });
});

describe('the weekly data check in the daily run', () => {
  const checkedAt = (emu: Emu) =>
    emu.spreadsheet.sheetNames().includes('Data check') ? rowsOf(emu)[0][1] : null;

  test('runs with the daily trigger once a week, never through a trigger of its own', () => {
    const emu = messyRegister(MORNING);
    emu.run(ADMIN, 'turnRemindersOn');
    emu.advanceClock(`${TODAY}T01:30:00Z`);
    expect(checkedAt(emu)).toBe('Checked at: 2026-11-23 09:00');
    emu.advanceClock('2026-11-29T01:30:00Z');
    expect(checkedAt(emu)).toBe('Checked at: 2026-11-23 09:00');
    emu.advanceClock('2026-11-30T01:30:00Z');
    expect(checkedAt(emu)).toBe('Checked at: 2026-11-30 09:00');
    expect(
      emu
        .triggers()
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['guardEdit', 'runReminders']);
  });

  test('a check that would not finish in the time left waits for the continuation a minute later', () => {
    const emu = messyRegister(MORNING);
    fillDueCustomers(emu, 10, { due: 10, today: TODAY });
    emu.run(ADMIN, 'turnRemindersOn');
    // The reminders' ten sends take over three minutes of the six, and all go out.
    emu.hooks.extraCost = (info) => (info.method === 'sendEmail' ? 19 * 1000 : 0);
    emu.advanceClock(`${TODAY}T01:00:30Z`);
    expect(emu.outbox.filter((m) => m.to[0]?.endsWith('@example.net'))).toHaveLength(10);
    expect(checkedAt(emu)).toBeNull();
    expect(emu.triggers().some((t) => t.handler === 'continueReminders')).toBe(true);
    emu.hooks.extraCost = undefined;
    emu.advanceClock(`${TODAY}T01:10:00Z`);
    expect(checkedAt(emu)).toMatch(/^Checked at: 2026-11-23 09:0\d$/);
  });
});
