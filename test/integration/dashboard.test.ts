// The Dashboard on dist/Code.js: summary tables, native charts drawn from them and kept as people restyle them, refusals, fixed calls.
/// <reference types="google-apps-script" />
import { fillDueCustomers } from '../fixtures/due-register';
import { callAs } from '../helpers/call-as';
import { columnsOf, stateOf, teamRegister, useChinese, workbook } from '../helpers/register';
import { ADMIN, CLERK, VIEWER } from '../helpers/users';

const TODAY = '2026-11-23';
const MORNING = `${TODAY}T00:00:00Z`;

type Emu = ReturnType<typeof teamRegister>;

function sheetOf(emu: Emu, name: string) {
  return workbook(emu).getActive().getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
}

function register(n = 12) {
  const emu = teamRegister({ now: MORNING });
  fillDueCustomers(emu, n, {
    due: 3,
    today: TODAY,
    rows: {
      0: { status: 'Lost', country: 'China' },
      1: { status: 'Prospect', country: 'Japan' },
      2: { country: 'China' },
    },
  });
  emu.scriptRun(CLERK, 'logInteraction', {
    values: { date: '2026-11-02', customerId: 'C-000001', kind: 'complaint', summary: 'Late' },
  });
  emu.scriptRun(CLERK, 'receiveProperty', {
    values: {
      customerId: 'C-000002',
      item: 'Watch',
      receivedDate: '2026-10-01',
      expectedReturn: '2026-11-01',
      state: 'received',
    },
  });
  return emu;
}

/** A table of the Dashboard by its title: its rows under the header, as [label, ...values]. */
function table(emu: Emu, title: string): unknown[][] {
  const rows = emu.spreadsheet.values('Dashboard') as unknown[][];
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r].indexOf(title);
    if (c < 0) continue;
    const out: unknown[][] = [];
    for (let i = r + 2; i < rows.length && rows[i][c] !== ''; i++) out.push(rows[i].slice(c, c + 3));
    return out;
  }
  throw new Error(`no table ${title}`);
}

const charts = (emu: Emu) => emu.spreadsheet.state.sheets.find((s) => s.name === 'Dashboard')?.charts ?? [];

