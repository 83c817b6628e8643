// Roles and protections end to end: the README's permission table walked cell by cell, by hand and through the sidebar.
/// <reference types="google-apps-script" />
import { Emulator, messages } from '../../emulator/src';
import { type Outcome, permissionAreas } from '../../scripts/docs/permission-table';
import type { Role } from '../../src/schema';
import { columnsOf, recordsOf, teamRegister, workbook } from '../helpers/register';
import { ADMIN, CLERK, MANAGER, OWNER, VIEWER } from '../helpers/users';
import { buildVariant } from '../helpers/variant-bundle';

const AS: Record<Role, string> = { Admin: ADMIN, Manager: MANAGER, Clerk: CLERK, Viewer: VIEWER };
const DAY = '2026-11-20';

/** A register with one customer, one interaction and one item of property, built once and copied per test. */
let base = '';
let customerId = '';
beforeAll(() => {
  const emu = teamRegister({ workspaceDomain: 'example.com' });
  const c = emu.scriptRun(CLERK, 'createCustomer', {
    values: { customerType: 'individual', name: 'Li Lei', status: 'active', city: '上海' },
  }) as { id: string };
  customerId = c.id;
  emu.scriptRun(CLERK, 'logInteraction', {
    values: { date: DAY, customerId, kind: 'consultation', summary: 'Asked about prices' },
  });
  emu.scriptRun(CLERK, 'receiveProperty', {
    values: { customerId, item: 'Watch', receivedDate: DAY, state: 'received' },
  });
  emu.scriptRun(CLERK, 'recordPurchase', { values: purchaseValues() });
  base = JSON.stringify(emu.toJSON());
});

function fresh(): Emulator {
  return Emulator.fromJSON(JSON.parse(base)).loadBundle('dist');
}

function sheetOf(emu: Emulator, name: string) {
  return workbook(emu).getActive().getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
}

function a1(emu: Emulator, sheet: string, field: string, row = 2): string {
  const col = columnsOf(sheetOf(emu, sheet))[field];
  return sheetOf(emu, sheet).getRange(row, col).getA1Notation();
}

/** Where each area of the table is tried by hand: a cell and what a person types. */
const handTargets: Record<string, (emu: Emulator) => { sheet: string; cell: string; input: string }[]> = {
  'customer/system': (e) => [{ sheet: 'Customers', cell: a1(e, 'Customers', 'id'), input: 'HACKED' }],
  'customer/Admin+Manager+Clerk': (e) => [
    { sheet: 'Customers', cell: a1(e, 'Customers', 'city'), input: 'Paris' },
  ],
  'customer/Admin+Manager': (e) => [
    { sheet: 'Customers', cell: a1(e, 'Customers', 'creditRating'), input: 'A' },
  ],
  'interaction/system': (e) => [
    { sheet: 'Interactions', cell: a1(e, 'Interactions', 'enteredBy'), input: 'me' },
  ],
  'interaction/Admin+Manager+Clerk': (e) => [
    { sheet: 'Interactions', cell: a1(e, 'Interactions', 'summary'), input: 'Changed' },
  ],
  'property/system': (e) => [{ sheet: 'Property', cell: a1(e, 'Property', 'id'), input: 'P-9' }],
  'property/Admin+Manager+Clerk': (e) => [
    { sheet: 'Property', cell: a1(e, 'Property', 'remarks'), input: 'Ok' },
  ],
  'purchase/system': (e) => [{ sheet: 'Purchases', cell: a1(e, 'Purchases', 'id'), input: 'S-9' }],
  'purchase/Admin+Manager+Clerk': (e) => [
    { sheet: 'Purchases', cell: a1(e, 'Purchases', 'notes'), input: 'Ok' },
  ],
  'team/sheet': (e) => [{ sheet: 'Team', cell: a1(e, 'Team', 'name'), input: 'Boss' }],
  'settings/sheet': (e) => {
    const row = e.spreadsheet.values('Settings').findIndex((r) => r[0] === 'senderName') + 1;
    return [{ sheet: 'Settings', cell: a1(e, 'Settings', 'value', row), input: 'The Shop' }];
  },
  'lists/sheet': (e) => [{ sheet: 'Lists', cell: a1(e, 'Lists', 'customerSource', 60), input: 'Trade fair' }],
  'audit/sheet': (e) => [{ sheet: 'Audit', cell: a1(e, 'Audit', 'user'), input: 'nobody@example.com' }],
  'reminderLog/sheet': (e) => [{ sheet: 'Reminder log', cell: a1(e, 'Reminder log', 'detail'), input: 'x' }],
  'changeRequest/sheet': (e) => [
    { sheet: 'Change requests', cell: a1(e, 'Change requests', 'newValue'), input: 'x' },
  ],
  headers: (_e) =>
    ['Customers', 'Interactions', 'Property', 'Audit', 'Reminder log'].map((sheet) => ({
      sheet,
      cell: 'A1',
      input: 'Renamed',
    })),
};

