// Values land in the right column and on the right row after people move columns, insert their own, sort or delete rows.
/// <reference types="google-apps-script" />
import { columnLetter } from '../../src/domain/a1';
import type { SaveResult, WireRecord } from '../../src/shared/rpc';
import { callAs, saved as ok } from '../helpers/call-as';
import { columnsOf, recordsOf, teamRegister, workbook } from '../helpers/register';
import { ADMIN, CLERK, MANAGER } from '../helpers/users';

type Emu = ReturnType<typeof teamRegister>;

const base = { customerType: 'individual', status: 'active', country: 'CN' };

function sheetOf(emu: Emu, name: string) {
  return workbook(emu).getActive().getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
}

function create(emu: Emu, user: string, values: WireRecord): SaveResult {
  return callAs(emu, user, 'createCustomer', { values: { ...base, ...values } });
}

function versionOf(emu: Emu, user: string, id: string): string {
  return callAs(emu, user, 'getCustomer', { id }).version;
}

function customer(emu: Emu, id: string) {
  return recordsOf(emu, 'Customers').find((r) => r.id === id) as Record<string, unknown>;
}

/** An admin drags one of our columns (by field key) so that it lands before column `to`. */
function moveField(emu: Emu, sheetName: string, key: string, to: number) {
  const from = columnsOf(sheetOf(emu, sheetName))[key];
  expect(emu.moveColumns(ADMIN, sheetName, from, 1, to)).toEqual({ ok: true });
}

/** An admin inserts a column of their own before one of ours and types a header and a value in row 2. */
function insertOwnColumn(emu: Emu, sheetName: string, beforeKey: string, header: string) {
  const at = columnsOf(sheetOf(emu, sheetName))[beforeKey];
  expect(emu.insertColumns(ADMIN, sheetName, at, 1)).toEqual({ ok: true });
  expect(emu.edit(ADMIN, sheetName, `${columnLetter(at)}1`, header)).toEqual({ ok: true });
  expect(emu.edit(ADMIN, sheetName, `${columnLetter(at)}2`, 'keep me')).toEqual({ ok: true });
}

/** The admin's own column, found by its header (it carries no metadata of ours). */
function ownColumn(emu: Emu, sheetName: string, header: string): unknown[] {
  const values = emu.spreadsheet.values(sheetName);
  const c = values[0].indexOf(header);
  expect(c).toBeGreaterThanOrEqual(0);
  return values.map((r) => r[c]);
}

/** What an admin does to the Customers sheet (and their own column in Audit) after customer A was entered. */
const rearrangements: [string, (emu: Emu) => void][] = [
  ['City moved to the far right', (emu) => moveField(emu, 'Customers', 'city', lastColumn(emu) + 1)],
  ['Notes moved to column B', (emu) => moveField(emu, 'Customers', 'notes', 2)],
  ['an own column inserted before Street', (emu) => insertOwnColumn(emu, 'Customers', 'street', 'Desk')],
  [
    'an own column inserted before Credit rating',
    (emu) => insertOwnColumn(emu, 'Customers', 'creditRating', 'Desk'),
  ],
];

function lastColumn(emu: Emu) {
  return sheetOf(emu, 'Customers').getLastColumn();
}

