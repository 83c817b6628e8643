// Comparing and restoring a backup in steps on dist/Code.js: calls that go on with `next`, merged as the sidebar merges them, and cells bounded by what is restored.
/// <reference types="google-apps-script" />
import { messages } from '../../emulator/src';
import { columnLetter } from '../../src/domain/a1';
import { fillDueCustomers } from '../fixtures/due-register';
import { columnsOf, recordsOf, stateOf, teamRegister, workbook } from '../helpers/register';
import { ADMIN, CLERK, MANAGER } from '../helpers/users';

const TODAY = '2026-11-23';

type Emu = ReturnType<typeof teamRegister>;
type Cursor = { sheet: number; from: number; after?: string };
type SheetComparison = {
  sheet: string;
  added: number;
  removed: string[];
  removedCount: number;
  changed: { id: string; fields: string[] }[];
  changedCount: number;
};
type Comparison = { sheets: SheetComparison[]; next: Cursor | null };
type Restored = { records: number; message: string; next: Cursor | null };

function register(customers: number) {
  const emu = teamRegister({ now: `${TODAY}T00:00:00Z` });
  fillDueCustomers(emu, customers, { due: 0, today: TODAY });
  return emu;
}

function sheetOf(emu: Emu, name: string) {
  return workbook(emu).getActive().getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
}

/** Sets a customer's cell by ID, as a person typing in the grid would (no audit, no onEdit in a fixture). */
function setCustomer(emu: Emu, id: string, key: string, value: unknown) {
  const row = recordsOf(emu, 'Customers').findIndex((r) => r.id === id) + 2;
  const sheet = sheetOf(emu, 'Customers');
  sheet.getRange(row, columnsOf(sheet)[key]).setValue(value);
}

function deleteCustomer(emu: Emu, id: string) {
  sheetOf(emu, 'Customers').deleteRow(recordsOf(emu, 'Customers').findIndex((r) => r.id === id) + 2);
}

function backUp(emu: Emu): string {
  return (emu.scriptRun(ADMIN, 'backupNow', {}) as { backups: { id: string }[] }).backups[0].id;
}

/**
 * Four rows a step, and every read takes `readMs`: a step is a few minutes, so a call fits one or two and a
 * register of a few dozen customers needs several calls. `kill` says when the execution dies.
 */
function slowSteps(emu: Emu, readMs: number, kill?: () => boolean) {
  emu.scriptProperties['cr.restore.rows'] = '4';
  emu.hooks.extraCost = (info) => {
    if (kill?.()) return 6 * 60 * 1000;
    return info.method === 'Range.getValues' ? readMs : 0;
  };
}

/** The sidebar's merge: counts add up, lists join up to 200 rows a sheet. */
function merge(into: SheetComparison[], more: SheetComparison[]) {
  for (const s of more) {
    const had = into.find((x) => x.sheet === s.sheet);
    if (!had) {
      into.push(structuredClone(s));
      continue;
    }
    had.added += s.added;
    had.removedCount += s.removedCount;
    had.changedCount += s.changedCount;
    had.removed = [...had.removed, ...s.removed].slice(0, 200);
    had.changed = [...had.changed, ...s.changed].slice(0, 200);
  }
}

function compareAll(emu: Emu, id: string, between?: (call: number, reply: Comparison) => void) {
  const sheets: SheetComparison[] = [];
  let next: Cursor | null = null;
  let calls = 0;
  do {
    const reply = emu.scriptRun(ADMIN, 'compareBackup', next ? { id, next } : { id }) as Comparison;
    merge(sheets, reply.sheets);
    next = reply.next;
    calls++;
    if (next) between?.(calls, reply);
  } while (next && calls < 30);
  expect(next).toBeNull();
  return { sheets, calls };
}

const customersOf = (c: { sheets: SheetComparison[] }) => c.sheets.find((s) => s.sheet === 'Customers');
const callsOf = (emu: Emu, fn: string) => emu.meter.executions.filter((e) => e.fn === fn);