const valid = { customerType: 'individual', name: 'Han Meimei', status: 'active' };

/** The sidebar request each area is tried with: its own save, or the crafted call that would have to write it. */
const sidebarCalls: Record<string, (emu: Emulator) => [string, unknown?]> = {
  'customer/system': (e) => ['updateCustomer', update(e, { approvedBy: 'x@example.com' })],
  'customer/Admin+Manager+Clerk': (e) => ['updateCustomer', update(e, { city: 'Paris' })],
  'customer/Admin+Manager': (e) => ['updateCustomer', update(e, { creditRating: 'a' })],
  'interaction/system': () => ['logInteraction', { values: { ...interactionValues(), id: 'I-9' } }],
  'interaction/Admin+Manager+Clerk': () => ['logInteraction', { values: interactionValues() }],
  'property/system': () => [
    'receiveProperty',
    { values: { ...propertyValues(), enteredBy: 'x@example.com' } },
  ],
  'property/Admin+Manager+Clerk': () => ['receiveProperty', { values: propertyValues() }],
  'purchase/system': () => ['recordPurchase', { values: { ...purchaseValues(), paymentState: 'paid' } }],
  'purchase/Admin+Manager+Clerk': () => ['recordPurchase', { values: purchaseValues() }],
  'team/sheet': () => ['setUpRegister'],
  'settings/sheet': () => ['setUpRegister'],
  'lists/sheet': () => ['setUpRegister'],
  'audit/sheet': () => ['createCustomer', { values: { ...valid, action: 'revert' } }],
  'reminderLog/sheet': () => ['createCustomer', { values: { ...valid, outcome: 'sent' } }],
  'changeRequest/sheet': () => ['createCustomer', { values: { ...valid, state: 'applied' } }],
  headers: () => ['setUpRegister'],
};

function update(emu: Emulator, changes: Record<string, unknown>) {
  const { version } = emu.scriptRun(OWNER, 'getCustomer', { id: customerId }) as { version: string };
  return { id: customerId, version, changes };
}
const interactionValues = () => ({ date: DAY, customerId, kind: 'consultation', summary: 'Called back' });
const purchaseValues = () => ({ customerId, date: DAY, amount: 20 });
const propertyValues = () => ({ customerId, item: 'Ring', receivedDate: DAY, state: 'received' });

function display(emu: Emulator, sheet: string, cell: string): string {
  return sheetOf(emu, sheet).getRange(cell).getDisplayValue();
}

function byHand(emu: Emulator, user: string, t: { sheet: string; cell: string; input: string }): Outcome {
  const before = display(emu, t.sheet, t.cell);
  const audits = recordsOf(emu, 'Audit').length;
  const r = emu.edit(user, t.sheet, t.cell, t.input);
  expect(emu.triggerFailures).toEqual([]);
  if (!r.ok) {
    expect(r.error).toBe(messages.protectedCell);
    return 'blocked';
  }
  if (display(emu, t.sheet, t.cell) !== before) return 'allowed';
  // Put back and recorded: who, what was there, and what they typed.
  const audit = recordsOf(emu, 'Audit');
  expect(audit).toHaveLength(audits + 1);
  expect(audit.at(-1)).toMatchObject({
    user,
    action: 'Hand edit reverted',
    source: 'Direct sheet edit',
    oldValue: before,
    newValue: t.input,
  });
  return 'reverted';
}