describe.each(rearrangements)('after %s', (_, rearrange) => {
  function rearranged() {
    const emu = teamRegister();
    const a = ok(
      create(emu, CLERK, {
        name: 'Ann',
        phone: '13800138000',
        city: 'Shenzhen',
        street: '1 Binhai Road',
        postcode: '518000',
      }),
    );
    rearrange(emu);
    insertOwnColumn(emu, 'Audit', 'action', 'Checked');
    return { emu, a: a.id };
  }

  /** The admin's own column on Customers, when this arrangement made one: row 2 keeps its value, new rows stay blank. */
  function ownColumnKept(emu: Emu) {
    if (!emu.spreadsheet.values('Customers')[0].includes('Desk')) return;
    expect(
      ownColumn(emu, 'Customers', 'Desk')
        .slice(1)
        .filter((v) => v !== ''),
    ).toEqual(['keep me']);
  }

  test('a clerk’s new customer lands in its columns and leaves the admin’s columns alone', () => {
    const { emu } = rearranged();
    const b = ok(
      create(emu, CLERK, {
        name: 'Bo',
        phone: '13900139000',
        city: 'Hangzhou',
        street: '8 West Lake Road',
        postcode: '310000',
        notes: 'prefers mornings',
      }),
    );
    expect(customer(emu, b.id)).toMatchObject({
      name: 'Bo',
      city: 'Hangzhou',
      street: '8 West Lake Road',
      postcode: '310000',
      notes: 'prefers mornings',
      recordState: 'Pending review',
      enteredBy: CLERK,
    });
    ownColumnKept(emu);
    // The moved columns are found again from their tags in one read of the file, never three calls a column.
    const read = (m: string) => emu.meter.executions.reduce((n, e) => n + (e.calls[m] ?? 0), 0);
    expect(read('SpreadsheetApp.DeveloperMetadata.getValue')).toBe(0);
    expect(emu.meter.executions.filter((e) => e.fn === 'createCustomer').at(-1)?.sheetCalls).toBeLessThan(60);
    expect(recordsOf(emu, 'Audit').at(-1)).toMatchObject({ action: 'Create', record: b.id, user: CLERK });
    expect(
      ownColumn(emu, 'Audit', 'Checked')
        .slice(1)
        .every((v) => v === '' || v === 'keep me'),
    ).toBe(true);
  });

  test('an update writes each value into its own field and nothing else', () => {
    const { emu, a } = rearranged();
    const saved = callAs(emu, CLERK, 'updateCustomer', {
      id: a,
      version: versionOf(emu, CLERK, a),
      changes: { city: 'Guangzhou', street: '2 Tianhe Road' },
    });
    expect(saved).toMatchObject({ ok: true });
    expect(customer(emu, a)).toMatchObject({
      city: 'Guangzhou',
      street: '2 Tianhe Road',
      postcode: '518000',
      name: 'Ann',
      recordState: 'Pending review',
    });
    ownColumnKept(emu);
    const audit = recordsOf(emu, 'Audit').filter((r) => r.action === 'Update');
    expect(audit.map((r) => [r.field, r.oldValue, r.newValue])).toEqual([
      ['city', 'Shenzhen', 'Guangzhou'],
      ['street', '1 Binhai Road', '2 Tianhe Road'],
    ]);
  });

  test('a manager approves a pending entry after the move, and the stamps land in their columns', () => {
    const { emu, a } = rearranged();
    const approved = callAs(emu, MANAGER, 'approveCustomer', {
      id: a,
      version: versionOf(emu, MANAGER, a),
    });
    expect(approved).toMatchObject({ ok: true });
    expect(customer(emu, a)).toMatchObject({
      recordState: 'Approved',
      approvedBy: MANAGER,
      city: 'Shenzhen',
    });
    ownColumnKept(emu);
    expect(recordsOf(emu, 'Audit').at(-1)).toMatchObject({ action: 'Approve', record: a, user: MANAGER });
  });

  test('search and load read each field from its own column', () => {
    const { emu, a } = rearranged();
    const found = callAs(emu, ADMIN, 'findCustomers', { query: 'Ann' });
    expect(found.results.map((r) => r.id)).toEqual([a]);
    const loaded = callAs(emu, ADMIN, 'getCustomer', { id: a });
    expect(loaded.values).toMatchObject({ city: 'Shenzhen', street: '1 Binhai Road', postcode: '518000' });
  });
});

