// Hand edits in the grid keep the standard: the guard judges them with the sidebar's rules, records them, and holds maker-checker.
/// <reference types="google-apps-script" />

import type { EmulatorOptions } from '../../emulator/src';
import { columnLetter } from '../../src/domain/a1';
import { callAs } from '../helpers/call-as';
import { columnsOf, recordsOf, teamRegister, workbook } from '../helpers/register';
import { ADMIN, CLERK, MANAGER, OWNER, VIEWER } from '../helpers/users';

type Emu = ReturnType<typeof teamRegister>;

/** Everyone is in one Workspace domain, so the guard is told who edited. */
const DOMAIN: EmulatorOptions = { workspaceDomain: 'example.com' };

function sheetOf(emu: Emu, name: string) {
  return workbook(emu).getActive().getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
}

/** The A1 of a field's cell on a sheet, found by its metadata, as a person sees it now. */
function cell(emu: Emu, sheetName: string, key: string, row = 2): string {
  return `${columnLetter(columnsOf(sheetOf(emu, sheetName))[key])}${row}`;
}

function customerAt(emu: Emu, row = 2) {
  return recordsOf(emu, 'Customers')[row - 2];
}

function create(emu: Emu, user: string, values: Record<string, unknown> = {}): string {
  const saved = emu.scriptRun(user, 'createCustomer', {
    values: { customerType: 'individual', name: 'Ann', status: 'active', country: 'CN', ...values },
  }) as { ok: boolean; id: string };
  expect(saved.ok).toBe(true);
  return saved.id;
}

/** Audit rows that came from the grid, without the time. */
function sheetAudit(emu: Emu) {
  return recordsOf(emu, 'Audit')
    .filter((r) => r.source === 'Direct sheet edit')
    .map(({ time: _t, source: _s, ...rest }) => rest);
}

describe('the guard after an admin inserted a column before Record state', () => {
  test('a clerk typing Approved into their own pending entry is reverted; the admin’s own column is left alone', () => {
    const emu = teamRegister();
    const id = create(emu, CLERK);
    const before = columnsOf(sheetOf(emu, 'Customers')).recordState;
    expect(emu.insertColumns(ADMIN, 'Customers', before, 1)).toEqual({ ok: true });
    expect(emu.edit(ADMIN, 'Customers', `${columnLetter(before)}1`, 'Desk')).toEqual({ ok: true });
    expect(emu.edit(ADMIN, 'Customers', `${columnLetter(before)}2`, 'front')).toEqual({ ok: true });
    expect(emu.edit(CLERK, 'Customers', cell(emu, 'Customers', 'recordState'), 'Approved')).toEqual({
      ok: true,
    });
    expect(customerAt(emu)).toMatchObject({ id, recordState: 'Pending review' });
    expect(emu.spreadsheet.values('Customers')[1][before - 1]).toBe('front');
    expect(sheetAudit(emu)).toEqual([
      expect.objectContaining({
        action: 'Hand edit reverted',
        record: id,
        field: 'recordState',
        oldValue: 'pendingReview',
        newValue: 'approved',
      }),
    ]);
  });
});

test('a typed ID is put back and recorded against the record it belonged to', () => {
  const emu = teamRegister();
  const id = create(emu, CLERK);
  expect(emu.edit(CLERK, 'Customers', cell(emu, 'Customers', 'id'), 'C-999999')).toEqual({ ok: true });
  expect(customerAt(emu).id).toBe(id);
  expect(sheetAudit(emu)).toEqual([
    expect.objectContaining({ action: 'Hand edit reverted', record: id, field: 'id', newValue: 'C-999999' }),
  ]);
});