function viaSidebar(emu: Emulator, user: string, fn: string, arg?: unknown): Outcome {
  try {
    const r = arg === undefined ? emu.scriptRun(user, fn) : emu.scriptRun(user, fn, arg);
    return r && typeof r === 'object' && (r as { ok?: boolean }).ok === false ? 'blocked' : 'allowed';
  } catch (e) {
    // Refused by the server before anything was written, not by Sheets halfway through a write.
    expect(String((e as Error).message)).not.toContain(messages.protectedCell);
    return 'blocked';
  }
}

describe('the permission table, walked', () => {
  const areas = permissionAreas();

  test('every area of the table has a hand edit and a sidebar call to try', () => {
    expect(areas.map((a) => a.id).sort()).toEqual(Object.keys(handTargets).sort());
    expect(areas.map((a) => a.id).sort()).toEqual(Object.keys(sidebarCalls).sort());
  });

  for (const area of areas)
    for (const role of Object.keys(AS) as Role[]) {
      test(`${area.id} · ${role}: by hand ${area.byHand[role]}, through the sidebar ${area.sidebar[role]}`, () => {
        const emu = fresh();
        for (const target of handTargets[area.id](emu))
          expect(byHand(emu, AS[role], target)).toBe(area.byHand[role]);
        const emu2 = fresh();
        const [fn, arg] = sidebarCalls[area.id](emu2);
        expect(viaSidebar(emu2, AS[role], fn, arg)).toBe(area.sidebar[role]);
      });
    }
});

describe('what the add-on writes for each role', () => {
  test('a clerk’s save writes the add-on columns and Audit, and leaves the manager-only columns alone', () => {
    const emu = fresh();
    const saved = emu.scriptRun(CLERK, 'createCustomer', { values: valid }) as { ok: boolean; id: string };
    expect(saved.ok).toBe(true);
    expect(recordsOf(emu, 'Customers').at(-1)).toMatchObject({
      id: saved.id,
      recordState: 'Pending review',
      enteredBy: CLERK,
      creditRating: '',
      overdue: '',
    });
    expect(recordsOf(emu, 'Audit').at(-1)).toMatchObject({ user: CLERK, action: 'Create', record: saved.id });
  });

  test('a manager’s approval writes the approval columns', () => {
    const emu = fresh();
    const { version } = emu.scriptRun(MANAGER, 'getCustomer', { id: customerId }) as { version: string };
    expect(
      (emu.scriptRun(MANAGER, 'approveCustomer', { id: customerId, version }) as { ok: boolean }).ok,
    ).toBe(true);
    expect(recordsOf(emu, 'Customers')[0]).toMatchObject({ recordState: 'Approved', approvedBy: MANAGER });
  });

  test('refusals name the role needed, in the caller’s language', () => {
    const emu = Emulator.fromJSON({ ...JSON.parse(base), locales: { [VIEWER]: 'zh-CN' } }).loadBundle('dist');
    expect(() => emu.scriptRun(VIEWER, 'updateCustomer', update(emu, { city: 'x' }))).toThrow(
      '只有管理员、经理或文员可以修改客户。',
    );
    expect(() => emu.scriptRun(MANAGER, 'applyProtections')).toThrow(
      'Only Admin may apply or check protections.',
    );
    expect(() => emu.scriptRun(CLERK, 'checkProtections', {})).toThrow(
      'Only Admin may apply or check protections.',
    );
    const r = emu.scriptRun(CLERK, 'updateCustomer', update(emu, { creditRating: 'a' })) as {
      errors: { message: string }[];
    };
    expect(r.errors[0].message).toBe('Credit rating: only Admin or Manager may change this field.');
  });
});