describe('rows sorted or deleted while a write is on its way', () => {
  /** Three customers entered by the clerk, pending review. */
  function three() {
    const emu = teamRegister();
    const ids = ['Ann', 'Bo', 'Cy'].map((name, i) => {
      return ok(create(emu, CLERK, { name, phone: `1380013800${i}` })).id;
    });
    return { emu, ids };
  }

  /**
   * Runs `act` once in the gap between the execution `fn` reading the record and writing it: at the first
   * call after its second range read under the lock (the record's row: the first read finds it).
   */
  function afterRowRead(emu: Emu, fn: string, act: () => void) {
    let locked = false;
    let reads = 0;
    let done = false;
    emu.hooks.beforeCall = (info) => {
      if (done || info.fn !== fn) return;
      if (info.method === 'waitLock') locked = true;
      else if (locked && reads >= 2) {
        done = true;
        act();
      } else if (locked && info.method.endsWith('getValues')) reads++;
    };
  }

  /** Runs `act` once, just before the execution `fn` first writes a range: the smallest gap there is. */
  function beforeFirstWrite(emu: Emu, fn: string, act: () => void) {
    let done = false;
    emu.hooks.beforeCall = (info) => {
      if (done || info.fn !== fn || !info.method.endsWith('setValues')) return;
      done = true;
      act();
    };
  }

  /** An admin sorts the data rows of Customers by name, Z to A. */
  function sortCustomersByNameDescending(emu: Emu) {
    const sheet = sheetOf(emu, 'Customers');
    const range = `A2:${columnLetter(sheet.getLastColumn())}${sheet.getLastRow()}`;
    const column = columnsOf(sheet).name;
    expect(emu.sortRange(ADMIN, 'Customers', range, { column, ascending: false })).toEqual({ ok: true });
  }

  test('an approval lands on its customer when the sheet is sorted between its read and its writes', () => {
    const { emu, ids } = three();
    const version = versionOf(emu, MANAGER, ids[0]);
    afterRowRead(emu, 'approveCustomer', () => sortCustomersByNameDescending(emu));
    const approved = callAs(emu, MANAGER, 'approveCustomer', { id: ids[0], version });
    emu.hooks.beforeCall = undefined;
    expect(approved).toMatchObject({ ok: true });
    const byId = Object.fromEntries(recordsOf(emu, 'Customers').map((r) => [r.id, r]));
    expect(byId[ids[0]]).toMatchObject({ name: 'Ann', recordState: 'Approved', approvedBy: MANAGER });
    for (const other of ids.slice(1))
      expect(byId[other]).toMatchObject({ recordState: 'Pending review', approvedBy: '' });
    expect(recordsOf(emu, 'Customers').every((r) => r.id !== '')).toBe(true);
  });

  test.each([
    ['returnCustomer', MANAGER, { comment: 'add the address' }, { recordState: 'Returned' }],
    ['confirmReview', CLERK, { how: 'phone' }, { lastReviewed: expect.any(Date) }],
    ['updateCustomer', CLERK, { changes: { city: 'Wuhan' } }, { city: 'Wuhan' }],
  ] as const)(
    '%s lands on its customer when the sheet is sorted between its read and its writes',
    (fn, user, extra, expected) => {
      const { emu, ids } = three();
      const version = versionOf(emu, user, ids[0]);
      afterRowRead(emu, fn, () => sortCustomersByNameDescending(emu));
      expect(emu.scriptRun(user, fn, { id: ids[0], version, ...extra })).toMatchObject({ ok: true });
      emu.hooks.beforeCall = undefined;
      const byId = Object.fromEntries(recordsOf(emu, 'Customers').map((r) => [r.id, r]));
      expect(recordsOf(emu, 'Customers').map((r) => r.name)).toEqual(['Cy', 'Bo', 'Ann']);
      expect(byId[ids[0]]).toMatchObject(expected);
      for (const other of ids.slice(1))
        expect(byId[other]).toMatchObject({ recordState: 'Pending review', lastReviewed: '', city: '' });
    },
  );

  test('a property update lands on its item when Property is sorted between its read and its writes', () => {
    const { emu, ids } = three();
    const items = ['Camera', 'Laptop', 'Watch'].map((item) => {
      const values = { customerId: ids[0], item, receivedDate: '2026-11-20', state: 'received' };
      return ok(callAs(emu, CLERK, 'receiveProperty', { values })).id;
    });
    const found = callAs(emu, CLERK, 'findProperty', { customerId: ids[0] });
    const version = String(found.results.find((r) => r.id === items[0])?.version);
    const sheet = sheetOf(emu, 'Property');
    const range = `A2:${columnLetter(sheet.getLastColumn())}${sheet.getLastRow()}`;
    const column = columnsOf(sheet).item;
    afterRowRead(emu, 'updateProperty', () =>
      expect(emu.sortRange(ADMIN, 'Property', range, { column, ascending: false })).toEqual({ ok: true }),
    );
    expect(
      callAs(emu, CLERK, 'updateProperty', { id: items[0], version, changes: { location: 'Safe 2' } }),
    ).toMatchObject({ ok: true });
    emu.hooks.beforeCall = undefined;
    expect(recordsOf(emu, 'Property').map((r) => [r.item, r.location])).toEqual([
      ['Watch', ''],
      ['Laptop', ''],
      ['Camera', 'Safe 2'],
    ]);
  });

  test('an update lands on its customer when a row above it is deleted in between, and no row is left without ID', () => {
    const { emu, ids } = three();
    const version = versionOf(emu, CLERK, ids[2]);
    afterRowRead(emu, 'updateCustomer', () => emu.deleteRows(ADMIN, 'Customers', 2, 1));
    const saved = callAs(emu, CLERK, 'updateCustomer', {
      id: ids[2],
      version,
      changes: { city: 'Xiamen' },
    });
    emu.hooks.beforeCall = undefined;
    expect(saved).toMatchObject({ ok: true });
    const rows = recordsOf(emu, 'Customers').filter((r) => r.id !== '' || r.name !== '');
    expect(rows.map((r) => [r.id, r.city])).toEqual([
      [ids[1], ''],
      [ids[2], 'Xiamen'],
    ]);
  });

  test('a record deleted in between is refused by name and nothing is written', () => {
    const { emu, ids } = three();
    const version = versionOf(emu, MANAGER, ids[1]);
    afterRowRead(emu, 'approveCustomer', () => emu.deleteRows(ADMIN, 'Customers', 3, 1));
    expect(() => callAs(emu, MANAGER, 'approveCustomer', { id: ids[1], version })).toThrow(ids[1]);
    emu.hooks.beforeCall = undefined;
    const rows = recordsOf(emu, 'Customers').filter((r) => r.id !== '');
    expect(rows.map((r) => r.recordState)).toEqual(['Pending review', 'Pending review']);
    expect(recordsOf(emu, 'Audit').some((r) => r.action === 'Approve')).toBe(false);
  });

  test('a sort in the instant between finding the row and writing it is caught: the write is repeated on the right row and the record it hit is named in Audit', () => {
    const { emu, ids } = three();
    const version = versionOf(emu, MANAGER, ids[0]);
    beforeFirstWrite(emu, 'approveCustomer', () => sortCustomersByNameDescending(emu));
    const approved = callAs(emu, MANAGER, 'approveCustomer', { id: ids[0], version });
    emu.hooks.beforeCall = undefined;
    expect(approved).toMatchObject({ ok: true });
    const byId = Object.fromEntries(recordsOf(emu, 'Customers').map((r) => [r.id, r]));
    expect(byId[ids[0]]).toMatchObject({ name: 'Ann', recordState: 'Approved', approvedBy: MANAGER });
    // After the sort the first data row holds Cy: the approval's first write landed there.
    const audit = recordsOf(emu, 'Audit');
    expect(audit.filter((r) => r.action === 'Approve').map((r) => r.record)).toEqual(Array(4).fill(ids[0]));
    expect(audit.filter((r) => String(r.action).startsWith('Overwritten'))).toEqual([
      expect.objectContaining({ record: ids[2], newValue: ids[0], user: MANAGER }),
    ]);
  });

  test('many records written at once (a paste sending four approved entries back to review) land by ID through a sort in between', () => {
    const emu = teamRegister();
    const names = ['Ann', 'Bo', 'Cy', 'Di', 'Ed', 'Fay', 'Gus'];
    for (const name of names) create(emu, MANAGER, { name });
    const city = columnLetter(columnsOf(sheetOf(emu, 'Customers')).city);
    // The guard's batch write: one read of the columns, one block write, one read of the IDs to check.
    beforeFirstWrite(emu, 'guardEdit', () => sortCustomersByNameDescending(emu));
    const pasted = names.slice(0, 4);
    expect(
      emu.edit(
        CLERK,
        'Customers',
        `${city}2:${city}5`,
        pasted.map((n) => [`${n}town`]),
      ),
    ).toEqual({
      ok: true,
    });
    emu.hooks.beforeCall = undefined;
    const rows = recordsOf(emu, 'Customers');
    expect(rows.map((r) => r.name)).toEqual([...names].reverse());
    for (const r of rows)
      expect(r).toMatchObject(
        pasted.includes(String(r.name))
          ? { city: `${r.name}town`, recordState: 'Pending review' }
          : { city: '', recordState: 'Approved' },
      );
  });
});
