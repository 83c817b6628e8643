// The sidebar's server API for customers, called through google.script.run's rules as each role would.
/// <reference types="google-apps-script" />
import { t } from '../../src/domain/i18n';
import type { SaveResult, WireRecord } from '../../src/shared/rpc';
import { callAs, fieldErrors, saved as ok } from '../helpers/call-as';
import { columnsOf, recordsOf, stateOf, teamRegister, workbook } from '../helpers/register';
import { CLERK, MANAGER, STRANGER, VIEWER } from '../helpers/users';

const li = {
  customerType: 'individual',
  name: '  李   雷 ',
  phone: '138 0013 8000',
  email: ' Li.Lei@Example.COM ',
  status: 'active',
  country: 'CN',
};

function create(
  emu: ReturnType<typeof teamRegister>,
  user: string,
  values: WireRecord,
  confirmDuplicate?: boolean,
): SaveResult {
  return callAs(emu, user, 'createCustomer', confirmDuplicate ? { values, confirmDuplicate } : { values });
}

describe('creating a customer', () => {
  test('normalizes, stamps, leaves a clerk entry pending review, and audits', () => {
    const emu = teamRegister();
    const saved = create(emu, CLERK, li);
    expect(saved).toMatchObject({ ok: true, id: 'C-000001' });
    const [row] = recordsOf(emu, 'Customers');
    expect(row).toMatchObject({
      id: 'C-000001',
      name: '李 雷',
      phone: '+8613800138000',
      email: 'li.lei@example.com',
      status: 'Active',
      recordState: 'Pending review',
      enteredBy: CLERK,
      updatedBy: CLERK,
    });
    expect(Object.prototype.toString.call(row.enteredAt)).toBe('[object Date]');
    expect(recordsOf(emu, 'Audit')).toEqual([
      expect.objectContaining({ user: CLERK, action: 'Create', record: 'C-000001', source: 'Sidebar form' }),
    ]);
  });

  test('a bad value is refused field by field, in the user’s language, and nothing is written', () => {
    const emu = teamRegister({ locales: { [CLERK]: 'zh-CN' } });
    const before = stateOf(emu);
    const saved = create(emu, CLERK, { ...li, email: 'not-an-email', phone: '12' });
    expect(saved.ok).toBe(false);
    expect(
      fieldErrors(saved)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['email', 'phone']);
    expect(fieldErrors(saved).find((e) => e.field === 'email')?.message).toContain('电子邮件');
    expect(stateOf(emu)).toBe(before);
  });

  test('what the user typed stays text: no formula, no number, no lost zero or plus', () => {
    const emu = teamRegister();
    const values = {
      customerType: 'company',
      name: '=HYPERLINK("http://x","y")',
      company: '@mention',
      title: '-5',
      phone: '0755 1234 5678',
      postcode: '007',
      status: 'prospect',
      country: 'CN',
    };
    expect(create(emu, CLERK, values).ok).toBe(true);
    const [row] = recordsOf(emu, 'Customers');
    expect(row).toMatchObject({
      name: '=HYPERLINK("http://x","y")',
      company: '@mention',
      title: '-5',
      phone: '+8675512345678',
      postcode: '007',
    });
    expect(emu.spreadsheet.formulas('Customers').flat().filter(Boolean)).toEqual([]);
  });

  test('IDs are never reused, even after the last row is deleted by hand', () => {
    const emu = teamRegister();
    create(emu, CLERK, { ...li, phone: '13800000001', email: 'a@x.com', name: 'A' });
    create(emu, CLERK, { ...li, phone: '13800000002', email: 'b@x.com', name: 'B' });
    (workbook(emu).getActive().getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet).deleteRow(
      3,
    );
    expect(ok(create(emu, CLERK, { ...li, phone: '13800000003', email: 'c@x.com', name: 'C' })).id).toBe(
      'C-000003',
    );
  });

  test('the Chinese-style ID is GR/QY + year + serial when Settings ask for it', () => {
    const emu = teamRegister({ now: '2026-11-23T01:00:00Z' });
    const settings = workbook(emu)
      .getActive()
      .getSheetByName('Settings') as GoogleAppsScript.Spreadsheet.Sheet;
    const row = emu.spreadsheet.values('Settings').findIndex((r) => r[0] === 'idStyle') + 1;
    settings.getRange(row, 3).setValue('Chinese style (QY2026000123)');
    expect(ok(create(emu, CLERK, { ...li, customerType: 'company', company: '深圳科技有限公司' })).id).toBe(
      'QY2026000001',
    );
  });
});