type Report = { count: number; drift: string[]; repaired: boolean; message: string };

function ours(emu: Emulator) {
  const ss = workbook(emu).getActive();
  return [
    ...ss.getProtections(SpreadsheetAppEnum('SHEET')),
    ...ss.getProtections(SpreadsheetAppEnum('RANGE')),
  ].filter((p) => p.getDescription().startsWith('Customer Register · '));
}

/** ProtectionType as the unmetered workbook takes it. */
function SpreadsheetAppEnum(name: 'SHEET' | 'RANGE') {
  return name as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
}

function protectionOf(emu: Emulator, text: string) {
  const p = ours(emu).find((x) => x.getDescription().includes(text));
  if (!p) throw new Error(`no protection described as ${text}`);
  return p;
}

describe('Apply protections', () => {
  test('describes each protection so an admin recognises it', () => {
    const emu = fresh();
    const descriptions = ours(emu).map((p) => p.getDescription());
    expect(descriptions).toEqual(
      expect.arrayContaining([
        'Customer Register · Customers · Credit rating, Overdue — Admin, Manager',
        'Customer Register · Team · whole sheet — Admin',
        'Customer Register · Customers · header row — Admin',
        'Customer Register · Audit · whole sheet — add-on only (hand edits are reverted)',
      ]),
    );
    const credit = protectionOf(emu, 'Credit rating');
    expect(
      credit
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([ADMIN, MANAGER, OWNER].sort());
    expect(credit.isWarningOnly()).toBe(false);
    expect(protectionOf(emu, 'Customers · ID').isWarningOnly()).toBe(true);
  });

  test('run twice: no duplicate protection, no second guard, nothing changed', () => {
    const emu = fresh();
    const count = ours(emu).length;
    const before = JSON.stringify(emu.toJSON().spreadsheet);
    const r = emu.run(OWNER, 'applyProtections') as Report;
    expect(r).toMatchObject({ count, repaired: false, drift: [] });
    expect(r.message).toMatch(/already match/);
    expect(JSON.stringify(emu.toJSON().spreadsheet)).toBe(before);
    emu.run(ADMIN, 'applyProtections');
    emu.run(OWNER, 'setUpRegister');
    expect(ours(emu)).toHaveLength(count);
    expect(emu.triggers().filter((t) => t.handler === 'guardEdit')).toHaveLength(1);
  });

  test('a hand edit of Team re-applies them: a promoted clerk may then edit credit fields', () => {
    const emu = fresh();
    const credit = a1(emu, 'Customers', 'creditRating');
    expect(emu.edit(CLERK, 'Customers', credit, 'B')).toMatchObject({ ok: false });
    const roleCell = a1(emu, 'Team', 'role', 5);
    expect(display(emu, 'Team', a1(emu, 'Team', 'email', 5))).toBe(CLERK);
    expect(emu.edit(ADMIN, 'Team', roleCell, 'Manager')).toEqual({ ok: true });
    expect(emu.triggerFailures).toEqual([]);
    expect(emu.edit(CLERK, 'Customers', credit, 'B')).toEqual({ ok: true });
    // And taken away again when the member is deactivated.
    expect(emu.edit(OWNER, 'Team', a1(emu, 'Team', 'active', 5), 'FALSE')).toEqual({ ok: true });
    expect(emu.edit(CLERK, 'Customers', a1(emu, 'Customers', 'city'), 'Rome')).toMatchObject({ ok: false });
  });

  test('the menu items run them and show the outcome', () => {
    const emu = fresh();
    emu.run(OWNER, 'menuApplyProtections');
    expect(emu.uiOf(OWNER).alerts.at(-1)).toMatch(/already match the Team and the schema/);
    emu.run(CLERK, 'menuCheckProtections');
    expect(emu.uiOf(CLERK).alerts.at(-1)).toBe('Only Admin may apply or check protections.');
  });
});

describe('Check protections', () => {
  test('a sound register: nothing to report', () => {
    const r = fresh().run(OWNER, 'checkProtections') as Report;
    expect(r).toMatchObject({ drift: [], repaired: false });
    expect(r.message).toMatch(/^Protections match the Team and the schema \(\d+ protections\)\.$/);
  });

  test('reads every protection of the file in one call, none one by one', () => {
    const emu = fresh();
    emu.run(OWNER, 'checkProtections');
    const run = emu.meter.last;
    expect(run?.error).toBeUndefined();
    expect(run?.calls['Sheets.Spreadsheets.get']).toBe(1);
    expect(Object.keys(run?.calls ?? {}).filter((m) => m.startsWith('SpreadsheetApp.Protection.'))).toEqual(
      [],
    );
    expect(run?.sheetCalls).toBeLessThanOrEqual(30);
  });

  const drifts: [string, (emu: Emulator) => void, RegExp][] = [
    [
      'an editor added by hand',
      (emu) => protectionOf(emu, 'Credit rating').addEditor(CLERK),
      /Customers · Credit rating, Overdue: clerk@example.com was added as an editor by hand\./,
    ],
    [
      'a protection removed',
      (emu) => protectionOf(emu, 'Credit rating').remove(),
      /Customers · Credit rating, Overdue: not protected/,
    ],
    [
      'a hard protection switched to warning only',
      (emu) => protectionOf(emu, 'Credit rating').setWarningOnly(true),
      /Credit rating, Overdue: changed to warning only\./,
    ],
    [
      'a warning-only protection made blocking',
      (emu) => protectionOf(emu, 'Audit · whole sheet').setWarningOnly(false),
      /Audit · whole sheet: no longer warning only/,
    ],
    [
      'a duplicate of ours',
      (emu) => {
        const p = sheetOf(emu, 'Customers').getRange('C2:C5').protect();
        p.setDescription('Customer Register · Customers · copy');
      },
      /Customers: a protection that is no longer needed or is a duplicate: "Customer Register · Customers · copy"\./,
    ],
  ];

  for (const [name, drift, report] of drifts)
    test(`finds and repairs ${name}`, () => {
      const emu = fresh();
      const count = ours(emu).length;
      drift(emu);
      const found = emu.run(OWNER, 'checkProtections') as Report;
      expect(found.repaired).toBe(false);
      expect(found.drift.join('\n')).toMatch(report);
      const repaired = emu.run(OWNER, 'checkProtections', { repair: true }) as Report;
      expect(repaired).toMatchObject({ repaired: true, message: expect.stringMatching(/^Repaired/) });
      expect(emu.run(OWNER, 'checkProtections')).toMatchObject({ drift: [] });
      expect(ours(emu)).toHaveLength(count);
      // Repaired means enforced again: the clerk may not set a credit rating by hand.
      expect(emu.edit(CLERK, 'Customers', a1(emu, 'Customers', 'creditRating'), 'C')).toMatchObject({
        ok: false,
      });
    });

  test('finds and protects a new column an older setup added without protection', async () => {
    const wechat = await buildVariant({
      customer: {
        file: 'test/fixtures/schema/customer-wechat.ts',
        exportName: 'customerWithWechat',
        as: 'customer',
      },
    });
    const emu = fresh();
    const sheet = sheetOf(emu, 'Customers');
    // Inserted before Notes: a column added at the very end would widen the protection reaching the edge.
    const col = columnsOf(sheet).notes;
    sheet.insertColumnBefore(col);
    sheet.getRange(1, col).setValue('WeChat ID');
    const letter = sheet.getRange(1, col).getA1Notation().replace('1', '');
    sheet
      .getRange(`${letter}:${letter}`)
      .addDeveloperMetadata(
        'cr.field',
        'wechatId',
        'PROJECT' as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
      );
    const state = emu.toJSON();
    delete state.properties.document['cr.columns.Customers'];
    const next = Emulator.fromJSON(state).loadBundle(wechat);
    const cell = `${letter}2`;
    expect(next.edit(VIEWER, 'Customers', cell, 'lilei')).toEqual({ ok: true });
    const found = next.run(OWNER, 'checkProtections') as Report;
    expect(found.drift).toEqual(
      expect.arrayContaining([
        'Customers · WeChat ID, Notes: not protected (its protection was removed, or the columns are new).',
      ]),
    );
    next.run(OWNER, 'checkProtections', { repair: true });
    expect(next.edit(VIEWER, 'Customers', cell, 'hanmeimei')).toMatchObject({ ok: false });
    expect(next.edit(CLERK, 'Customers', cell, 'hanmeimei')).toEqual({ ok: true });
    expect(protectionOf(next, 'WeChat ID, Notes').getDescription()).toBe(
      'Customer Register · Customers · WeChat ID, Notes — Admin, Manager, Clerk',
    );
    expect(next.run(OWNER, 'checkProtections')).toMatchObject({ drift: [] });
  });

  test('reports a missing edit guard, and reinstalls it once', () => {
    const emu = fresh();
    // The owner deletes the trigger from the Apps Script dashboard.
    const list = emu.triggers() as unknown as { handler: string }[];
    list.splice(0, list.length);
    const found = emu.run(OWNER, 'checkProtections') as Report;
    expect(found.drift).toEqual([
      'The edit guard (it reverts hand edits to add-on-only cells) is not installed.',
    ]);
    emu.run(OWNER, 'checkProtections', { repair: true });
    emu.run(OWNER, 'applyProtections');
    expect(emu.triggers().filter((t) => t.handler === 'guardEdit')).toHaveLength(1);
    const id = a1(emu, 'Customers', 'id');
    expect(emu.edit(CLERK, 'Customers', id, 'X')).toEqual({ ok: true });
    expect(display(emu, 'Customers', id)).toBe(customerId);
  });

  test('speaks the admin’s language and repairs from the menu on Yes', () => {
    const emu = Emulator.fromJSON({ ...JSON.parse(base), locales: { [ADMIN]: 'zh-CN' } }).loadBundle('dist');
    protectionOf(emu, 'Credit rating').addEditor(VIEWER);
    emu.uiAnswers.push('YES');
    emu.run(ADMIN, 'menuCheckProtections');
    const [asked, done] = emu.uiOf(ADMIN).alerts.slice(-2);
    expect(asked).toContain('以下保护与团队和字段权限不一致');
    expect(asked).toContain('viewer@example.com 被手工添加为编辑者');
    expect(done).toBe('已修复：保护重新与团队和字段权限一致。');
    expect(emu.edit(VIEWER, 'Customers', a1(emu, 'Customers', 'creditRating'), 'C')).toMatchObject({
      ok: false,
    });
  });
});

describe('protections cover rows added after the sheet’s last row', () => {
  test('a clerk cannot type a credit rating on a customer appended past the rows that existed at Apply', () => {
    const emu = fresh();
    const customers = sheetOf(emu, 'Customers');
    const added = customers.getMaxRows() + 1;
    // "Add more rows" at the bottom of the grid, as a person does when the sheet fills up.
    customers.insertRowsAfter(customers.getMaxRows(), 5);
    customers.getRange(added, columnsOf(customers).id).setValue('C-999999');
    const r = emu.edit(CLERK, 'Customers', a1(emu, 'Customers', 'creditRating', added), 'A');
    expect(r).toEqual({ ok: false, error: messages.protectedCell });
    expect(emu.edit(MANAGER, 'Customers', a1(emu, 'Customers', 'creditRating', added), 'A')).toEqual({
      ok: true,
    });
  });

  test('Check protections reports a bounded protection left by an older version, and Apply makes it open-ended', () => {
    const emu = fresh();
    const customers = sheetOf(emu, 'Customers');
    const col = columnsOf(customers).creditRating;
    const old = customers
      .getProtections(SpreadsheetAppEnum('RANGE'))
      .find((p) => p.getRange().getColumn() === col) as GoogleAppsScript.Spreadsheet.Protection;
    const description = old.getDescription();
    const editors = old.getEditors().map((u) => u.getEmail());
    old.remove();
    const bounded = customers.getRange(2, col, customers.getMaxRows() - 1, 1).protect();
    bounded.setDescription(description);
    bounded.removeEditors(bounded.getEditors().map((u) => u.getEmail()));
    bounded.addEditors(editors);
    const report = emu.run(OWNER, 'checkProtections') as { drift: string[] };
    expect(report.drift.some((d) => /Credit rating/i.test(d))).toBe(true);
    emu.run(OWNER, 'applyProtections');
    customers.insertRowsAfter(customers.getMaxRows(), 2);
    const r = emu.edit(CLERK, 'Customers', a1(emu, 'Customers', 'creditRating', customers.getMaxRows()), 'B');
    expect(r).toEqual({ ok: false, error: messages.protectedCell });
  });
});

describe('Apply protections: a fixed number of sheet calls', () => {
  /** Every protection of ours removed, as before a first Apply; optionally `staff` more members in Team and the file. */
  function unprotected(staff: number): Emulator {
    const emu = fresh();
    const ss = workbook(emu).getActive();
    const roles = ['Admin', 'Manager', 'Clerk', 'Clerk', 'Viewer'];
    const members = Array.from({ length: staff }, (_, i) => [
      `staff${i + 1}@example.com`,
      `Staff ${i + 1}`,
      roles[i % 5],
      true,
    ]);
    for (const [email] of members) ss.addEditor(email as string);
    const team = sheetOf(emu, 'Team');
    if (staff) team.getRange(team.getLastRow() + 1, 1, staff, 4).setValues(members);
    for (const p of ours(emu)) p.remove();
    return emu;
  }

  test('for a Team of 50, at most 150 sheet calls, and the editors are exactly the Team’s', () => {
    const emu = unprotected(50);
    emu.run(OWNER, 'applyProtections');
    expect(emu.meter.last?.error).toBeUndefined();
    expect(emu.meter.last?.sheetCalls).toBeLessThanOrEqual(150);
    // staff2 is a Manager, staff3 a Clerk: the credit columns take the one and refuse the other.
    const credit = protectionOf(emu, 'Credit rating');
    const editors = credit.getEditors().map((u) => u.getEmail());
    expect(editors).toContain('staff2@example.com');
    expect(editors).not.toContain('staff3@example.com');
    expect(emu.edit('staff3@example.com', 'Customers', a1(emu, 'Customers', 'creditRating'), 'A')).toEqual({
      ok: false,
      error: messages.protectedCell,
    });
    expect(emu.edit('staff2@example.com', 'Customers', a1(emu, 'Customers', 'creditRating'), 'A')).toEqual({
      ok: true,
    });
    expect((emu.run(OWNER, 'checkProtections') as Report).drift).toEqual([]);
  });

  test('the same calls whatever the size of the Team', () => {
    const small = unprotected(0);
    small.run(OWNER, 'applyProtections');
    const large = unprotected(50);
    large.run(OWNER, 'applyProtections');
    expect(large.meter.last?.sheetCalls).toBe(small.meter.last?.sheetCalls);
  });

  test('a new protection never mirrors the file, even when every file editor is allowed: a person shared later is refused', () => {
    const emu = unprotected(0);
    // Only people the clerks' columns allow are left on the file, so nobody needs removing from that protection.
    emu.removeAccess(VIEWER);
    emu.run(OWNER, 'applyProtections');
    expect(emu.meter.last?.error).toBeUndefined();
    workbook(emu).getActive().addEditor('newcomer@example.com');
    expect(emu.edit('newcomer@example.com', 'Customers', a1(emu, 'Customers', 'city'), 'Rome')).toEqual({
      ok: false,
      error: messages.protectedCell,
    });
    expect(emu.edit(CLERK, 'Customers', a1(emu, 'Customers', 'city'), 'Rome')).toEqual({ ok: true });
  });
});