describe('a hand edit goes through the sidebar’s rules', () => {
  function approvedCustomer(o: EmulatorOptions = DOMAIN) {
    const emu = teamRegister(o);
    const id = create(emu, MANAGER, { phone: '13800138000', email: 'ann@example.com' });
    expect(customerAt(emu)).toMatchObject({ recordState: 'Approved' });
    return { emu, id };
  }

  test('a clerk’s phone is normalized in place, audited, found as a duplicate, and the record goes back to review', () => {
    const { emu, id } = approvedCustomer();
    expect(emu.edit(CLERK, 'Customers', cell(emu, 'Customers', 'phone'), '0755 8888 8889')).toEqual({
      ok: true,
    });
    expect(customerAt(emu)).toMatchObject({ phone: '+8675588888889', recordState: 'Pending review' });
    expect(sheetAudit(emu)).toEqual([
      {
        user: CLERK,
        action: 'Update',
        record: id,
        field: 'phone',
        oldValue: '+8613800138000',
        newValue: '+8675588888889',
      },
      {
        user: CLERK,
        action: 'Update',
        record: id,
        field: 'recordState',
        oldValue: 'approved',
        newValue: 'pendingReview',
      },
    ]);
    const values = { customerType: 'individual', name: 'Someone', status: 'active', phone: '0755-8888-8889' };
    expect(callAs(emu, CLERK, 'createCustomer', { values })).toEqual({
      ok: false,
      duplicates: [expect.objectContaining({ id, matched: ['phone'] })],
    });
  });

  test('an invalid email is kept, marked with the reason, flagged in Audit, and the mark goes when it is fixed', () => {
    const { emu, id } = approvedCustomer();
    const at = cell(emu, 'Customers', 'email');
    expect(emu.edit(CLERK, 'Customers', at, 'not-an-email')).toEqual({ ok: true });
    const range = sheetOf(emu, 'Customers').getRange(at);
    expect(range.getValue()).toBe('not-an-email');
    expect(range.getNote()).toMatch(/Email.*not-an-email.*is not a valid email address/);
    expect(range.getBackground()).not.toBe('#ffffff');
    expect(customerAt(emu).recordState).toBe('Pending review');
    expect(sheetAudit(emu)[0]).toEqual({
      user: CLERK,
      action: 'Invalid value kept: check it',
      record: id,
      field: 'email',
      oldValue: 'ann@example.com',
      newValue: 'not-an-email',
    });

    // A sidebar save of another field is not held up by the marked cell.
    const { version } = emu.scriptRun(CLERK, 'getCustomer', { id }) as { version: string };
    expect(emu.scriptRun(CLERK, 'updateCustomer', { id, version, changes: { city: 'Xi’an' } })).toMatchObject(
      {
        ok: true,
      },
    );

    expect(emu.edit(CLERK, 'Customers', at, ' Ann.Lee@Example.com ')).toEqual({ ok: true });
    expect(range.getValue()).toBe('ann.lee@example.com');
    expect(range.getNote()).toBe('');
    expect(range.getBackground()).toBe('#ffffff');
    expect(sheetAudit(emu).at(-1)).toMatchObject({
      action: 'Update',
      field: 'email',
      oldValue: 'not-an-email',
      newValue: 'ann.lee@example.com',
    });
  });

  test('a manager’s hand edit of an approved record keeps it approved, and is still audited', () => {
    const { emu, id } = approvedCustomer();
    expect(emu.edit(MANAGER, 'Customers', cell(emu, 'Customers', 'city'), 'Shenzhen')).toEqual({ ok: true });
    expect(customerAt(emu)).toMatchObject({ city: 'Shenzhen', recordState: 'Approved' });
    expect(sheetAudit(emu)).toEqual([
      { user: MANAGER, action: 'Update', record: id, field: 'city', oldValue: '', newValue: 'Shenzhen' },
    ]);
  });

  test('when Apps Script does not say who edited (no Workspace domain), an approved record goes back to review', () => {
    const { emu } = approvedCustomer({ workspaceDomain: null });
    expect(emu.edit(MANAGER, 'Customers', cell(emu, 'Customers', 'city'), 'Shenzhen')).toEqual({ ok: true });
    expect(customerAt(emu)).toMatchObject({ city: 'Shenzhen', recordState: 'Pending review' });
    expect(sheetAudit(emu).map((r) => [r.user, r.field])).toEqual([
      ['', 'city'],
      ['', 'recordState'],
    ]);
  });

  test('a sidebar save by a clerk of an approved record sends it back to review too', () => {
    const { emu, id } = approvedCustomer();
    const { version } = emu.scriptRun(CLERK, 'getCustomer', { id }) as { version: string };
    expect(
      emu.scriptRun(CLERK, 'updateCustomer', { id, version, changes: { city: 'Shenzhen' } }),
    ).toMatchObject({ ok: true });
    expect(customerAt(emu)).toMatchObject({ city: 'Shenzhen', recordState: 'Pending review' });
  });
});