describe('duplicates', () => {
  test('the same phone or email, or the same name at the same company, needs an explicit confirmation, which is audited', () => {
    const emu = teamRegister();
    create(emu, CLERK, li);
    const again = create(emu, CLERK, {
      ...li,
      name: 'Someone Else',
      email: 'other@example.com',
      phone: '+86 138-0013-8000',
    });
    expect(again).toEqual({
      ok: false,
      duplicates: [expect.objectContaining({ id: 'C-000001', matched: ['phone'] })],
    });
    expect(recordsOf(emu, 'Customers')).toHaveLength(1);
    const forced = create(emu, CLERK, { ...li, name: 'Someone Else', email: 'other@example.com' }, true);
    expect(forced).toMatchObject({ ok: true, id: 'C-000002' });
    expect(recordsOf(emu, 'Audit').map((a) => a.action)).toEqual([
      'Create',
      'Create',
      'Created despite a likely duplicate',
    ]);
  });
});

describe('finding customers', () => {
  const emu = teamRegister();
  create(emu, CLERK, li);
  create(emu, CLERK, {
    customerType: 'company',
    name: 'Ada Lovelace',
    company: 'Analytical Engines Ltd',
    phone: '+44 (0)20 7946 0958',
    email: 'ada@engines.co.uk',
    status: 'active',
    country: 'GB',
  });
  create(emu, CLERK, {
    customerType: 'individual',
    name: '<img src=x onerror=alert(1)>',
    phone: '+49 0711 123456',
    email: 'x@y.de',
    status: 'prospect',
    country: 'DE',
  });
  const find = (user: string, query: string) =>
    callAs(emu, user, 'findCustomers', { query }).results.map((r) => r.id);

  test.each([
    ['an ID', 'c-000002', ['C-000002']],
    ['part of a name, any case', 'LOVE', ['C-000002']],
    ['a Chinese name', '李雷', ['C-000001']],
    ['a phone as typed another way', '138-0013-8000', ['C-000001']],
    ['a UK phone with its trunk zero', '020 7946 0958', ['C-000002']],
    ['an email', 'ADA@engines.co.uk', ['C-000002']],
    ['a company', 'analytical', ['C-000002']],
  ])('by %s', (_what, query, ids) => {
    expect(find(CLERK, query)).toEqual(ids);
  });

  test('a Viewer may search; markup in names comes back as plain text', () => {
    const results = callAs(emu, VIEWER, 'findCustomers', { query: 'img' }).results;
    expect(results.map((r) => r.name)).toEqual(['<img src=x onerror=alert(1)>']);
  });
});

