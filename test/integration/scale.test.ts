// Every sidebar action moves the same cells at 1,000 and 10,000 customers (dist/Code.js in the emulator), and IDs come from a counter that never reuses one.
/// <reference types="google-apps-script" />
import type { Emulator } from '../../emulator/src';
import { fillDueCustomers } from '../fixtures/due-register';
import { columnsOf, teamRegister, workbook } from '../helpers/register';
import { CLERK, MANAGER, VIEWER } from '../helpers/users';

type Save = { ok: boolean; id?: string; version?: string };

/** A register of `n` customers, with one save done (the first save seeds the ID counter from the column). */
function registerOf(n: number) {
  const emu = teamRegister();
  fillDueCustomers(emu, n, { due: 0, today: '2026-11-23' });
  emu.scriptRun(CLERK, 'createCustomer', {
    values: { customerType: 'individual', name: 'Seed', status: 'active' },
  });
  return emu;
}

/** Sheet calls and cells moved by one call as the user: what must not grow with the register. */
function cost(emu: Emulator, user: string, fn: string, arg: unknown) {
  const result = emu.scriptRun(user, fn, arg);
  const last = emu.meter.last;
  return { result, sheetCalls: last?.sheetCalls, cells: last?.cells };
}

const actions: [string, string, (emu: Emulator) => unknown][] = [
  ['search by a name many customers share', 'findCustomers', () => ({ query: '客户 9' })],
  ['search by a phone', 'findCustomers', () => ({ query: '139 0000 0500' })],
  [
    // A save that meets a likely duplicate stops there and writes nothing: the duplicate check alone.
    'a duplicate check',
    'createCustomer',
    () => ({
      values: { customerType: 'individual', name: 'Customer 500', phone: '+8613900000500', status: 'active' },
    }),
  ],
  [
    'a save',
    'createCustomer',
    () => ({
      values: { customerType: 'individual', name: '张 伟', email: 'zw@example.cn', status: 'active' },
    }),
  ],
  ['a load', 'getCustomer', () => ({ id: 'C-000500' })],
  [
    'an update',
    'updateCustomer',
    (emu) => ({
      id: 'C-000500',
      version: (emu.scriptRun(CLERK, 'getCustomer', { id: 'C-000500' }) as { version: string }).version,
      changes: { city: '杭州' },
    }),
  ],
  [
    'an interaction logged',
    'logInteraction',
    () => ({
      values: { date: '2026-11-20', customerId: 'C-000500', kind: 'consultation', summary: 'Asked' },
    }),
  ],
  ['property listed', 'findProperty', () => ({ customerId: 'C-000500' })],
];

describe('the same cells at 1,000 and 10,000 customers', () => {
  const small = registerOf(1000);
  const large = registerOf(10000);
  test.each(actions)('%s', (_what, fn, arg) => {
    const a = cost(small, CLERK, fn, arg(small));
    const b = cost(large, CLERK, fn, arg(large));
    // A save gives the next ID of each register; every other answer is the same.
    if (fn === 'createCustomer' && (a.result as { ok: boolean }).ok)
      expect([a.result, b.result]).toMatchObject([{ ok: true }, { ok: true }]);
    else expect(b.result).toEqual(a.result);
    expect({ sheetCalls: b.sheetCalls, cells: b.cells }).toEqual({
      sheetCalls: a.sheetCalls,
      cells: a.cells,
    });
  });

  test('an approval', () => {
    const costs = [small, large].map((emu) => {
      const made = emu.scriptRun(CLERK, 'createCustomer', {
        values: { customerType: 'company', name: 'Zhou', company: '杭州某公司', status: 'active' },
      }) as Save;
      const r = cost(emu, MANAGER, 'approveCustomer', { id: made.id, version: made.version });
      expect(r.result).toMatchObject({ ok: true });
      return { sheetCalls: r.sheetCalls, cells: r.cells };
    });
    expect(costs[1]).toEqual(costs[0]);
  });

  test('a search finds what the whole-column scan found: exact ID first, then names, at most 20 and "more"', () => {
    const found = small.scriptRun(VIEWER, 'findCustomers', { query: 'customer 2' }) as {
      results: { id: string; name: string }[];
      more: boolean;
    };
    expect(found.results).toHaveLength(20);
    expect(found.more).toBe(true);
    expect(found.results[0].name).toBe('Customer 2');
    expect(found.results.every((r) => r.name.toLowerCase().includes('customer 2'))).toBe(true);
  });
});

describe('IDs', () => {
  const sheet = (emu: Emulator) =>
    workbook(emu).getActive().getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
  const save = (emu: Emulator, name: string) =>
    (
      emu.scriptRun(CLERK, 'createCustomer', {
        values: { customerType: 'individual', name, status: 'active' },
      }) as Save
    ).id;

  test('the last customer deleted: its ID is not given again', () => {
    const emu = teamRegister();
    expect([save(emu, 'A'), save(emu, 'B')]).toEqual(['C-000001', 'C-000002']);
    expect(emu.deleteRows(MANAGER, 'Customers', 3, 1)).toEqual({ ok: true });
    expect(save(emu, 'C')).toBe('C-000003');
  });

  test('an ID typed or imported past the counter is skipped, never doubled', () => {
    const emu = teamRegister();
    save(emu, 'A');
    // An import wrote C-000002 and C-000007 without the add-on.
    sheet(emu)
      .getRange(3, columnsOf(sheet(emu)).id, 2, 1)
      .setValues([['C-000002'], ['C-000007']]);
    expect(save(emu, 'B')).toBe('C-000008');
    expect(save(emu, 'C')).toBe('C-000009');
  });

  test('interactions and property count their own IDs', () => {
    const emu = teamRegister();
    const customer = save(emu, 'A');
    const log = () =>
      (
        emu.scriptRun(CLERK, 'logInteraction', {
          values: { date: '2026-11-20', customerId: customer, kind: 'consultation', summary: 'Asked' },
        }) as Save
      ).id;
    expect([log(), log()]).toEqual(['I-000001', 'I-000002']);
  });
});