describe('a comparison in steps', () => {
  test('compared four rows a step over several calls, the merged result is the one-call result, each call in time', () => {
    const emu = register(22);
    const id = backUp(emu);
    setCustomer(emu, 'C-000001', 'name', 'Overwritten');
    setCustomer(emu, 'C-000014', 'email', 'wrong@example.net');
    setCustomer(emu, 'C-000021', 'city', 'Lyon');
    deleteCustomer(emu, 'C-000009');
    emu.scriptRun(CLERK, 'createCustomer', {
      values: { customerType: 'individual', name: 'New since', status: 'active' },
    });
    const oneCall = emu.scriptRun(ADMIN, 'compareBackup', { id }) as Comparison;
    expect(oneCall.next).toBeNull();
    expect(customersOf(oneCall)).toMatchObject({
      added: 1,
      removed: ['C-000009'],
      changed: [
        { id: 'C-000001', fields: ['name'] },
        { id: 'C-000014', fields: ['email'] },
        { id: 'C-000021', fields: ['city'] },
      ],
    });

    slowSteps(emu, 50 * 1000);
    const start = emu.meter.executions.length;
    const stepped = compareAll(emu, id);
    emu.hooks.extraCost = undefined;
    expect(stepped.calls).toBeGreaterThan(3);
    expect(stepped.sheets).toEqual(oneCall.sheets);
    const runs = emu.meter.executions.slice(start);
    expect(runs.every((e) => !e.error && e.modelledMs <= 270 * 1000)).toBe(true);
  });

  test('rows deleted above the cursor between calls neither skip nor repeat a record; the rule for changes made meanwhile', () => {
    const emu = register(20);
    const id = backUp(emu);
    // Changed before the comparison starts: C-000005 is the first record of the second step.
    setCustomer(emu, 'C-000005', 'email', 'changed@example.net');
    setCustomer(emu, 'C-000012', 'name', 'Changed before');
    slowSteps(emu, 50 * 1000);
    const merged = compareAll(emu, id, (call, reply) => {
      if (call !== 1) return;
      // The first call compared Customers' first block: C-000001 to C-000004.
      expect(reply.next).toMatchObject({ sheet: 0, from: 4, after: 'C-000004' });
      // Meanwhile a row above the cursor goes (every later row moves up one), one already compared and one not
      // yet compared are edited, and a customer is added.
      deleteCustomer(emu, 'C-000002');
      setCustomer(emu, 'C-000003', 'name', 'Changed in a compared block');
      setCustomer(emu, 'C-000016', 'name', 'Changed in a later block');
      emu.scriptRun(CLERK, 'createCustomer', {
        values: { customerType: 'individual', name: 'New since', status: 'active' },
      });
    });
    emu.hooks.extraCost = undefined;
    const customers = customersOf(merged);
    // Each record is compared once, as its block is when read: the moved rows are neither skipped nor repeated,
    // a block already compared is not read again; deleted and added are those of the sheet's first step.
    expect(customers?.changed).toEqual([
      { id: 'C-000005', fields: ['email'] },
      { id: 'C-000012', fields: ['name'] },
      { id: 'C-000016', fields: ['name'] },
    ]);
    expect(customers).toMatchObject({ changedCount: 3, removedCount: 0, added: 0 });
    // Compared again, everything that happened meanwhile shows.
    const again = emu.scriptRun(ADMIN, 'compareBackup', { id }) as Comparison;
    expect(customersOf(again)).toMatchObject({ removed: ['C-000002'], added: 1, changedCount: 4 });
  });
});