describe('editing', () => {
  test('writes only the changed fields, stamps them, and audits each one old → new', () => {
    const emu = teamRegister();
    const { id } = ok(create(emu, CLERK, li));
    const loaded = callAs(emu, CLERK, 'getCustomer', { id });
    expect(loaded.values).toMatchObject({ name: '李 雷', status: 'active' });
    emu.advanceClock({ ms: 60000 });
    const saved = callAs(emu, CLERK, 'updateCustomer', {
      id,
      version: loaded.version,
      changes: { city: '深圳', status: 'inactive', name: '李 雷' },
    });
    expect(saved.ok).toBe(true);
    const audit = recordsOf(emu, 'Audit').filter((a) => a.action === 'Update');
    expect(audit.map((a) => [a.field, a.oldValue, a.newValue]).sort()).toEqual([
      ['city', '', '深圳'],
      ['status', 'active', 'inactive'],
    ]);
    const [row] = recordsOf(emu, 'Customers');
    expect(row).toMatchObject({ city: '深圳', status: 'Inactive', updatedBy: CLERK });
    expect((row.updatedAt as Date).getTime()).toBeGreaterThan((row.enteredAt as Date).getTime());
  });

  test('an edit made on stale data is refused with a clear message, never a silent overwrite', () => {
    const emu = teamRegister();
    const { id } = ok(create(emu, CLERK, li));
    const mine = callAs(emu, CLERK, 'getCustomer', { id });
    const theirs = callAs(emu, MANAGER, 'getCustomer', { id });
    expect(
      callAs(emu, MANAGER, 'updateCustomer', {
        id,
        version: theirs.version,
        changes: { city: 'Beijing' },
      }).ok,
    ).toBe(true);
    const stale = callAs(emu, CLERK, 'updateCustomer', {
      id,
      version: mine.version,
      changes: { city: 'Shanghai' },
    });
    expect(stale).toEqual({
      ok: false,
      stale: true,
      message: expect.stringContaining('changed by someone else'),
    });
    expect(recordsOf(emu, 'Customers')[0].city).toBe('Beijing');
  });

  test('a hand edit in the sheet also makes a loaded form stale', () => {
    const emu = teamRegister();
    const { id } = ok(create(emu, CLERK, li));
    const mine = callAs(emu, CLERK, 'getCustomer', { id });
    const sheet = workbook(emu).getActive().getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange(2, columnsOf(sheet).city).setValue('Hangzhou');
    expect(
      callAs(emu, CLERK, 'updateCustomer', { id, version: mine.version, changes: { city: 'Shanghai' } }),
    ).toMatchObject({ stale: true });
  });

  test('a clerk may not change credit fields, and the refusal names who may', () => {
    const emu = teamRegister();
    const { id } = ok(create(emu, CLERK, li));
    const loaded = callAs(emu, CLERK, 'getCustomer', { id });
    const saved = callAs(emu, CLERK, 'updateCustomer', {
      id,
      version: loaded.version,
      changes: { creditRating: 'A' },
    });
    expect(fieldErrors(saved)).toEqual([
      expect.objectContaining({
        field: 'creditRating',
        message: expect.stringContaining('Admin or Manager'),
      }),
    ]);
  });
});

describe('versions', () => {
  test('the version a save returns is the one a load computes, so edits can follow each other without reloading', () => {
    const emu = teamRegister();
    const created = ok(create(emu, CLERK, { ...li, birthDate: '1990-05-01' }));
    const loaded = callAs(emu, MANAGER, 'getCustomer', { id: created.id });
    expect(created.version).toBe(loaded.version);
    expect(created.values).toEqual(loaded.values);
    const approved = ok(
      callAs(emu, MANAGER, 'approveCustomer', { id: created.id, version: created.version }),
    );
    const edited = ok(
      callAs(emu, MANAGER, 'updateCustomer', {
        id: created.id,
        version: approved.version,
        changes: { creditRating: 'B' },
      }),
    );
    expect(edited.version).toBe(callAs(emu, MANAGER, 'getCustomer', { id: created.id }).version);
  });
});

describe('maker-checker review', () => {
  test('a manager sees the clerk’s entry as pending, approves it, and it is stamped', () => {
    const emu = teamRegister();
    const { id } = ok(create(emu, CLERK, li));
    const pending = callAs(emu, MANAGER, 'listPendingReview', {});
    expect(pending.results.map((r) => r.id)).toEqual([id]);
    const { version } = callAs(emu, MANAGER, 'getCustomer', { id });
    expect(callAs(emu, MANAGER, 'approveCustomer', { id, version }).ok).toBe(true);
    expect(recordsOf(emu, 'Customers')[0]).toMatchObject({ recordState: 'Approved', approvedBy: MANAGER });
    expect(callAs(emu, MANAGER, 'listPendingReview', {}).results).toEqual([]);
  });

  test('a clerk may not approve, and nobody may approve their own entry', () => {
    const emu = teamRegister();
    const { id } = ok(create(emu, CLERK, li));
    const { version } = callAs(emu, CLERK, 'getCustomer', { id });
    expect(() => callAs(emu, CLERK, 'approveCustomer', { id, version })).toThrow(
      'Only Admin or Manager may review entries.',
    );
    // The clerk is promoted: still not the one to check their own entry.
    const team = workbook(emu).getActive().getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet;
    team.getRange(5, 3).setValue('Manager');
    expect(() => callAs(emu, CLERK, 'approveCustomer', { id, version })).toThrow(
      'someone else must approve it',
    );
  });

  test('returning an entry records the comment; the clerk’s correction sends it back for review', () => {
    const emu = teamRegister();
    const { id } = ok(create(emu, CLERK, li));
    let { version } = callAs(emu, MANAGER, 'getCustomer', { id });
    expect(callAs(emu, MANAGER, 'returnCustomer', { id, version, comment: '请补充地址' }).ok).toBe(true);
    expect(recordsOf(emu, 'Audit').at(-1)).toMatchObject({
      action: 'Return for correction',
      newValue: '请补充地址',
    });
    ({ version } = callAs(emu, CLERK, 'getCustomer', { id }));
    callAs(emu, CLERK, 'updateCustomer', { id, version, changes: { city: '北京' } });
    expect(recordsOf(emu, 'Customers')[0].recordState).toBe('Pending review');
  });
});