describe('pastes and fills', () => {
  function twoPending() {
    const emu = teamRegister(DOMAIN);
    const ids = [create(emu, CLERK, { name: 'Ann' }), create(emu, CLERK, { name: 'Bo' })];
    return { emu, ids };
  }

  test('a paste over phone and email of two rows is normalized and audited cell by cell', () => {
    const { emu, ids } = twoPending();
    const cols = columnsOf(sheetOf(emu, 'Customers'));
    expect(cols.email).toBe(cols.phone + 1);
    const range = `${columnLetter(cols.phone)}2:${columnLetter(cols.email)}3`;
    expect(
      emu.edit(CLERK, 'Customers', range, [
        ['138 0013 8000', 'A@Example.com'],
        ['0755 8888 8889', 'bad'],
      ]),
    ).toEqual({ ok: true });
    expect(recordsOf(emu, 'Customers').map((r) => [r.phone, r.email])).toEqual([
      ['+8613800138000', 'a@example.com'],
      ['+8675588888889', 'bad'],
    ]);
    const unknown = '(not known: pasted or filled)';
    expect(sheetAudit(emu)).toEqual([
      {
        user: CLERK,
        action: 'Update',
        record: ids[0],
        field: 'phone',
        oldValue: unknown,
        newValue: '+8613800138000',
      },
      {
        user: CLERK,
        action: 'Update',
        record: ids[0],
        field: 'email',
        oldValue: unknown,
        newValue: 'a@example.com',
      },
      {
        user: CLERK,
        action: 'Update',
        record: ids[1],
        field: 'phone',
        oldValue: unknown,
        newValue: '+8675588888889',
      },
      {
        user: CLERK,
        action: 'Invalid value kept: check it',
        record: ids[1],
        field: 'email',
        oldValue: unknown,
        newValue: 'bad',
      },
    ]);
  });

  test('a whole-row paste (5:5 form) over add-on-only cells is recorded with every cell it touched', () => {
    const { emu, ids } = twoPending();
    const width = sheetOf(emu, 'Customers').getLastColumn();
    const row = emu.spreadsheet.values('Customers')[2].map((v) => String(v instanceof Date ? '' : v));
    const cols = columnsOf(sheetOf(emu, 'Customers'));
    row[cols.recordState - 1] = 'Approved';
    row[cols.approvedBy - 1] = CLERK;
    expect(row).toHaveLength(width);
    expect(emu.edit(ADMIN, 'Customers', '3:3', [row])).toEqual({ ok: true });
    const audit = sheetAudit(emu);
    const notReverted = audit.filter((r) => r.action === 'Hand edit not reverted');
    expect(notReverted.map((r) => r.field)).toEqual(
      expect.arrayContaining(['id', 'recordState', 'approvedBy', 'enteredBy', 'enteredAt']),
    );
    expect(notReverted.every((r) => r.record === ids[1] && r.user === ADMIN)).toBe(true);
    expect(audit.find((r) => r.field === 'recordState')).toMatchObject({ newValue: 'approved' });
  });

  test('a whole-column fill (D:D form) is seen, normalized and audited', () => {
    const { emu, ids } = twoPending();
    const phone = columnLetter(columnsOf(sheetOf(emu, 'Customers')).phone);
    expect(
      emu.edit(ADMIN, 'Customers', `${phone}:${phone}`, [['Phone'], ['13800138000'], ['13900139000']]),
    ).toEqual({ ok: true });
    expect(recordsOf(emu, 'Customers').map((r) => r.phone)).toEqual(['+8613800138000', '+8613900139000']);
    expect(sheetAudit(emu).map((r) => [r.record, r.field, r.newValue])).toEqual([
      [ids[0], 'phone', '+8613800138000'],
      [ids[1], 'phone', '+8613900139000'],
    ]);
  });
});

describe('Reminder log: an Admin settles a row a killed run left at Sending', () => {
  function killedRun(o: EmulatorOptions = DOMAIN) {
    const emu = teamRegister(o);
    const log = sheetOf(emu, 'Reminder log');
    const cols = columnsOf(log);
    const row = new Array(log.getLastColumn()).fill('');
    row[cols.record - 1] = 'C-000001';
    row[cols.recipient - 1] = 'ann@example.com';
    row[cols.kind - 1] = 'Customer data review';
    row[cols.cycle - 1] = '2026-11-23';
    row[cols.outcome - 1] = 'Sending';
    log.getRange(2, 1, 1, row.length).setValues([row]);
    return { emu, at: cell(emu, 'Reminder log', 'outcome') };
  }
  const outcome = (emu: Emu) => recordsOf(emu, 'Reminder log')[0].outcome;

  test.each([
    [ADMIN, 'Failed'],
    [ADMIN, 'Sent'],
    [OWNER, 'Failed'],
  ])('%s may set it to %s, and it is audited', (user, to) => {
    const { emu, at } = killedRun();
    expect(emu.edit(user, 'Reminder log', at, to)).toEqual({ ok: true });
    expect(outcome(emu)).toBe(to);
    expect(sheetAudit(emu)).toEqual([
      {
        user,
        action: 'Update',
        record: 'Reminder log!2',
        field: 'outcome',
        oldValue: 'sending',
        newValue: to.toLowerCase(),
      },
    ]);
  });

  test.each([MANAGER, CLERK, VIEWER])('%s is put back, and it is audited as reverted', (user) => {
    const { emu, at } = killedRun();
    expect(emu.edit(user, 'Reminder log', at, 'Failed')).toEqual({ ok: true });
    expect(outcome(emu)).toBe('Sending');
    expect(sheetAudit(emu)).toEqual([expect.objectContaining({ user, action: 'Hand edit reverted' })]);
  });

  test('an Admin may not rewrite any other cell or outcome of the log', () => {
    const { emu, at } = killedRun();
    expect(emu.edit(ADMIN, 'Reminder log', cell(emu, 'Reminder log', 'recipient'), 'x@example.com')).toEqual({
      ok: true,
    });
    expect(recordsOf(emu, 'Reminder log')[0].recipient).toBe('ann@example.com');
    expect(emu.edit(ADMIN, 'Reminder log', at, 'Skipped: no email')).toEqual({ ok: true });
    expect(outcome(emu)).toBe('Sending');
  });
});