describe('a restore in steps', () => {
  test('restoring a few records reads the same cells from a register of 20 or 600 customers', () => {
    const cellsFor = (size: number) => {
      const emu = register(size);
      const id = backUp(emu);
      setCustomer(emu, 'C-000001', 'name', 'Overwritten');
      setCustomer(emu, 'C-000002', 'email', 'wrong@example.net');
      setCustomer(emu, 'C-000003', 'city', 'Lyon');
      setCustomer(emu, 'C-000006', 'city', 'Lyon');
      deleteCustomer(emu, 'C-000004');
      const report = emu.scriptRun(ADMIN, 'restoreBackup', {
        id,
        records: ['C-000001', 'C-000002', 'C-000003', 'C-000004', 'C-000006'].map((x) => ({
          sheet: 'Customers',
          id: x,
        })),
      }) as Restored;
      expect(report).toMatchObject({ records: 5, next: null });
      const after = recordsOf(emu, 'Customers');
      expect(after.find((c) => c.id === 'C-000001')?.name).toBe('Customer 0');
      expect(after.find((c) => c.id === 'C-000004')?.name).toBe('客户 3');
      expect(after.find((c) => c.id === 'C-000006')?.city).not.toBe('Lyon');
      return callsOf(emu, 'restoreBackup').at(-1);
    };
    const small = cellsFor(20);
    const large = cellsFor(600);
    // A whole-sheet read would move 30 times the cells; the records' own rows and the header are all it reads.
    expect(large?.cells).toBe(small?.cells);
    expect(large?.sheetCalls).toBe(small?.sheetCalls);
  });

  /** The damage: names overwritten, three customers deleted, one added since (kept by a restore). */
  function damaged() {
    const emu = register(30);
    const id = backUp(emu);
    const before = recordsOf(emu, 'Customers');
    for (let i = 1; i <= 10; i++) setCustomer(emu, `C-${String(i).padStart(6, '0')}`, 'name', `Wrong ${i}`);
    for (const gone of ['C-000015', 'C-000020', 'C-000025']) deleteCustomer(emu, gone);
    emu.scriptRun(CLERK, 'createCustomer', {
      values: { customerType: 'individual', name: 'New since', status: 'active' },
    });
    return { emu, id, before };
  }

  /** The register compares equal to the snapshot, but for the customer added since, which a restore keeps. */
  const sameAsSnapshot = (emu: Emu, id: string, before: Record<string, unknown>[]) => {
    const diff = customersOf(emu.scriptRun(ADMIN, 'compareBackup', { id }) as Comparison);
    expect(diff).toMatchObject({ changedCount: 0, removedCount: 0, added: 1 });
    const names = new Map(recordsOf(emu, 'Customers').map((r) => [r.id, r.name]));
    expect(before.map((r) => names.get(r.id))).toEqual(before.map((r) => r.name));
  };

  const restoreAudit = (emu: Emu) =>
    recordsOf(emu, 'Audit')
      .filter((a) => a.source === 'Restore from backup')
      .map((a) => `${a.action} ${a.record} ${a.field}`);

  const expectedAudit = [
    ...Array.from({ length: 10 }, (_, i) => `Update C-${String(i + 1).padStart(6, '0')} name`),
    'Create C-000015 ',
    'Create C-000020 ',
    'Create C-000025 ',
  ];

  test('a whole Customers sheet restored a chunk a step ends as the snapshot, audited, every call in time', () => {
    const { emu, id, before } = damaged();
    slowSteps(emu, 30 * 1000);
    let next: Cursor | null = null;
    const replies: Restored[] = [];
    do {
      const reply = emu.scriptRun(ADMIN, 'restoreBackup', {
        id,
        sheets: ['Customers'],
        ...(next ? { next } : {}),
      }) as Restored;
      replies.push(reply);
      next = reply.next;
    } while (next && replies.length < 30);
    emu.hooks.extraCost = undefined;
    expect(next).toBeNull();
    expect(replies.length).toBeGreaterThan(3);
    expect(replies[0].message).toMatch(/^Restore under way: \d+ records restored in this step/);
    expect(replies.reduce((n, r) => n + r.records, 0)).toBe(13);
    sameAsSnapshot(emu, id, before);
    expect(restoreAudit(emu).sort()).toEqual([...expectedAudit].sort());
    // A step starts only when it is expected to end by 4 minutes (a step's length varies: margin to 5.5).
    expect(callsOf(emu, 'restoreBackup').every((e) => !e.error && e.modelledMs < 330 * 1000)).toBe(true);
    // Nothing left to restore: sent again from the start, it writes nothing.
    const customers = JSON.stringify(recordsOf(emu, 'Customers'));
    const again = emu.scriptRun(ADMIN, 'restoreBackup', { id, sheets: ['Customers'] }) as Restored;
    expect(again.records).toBe(0);
    expect(restoreAudit(emu)).toHaveLength(expectedAudit.length);
    expect(again.next).toBeNull();
    expect(JSON.stringify(recordsOf(emu, 'Customers'))).toBe(customers);
  });

  test('a restore killed in the middle of a step, sent again with the same next, ends as one never killed', () => {
    const { emu, id, before } = damaged();
    let next: Cursor | null = null;
    let calls = 0;
    let killed = false;
    // The second call dies in the middle of its step: its Audit rows written, the names not yet.
    const auditRows = () => emu.spreadsheet.values('Audit').length;
    let auditBefore = 0;
    slowSteps(emu, 30 * 1000, () => {
      if (killed || calls !== 1 || auditRows() === auditBefore) return false;
      killed = true;
      return true;
    });
    do {
      auditBefore = auditRows();
      const req: Record<string, unknown> = { id, sheets: ['Customers'], ...(next ? { next } : {}) };
      try {
        next = (emu.scriptRun(ADMIN, 'restoreBackup', req) as Restored).next;
      } catch (e) {
        expect(String(e)).toContain(messages.maxExecutionTime);
        expect(calls).toBe(1);
      }
      calls++;
    } while ((next || calls === 2) && calls < 30);
    emu.hooks.extraCost = undefined;
    expect(killed).toBe(true);
    expect(next).toBeNull();
    sameAsSnapshot(emu, id, before);
    // Every change audited; the step that died had written its Audit rows first, so none is missing.
    expect([...new Set(restoreAudit(emu))].sort()).toEqual([...expectedAudit].sort());
  });

  test('rows sorted between finding a chunk’s records and writing them: the sheet is restored again from its first record', () => {
    const { emu, id, before } = damaged();
    emu.scriptProperties['cr.restore.rows'] = '4';
    // A person sorts by name, Z to A, just before the first write of a chunk that changes something.
    let sorted = false;
    emu.hooks.beforeCall = (info) => {
      if (sorted || info.fn !== 'restoreBackup' || !info.method.endsWith('setValues')) return;
      sorted = true;
      const sheet = sheetOf(emu, 'Customers');
      const a1 = `A2:${columnLetter(sheet.getLastColumn())}${sheet.getLastRow()}`;
      expect(
        emu.sortRange(ADMIN, 'Customers', a1, { column: columnsOf(sheet).name, ascending: false }),
      ).toEqual({
        ok: true,
      });
    };
    let next: Cursor | null = null;
    let calls = 0;
    do {
      next = (
        emu.scriptRun(ADMIN, 'restoreBackup', {
          id,
          sheets: ['Customers'],
          ...(next ? { next } : {}),
        }) as Restored
      ).next;
      calls++;
    } while (next && calls < 30);
    emu.hooks.beforeCall = undefined;
    expect(sorted).toBe(true);
    expect(next).toBeNull();
    expect(
      emu.logs.some((l) =>
        /Restore: rows of Customers moved under its write; restoring the sheet again/.test(l),
      ),
    ).toBe(true);
    sameAsSnapshot(emu, id, before);
  });

  test('a manager or a clerk going on with a step is refused, and nothing is written', () => {
    const { emu, id } = damaged();
    const next = { sheet: 0, from: 4, after: 'C-000004' };
    for (const who of [MANAGER, CLERK])
      for (const [fn, arg] of [
        ['compareBackup', { id, next }],
        ['restoreBackup', { id, sheets: ['Customers'], next }],
        ['restoreBackup', { id, records: [{ sheet: 'Customers', id: 'C-000001' }] }],
      ] as const) {
        const state = stateOf(emu);
        expect(() => emu.scriptRun(who, fn, arg)).toThrow(/Only Admin/);
        expect(stateOf(emu)).toBe(state);
      }
  });
});