describe('two clerks at the same moment', () => {
  test('both succeed with distinct IDs when one saves while the other waits for the lock', () => {
    const emu = teamRegister();
    let done = false;
    emu.hooks.beforeCall = (info) => {
      if (!done && info.user === CLERK && info.method === 'waitLock') {
        done = true;
        create(emu, MANAGER, { ...li, name: 'Other', phone: '13900000000', email: 'o@x.com' });
      }
    };
    expect(create(emu, CLERK, li)).toMatchObject({ ok: true, id: 'C-000002' });
    expect(recordsOf(emu, 'Customers').map((r) => r.id)).toEqual(['C-000001', 'C-000002']);
  });

  test('one that cannot get the lock in time is told the register is busy, and writes nothing', () => {
    const emu = teamRegister();
    let refused = '';
    emu.hooks.beforeCall = (info) => {
      if (!refused && info.user === CLERK && info.method === 'Sheet.appendRow') {
        try {
          create(emu, MANAGER, { ...li, name: 'Other', phone: '13900000000', email: 'o@x.com' });
        } catch (e) {
          refused = (e as Error).message;
        }
      }
    };
    expect(create(emu, CLERK, li)).toMatchObject({ ok: true, id: 'C-000001' });
    expect(refused).toBe(t('en', 'busy'));
    expect(recordsOf(emu, 'Customers')).toHaveLength(1);
  });
});

describe('crafted calls', () => {
  const emu = teamRegister();
  const big = 'x'.repeat(100000);
  test.each([
    ['values that are not an object', CLERK, { values: 'x' }],
    ['an extra top-level key', CLERK, { values: li, admin: true }],
    ['a __proto__ key', CLERK, JSON.parse(`{"values": {"__proto__": {"isAdmin": true}, "name": "x"}}`)],
    ['a 100,000-character string', CLERK, { values: { ...li, name: big } }],
    ['a nested object as a value', CLERK, { values: { ...li, name: { first: 'a' } } }],
    ['a Viewer', VIEWER, { values: li }],
    ['someone not on the team', STRANGER, { values: li }],
  ])('%s is refused and writes nothing', (_what, user, arg) => {
    if (user === STRANGER) emu.spreadsheet.addEditor(STRANGER);
    const before = stateOf(emu);
    let outcome: unknown;
    try {
      outcome = emu.scriptRun(user, 'createCustomer', arg);
    } catch (e) {
      outcome = (e as Error).message;
    }
    expect(outcome).toEqual(expect.anything());
    if (typeof outcome === 'object') expect((outcome as SaveResult).ok).toBe(false);
    else expect(String(outcome)).toMatch(/refused|Only Admin, Manager or Clerk/);
    expect(stateOf(emu)).toBe(before);
  });

  test('an unknown field is refused by name', () => {
    const saved = callAs(emu, CLERK, 'createCustomer', { values: { ...li, isVip: true } });
    expect(fieldErrors(saved)).toEqual([expect.objectContaining({ field: 'isVip' })]);
  });
});

describe('the form page', () => {
  test('embeds the boot data (role, forms, lists) with markup escaped, so no round trip is needed', () => {
    const emu = teamRegister({ locales: { [CLERK]: 'zh-CN' } });
    emu.run(CLERK, 'openForm');
    const html = emu.uiOf(CLERK).sidebars[0].html;
    const json = /window\.__BOOT__=(.*?);<\/script>/.exec(html)?.[1] ?? '';
    const boot = JSON.parse(json);
    expect(boot).toMatchObject({ user: CLERK, role: 'Clerk', lang: 'zh', registerLang: 'en' });
    expect(boot.forms.customer.fields.find((f: { key: string }) => f.key === 'creditRating')).toMatchObject({
      readOnly: true,
    });
    expect(json).not.toContain('<');
  });
});