describe('the Dashboard', () => {
  test('summary tables of the register, each drawn by a native chart over its own cells', () => {
    const emu = register();
    const report = emu.scriptRun(CLERK, 'refreshDashboard', {}) as { message: string };
    expect(report.message).toBe('The Dashboard sheet is up to date.');
    const status = table(emu, 'Customers by status');
    expect(status.find((r) => r[0] === 'Active')?.[1]).toBe(10);
    expect(status.find((r) => r[0] === 'Lost')?.[1]).toBe(1);
    expect(table(emu, 'Customers by country').slice(0, 3)).toEqual(
      expect.arrayContaining([
        ['China', 2, ''],
        ['Japan', 1, ''],
      ]),
    );
    expect(table(emu, 'Reviews due in the next 8 weeks')[0][0]).toBe(TODAY);
    const kinds = table(emu, 'Interactions per month by kind');
    expect(kinds.at(-1)?.[0]).toBe('2026-11');
    expect(table(emu, 'Property held by state')).toEqual(expect.arrayContaining([['Returns overdue', 1]]));

    const drawn = charts(emu);
    expect(drawn).toHaveLength(10);
    expect(drawn.map((c) => c.type)).toEqual([
      'PIE',
      'PIE',
      'BAR',
      'BAR',
      'COLUMN',
      'COLUMN',
      'COLUMN',
      'COLUMN',
      'COLUMN',
      'BAR',
    ]);
    expect(drawn[0].options.title).toBe('Customers by status');
    // The status chart reads the status table: its header row and one row per status.
    const sheet = sheetOf(emu, 'Dashboard');
    const r = drawn[0].ranges[0];
    const cells = sheet.getRange(r.r, r.c, r.nr, r.nc).getValues();
    expect(cells[0]).toEqual(['', 'Customers']);
    expect(cells.slice(1)).toEqual(status.map((x) => x.slice(0, 2)));
  });

  test('a refresh keeps the charts people restyled or moved, follows the tables, and redraws one deleted by hand', () => {
    const emu = register();
    emu.scriptRun(CLERK, 'refreshDashboard', {});
    const sheet = sheetOf(emu, 'Dashboard');
    const [status, tier] = sheet.getCharts();
    sheet.updateChart(
      status.modify().setOption('title', 'Ours').setPosition(40, 2, 0, 0).asBarChart().build(),
    );
    sheet.removeChart(tier);
    // A new country makes the country table one row longer.
    const customers = sheetOf(emu, 'Customers');
    customers.getRange(5, columnsOf(customers).country).setValue('France');
    emu.scriptRun(CLERK, 'refreshDashboard', {});
    const after = charts(emu);
    expect(after).toHaveLength(10);
    expect(after[0]).toMatchObject({
      type: 'BAR',
      options: { title: 'Ours' },
      position: { row: 40, column: 2 },
    });
    expect(after.find((c) => c.options.title === 'Customers by tier')).toBeDefined();
    const country = after.find((c) => c.options.title === 'Customers by country');
    expect(country?.ranges[0].nr).toBe(table(emu, 'Customers by country').length + 1);
  });

  test('labels follow the register’s language, the charts’ titles too unless people retitled them', () => {
    const emu = teamRegister({ now: MORNING });
    emu.scriptRun(CLERK, 'refreshDashboard', {});
    const dashboard = sheetOf(emu, 'Dashboard');
    const tier = dashboard.getCharts()[1];
    dashboard.updateChart(tier.modify().setOption('title', 'Our tiers').build());
    useChinese(emu);
    emu.scriptRun(CLERK, 'refreshDashboard', {});
    expect(table(emu, '按状态统计客户').map((r) => r[0])).toContain('活跃');
    expect(charts(emu)[0].options.title).toBe('按状态统计客户');
    expect(charts(emu)[1].options.title).toBe('Our tiers');
    expect(charts(emu)).toHaveLength(10);
  });

  test('purchases and overdue amounts per month, in columns per currency, never added across currencies', () => {
    const emu = register(2);
    const buy = (values: Record<string, unknown>) =>
      callAs(emu, CLERK, 'recordPurchase', { values: { customerId: 'C-000001', ...values } });
    buy({ date: '2026-10-03', amount: 1000, dueDate: '2026-10-31' });
    buy({ date: '2026-10-20', amount: 250.5, paidDate: '2026-10-21' });
    buy({ date: '2026-11-02', amount: 99.99, currency: 'USD', dueDate: '2026-11-10' });
    buy({ date: '2026-11-05', amount: 40, currency: 'USD', dueDate: '2026-12-05' });
    buy({ date: '2025-03-01', amount: 70, dueDate: '2025-04-01' });
    emu.scriptRun(CLERK, 'refreshDashboard', {});
    const rows = emu.spreadsheet.values('Dashboard') as unknown[][];
    const title = 'Purchases and overdue amounts per month';
    const r = rows.findIndex((row) => row.includes(title));
    const c = rows[r].indexOf(title);
    expect(rows[r + 1].slice(c, c + 5)).toEqual([
      'Month',
      'Purchases CNY',
      'Overdue CNY',
      'Purchases USD',
      'Overdue USD',
    ]);
    const body = rows.slice(r + 2, r + 16).map((x) => x.slice(c, c + 5));
    // A debt older than the months shown leads in a row of its own.
    expect(body[0]).toEqual(['Earlier', '', 70, '', 0]);
    expect(body.find((x) => x[0] === '2026-10')).toEqual(['2026-10', 1250.5, 1000, 0, 0]);
    expect(body.find((x) => x[0] === '2026-11')).toEqual(['2026-11', 0, 0, 139.99, 99.99]);
    expect(body.filter((x) => x[0] !== '')).toHaveLength(13);
    const chart = charts(emu).find((x) => x.options.title === title);
    expect(chart).toMatchObject({ type: 'COLUMN', options: { legend: { position: 'right' } } });
    expect(chart?.ranges[0]).toMatchObject({ c: c + 1, nc: 5, nr: 14 });
  });

  test('a viewer is refused and nothing is written', () => {
    const emu = register();
    const before = stateOf(emu);
    expect(() => emu.scriptRun(VIEWER, 'refreshDashboard', {})).toThrow(/Only/);
    expect(stateOf(emu)).toBe(before);
  });

  test('the daily run refreshes it every day', () => {
    const emu = register();
    emu.run(ADMIN, 'turnRemindersOn');
    emu.advanceClock(`${TODAY}T01:30:00Z`);
    expect((emu.spreadsheet.values('Dashboard') as unknown[][])[0][1]).toBe('Refreshed at: 2026-11-23 09:00');
    emu.advanceClock('2026-11-24T01:30:00Z');
    expect((emu.spreadsheet.values('Dashboard') as unknown[][])[0][1]).toBe('Refreshed at: 2026-11-24 09:00');
    expect(charts(emu)).toHaveLength(10);
  });

  test('a refresh whose last run took more than a fresh execution has is not started whole again, and the admins are told', () => {
    const emu = register();
    emu.run(ADMIN, 'turnRemindersOn');
    // The register has grown: the refresh took 280 s (its two chart listings 140 s each), more than the 270 s
    // any execution can give a whole job.
    emu.hooks.extraCost = (info) => (info.method === 'Sheet.getCharts' ? 140 * 1000 : 0);
    emu.advanceClock(`${TODAY}T01:30:00Z`);
    emu.advanceClock('2026-11-24T01:30:00Z');
    // Not started, and no continuation left waiting for a time that never comes.
    expect((emu.spreadsheet.values('Dashboard') as unknown[][])[0][1]).toBe('Refreshed at: 2026-11-23 09:00');
    expect(emu.triggers().some((t) => t.handler === 'continueReminders')).toBe(false);
    expect(emu.logs.some((l) => /Care job dashboard not started: it takes about 28\d{4} ms/.test(l))).toBe(
      true,
    );
    expect(emu.meter.executions.every((e) => !e.error)).toBe(true);
    emu.advanceClock('2026-11-25T01:30:00Z');
    const note = (day: string) =>
      emu.outbox
        .filter((m) => m.to[0] === ADMIN && m.subject.includes(day))
        .map((m) => m.body.split('\n')[0]);
    expect(note('2026-11-25')).toEqual([
      expect.stringMatching(
        /^Note for admins: the daily run no longer starts the dashboard refresh: it takes about 4\.\d min, more than one execution of the daily run can give it\. Run it with Refresh dashboard in the add-on’s menu/,
      ),
    ]);
    // A refresh by hand that ends in time tells the daily run it fits again, and the note goes.
    emu.hooks.extraCost = undefined;
    emu.scriptRun(ADMIN, 'refreshDashboard', {});
    emu.advanceClock('2026-11-26T01:30:00Z');
    expect((emu.spreadsheet.values('Dashboard') as unknown[][])[0][1]).toBe('Refreshed at: 2026-11-26 09:00');
    expect(note('2026-11-26').join('')).not.toMatch(/no longer starts/);
  });

  test('a refresh stopped half-way with its execution is known to take longer than any execution has', () => {
    const emu = register();
    emu.run(ADMIN, 'turnRemindersOn');
    emu.hooks.extraCost = (info) => (info.method === 'Sheet.getCharts' ? 420 * 1000 : 0);
    emu.advanceClock(`${TODAY}T01:30:00Z`);
    expect(emu.meter.executions.at(-1)?.error).toMatch(/Exceeded maximum execution time/);
    emu.hooks.extraCost = undefined;
    emu.advanceClock('2026-11-25T01:30:00Z');
    expect(emu.logs.filter((l) => /Care job dashboard not started/.test(l))).toHaveLength(2);
    expect(emu.meter.executions.slice(-2).every((e) => !e.error)).toBe(true);
  });

  test('a clerk’s save while the refresh reads the register goes through: only its writes take the lock', () => {
    const emu = register();
    let saved: unknown = null;
    let marked = false;
    emu.hooks.beforeCall = (info) => {
      if (saved || info.fn !== 'refreshDashboard') return;
      // The first read after the refresh first takes the lock (to mark that it started): a read of the register.
      if (info.method === 'waitLock') marked = true;
      if (!marked || !info.method.endsWith('getValues')) return;
      saved = emu.scriptRun(CLERK, 'createCustomer', {
        values: { customerType: 'individual', name: 'Saved mid-refresh', status: 'active' },
      });
    };
    emu.scriptRun(ADMIN, 'refreshDashboard', {});
    emu.hooks.beforeCall = undefined;
    expect(saved).toMatchObject({ ok: true });
    expect(charts(emu)).toHaveLength(10);
  });

  test('makes the same number of sheet calls at 50 and at 2,000 customers', () => {
    const calls = (n: number) => {
      const emu = teamRegister({ now: MORNING });
      fillDueCustomers(emu, n, { due: 5, today: TODAY });
      emu.scriptRun(CLERK, 'refreshDashboard', {});
      const first = emu.meter.last?.sheetCalls;
      emu.scriptRun(CLERK, 'refreshDashboard', {});
      return [first, emu.meter.last?.sheetCalls];
    };
    expect(calls(2000)).toEqual(calls(50));
  });
});
