// One standard for every value (issue 11), through dist/Code.js as each role calls it: phones, countries, emails, text, dates, lists.
/// <reference types="google-apps-script" />

import { columnsOf, recordsOf, stateOf, teamRegister, workbook } from '../helpers/register';
import { servedSidebar } from '../helpers/sidebar-harness';
import { ADMIN, CLERK, STRANGER, VIEWER } from '../helpers/users';

type Emu = ReturnType<typeof teamRegister>;
type Save = {
  ok: boolean;
  id?: string;
  version?: string;
  values?: Record<string, unknown>;
  errors?: { field: string; message: string }[];
};

const base = { customerType: 'individual', name: 'Test Person', status: 'active' };

// One register for the read-only and one-record cases: setting one up is the slow part.
let emu: Emu;
beforeAll(() => {
  emu = teamRegister();
});

function create(values: Record<string, unknown>, user = CLERK, e = emu): Save {
  return e.scriptRun(user, 'createCustomer', {
    values: { ...base, ...values },
    confirmDuplicate: true,
  }) as Save;
}

/** The saved row of a customer, as the sheet holds it. */
function rowOf(id: string | undefined, e = emu) {
  return recordsOf(e, 'Customers').find((r) => r.id === id) ?? {};
}

/** Refused, naming the field, and nothing written. */
function expectRefused(values: Record<string, unknown>, field: string, message?: RegExp) {
  const before = stateOf(emu);
  const r = create(values);
  expect(r.ok).toBe(false);
  expect(r.errors?.map((e) => e.field)).toEqual([field]);
  if (message) expect(r.errors?.[0].message).toMatch(message);
  expect(stateOf(emu)).toBe(before);
}

describe('phones: judged with full metadata', () => {
  test.each([
    ['12193590070', {}],
    ['1519359007', {}],
    ['+91 0124 39883988', {}],
    // An Austrian mobile typed the national way is not a Chinese number.
    ['0664123456', {}],
  ])('%s is refused, and nothing is written', (phone, extra) => {
    expectRefused({ phone, ...extra }, 'phone', /^Phone: ".*" is not a valid phone number\.$/);
  });

  test.each([
    ['+683 7012', '+6837012'],
    ['+690 3101', '+6903101'],
    ['+290 8999', '+2908999'],
    ['+47 02000', '+4702000'],
    ['+31 14020', '+3114020'],
    ['+229 01 90 01 12 34', '+2290190011234'],
  ])('%s is accepted and stored as %s', (phone, stored) => {
    const r = create({ phone });
    expect(r).toMatchObject({ ok: true });
    expect(rowOf(r.id).phone).toBe(stored);
  });

  test.each(['010-6552 9988转123', '010-65529988 分机 123', '010-65529988-123'])(
    'the Chinese extension %s is kept as ;ext=',
    (phone) => {
      const r = create({ phone, country: 'CN' });
      expect(rowOf(r.id).phone).toBe('+861065529988;ext=123');
    },
  );

  test('a national number is read with the customer’s country', () => {
    const r = create({ phone: '0664123456', country: 'Österreich' });
    expect(r).toMatchObject({ ok: true, values: { phone: '+43664123456', country: 'AT' } });
    expect(rowOf(r.id)).toMatchObject({ phone: '+43664123456', country: 'Austria' });
  });

  test('checkPhone shows the stored form and the country a national number was read in', () => {
    expect(emu.scriptRun(CLERK, 'checkPhone', { phone: '(415) 555-2671' })).toEqual({
      ok: true,
      value: '+864155552671',
      display: '+86 415 555 2671',
      country: 'China',
      region: 'CN',
      assumed: true,
    });
    expect(emu.scriptRun(CLERK, 'checkPhone', { phone: '(415) 555-2671', country: 'US' })).toMatchObject({
      value: '+14155552671',
      country: 'United States',
      assumed: true,
    });
    expect(emu.scriptRun(CLERK, 'checkPhone', { phone: '+55 11 96123 4567' })).toMatchObject({
      value: '+5511961234567',
      country: 'Brazil',
      region: 'BR',
      assumed: false,
    });
    expect(emu.scriptRun(CLERK, 'checkPhone', { phone: '12193590070' })).toEqual({
      ok: false,
      message: 'Phone: "12193590070" is not a valid phone number.',
    });
  });

  test('checkPhone is refused to people who may not enter customers, and to malformed requests', () => {
    expect(() => emu.scriptRun(VIEWER, 'checkPhone', { phone: '13800138000' })).toThrow(/create customers/);
    expect(() => emu.scriptRun(STRANGER, 'checkPhone', { phone: '13800138000' })).toThrow();
    expect(() => emu.scriptRun(CLERK, 'checkPhone', { phone: 13800138000 })).toThrow(/phone/);
    expect(() => emu.scriptRun(CLERK, 'checkPhone', { phone: '1', extra: 1 })).toThrow();
  });
});

describe('countries: every ISO 3166-1 country, typed as people type them', () => {
  test.each([
    ['USA', 'US', 'United States'],
    ['Brazil', 'BR', 'Brazil'],
    ['Deutschland', 'DE', 'Germany'],
    ['美国', 'US', 'United States'],
    ['英国', 'GB', 'United Kingdom'],
    ['香港', 'HK', 'Hong Kong, China'],
    ['Niue', 'NU', 'Niue'],
  ])('%s is accepted as %s and stored as its label', (country, code, label) => {
    const r = create({ country });
    expect(r).toMatchObject({ ok: true, values: { country: code } });
    expect(rowOf(r.id).country).toBe(label);
  });

  test('an international number fills an empty country; a national one does not', () => {
    const intl = create({ phone: '+55 11 96123 4567' });
    expect(rowOf(intl.id)).toMatchObject({ phone: '+5511961234567', country: 'Brazil' });
    const national = create({ phone: '138 0013 8000' });
    expect(rowOf(national.id)).toMatchObject({ phone: '+8613800138000', country: '' });
  });

  test('the Lists sheet offers every country after setup, and the sidebar too', () => {
    const lists = workbook(emu).getActive().getSheetByName('Lists') as GoogleAppsScript.Spreadsheet.Sheet;
    const col = columnsOf(lists).countries;
    const values = lists
      .getRange(2, col, lists.getLastRow() - 1, 1)
      .getValues()
      .map((r) => r[0])
      .filter(Boolean);
    expect(values.length).toBeGreaterThanOrEqual(249);
    expect(values).toEqual(expect.arrayContaining(['Austria', 'Brazil', 'Niue', 'Hong Kong, China']));
    expect(servedSidebar(emu, CLERK)).toContain('"key":"AT","label":"Austria"');
  });
});

describe('emails', () => {
  test.each([
    ['user@例子.中国', 'user@例子.中国'],
    ['user@bücher.de', 'user@bücher.de'],
    ['张三@例子.中国', '张三@例子.中国'],
    ['stanisław.wójcik@wp.pl', 'stanisław.wójcik@wp.pl'],
    ['Li.Lei@Example.com\u200b', 'li.lei@example.com'],
  ])('%j is stored as %s', (email, stored) => {
    const r = create({ email });
    expect(r).toMatchObject({ ok: true });
    expect(rowOf(r.id).email).toBe(stored);
  });
});

describe('names and one-line text', () => {
  test('zero-width and bidirectional controls are stripped before anything is stored', () => {
    const r = create({ name: 'Evil\u202egnp.exe', company: '\u200bACME\u2066 Ltd\u2069' });
    expect(rowOf(r.id)).toMatchObject({ name: 'Evilgnp.exe', company: 'ACME Ltd' });
  });

  test('a name made only of invisible characters is empty: "required" refuses it', () => {
    expectRefused({ name: '\u200b\u200b' }, 'name', /^Name is required\.$/);
  });
});

describe('dates', () => {
  test.each([
    ['１９９０－０５－０１', '1990-05-01'],
    ['19900501', '1990-05-01'],
    ['1990年5月1日', '1990-05-01'],
  ])('birth date %s is read as %s', (birthDate, stored) => {
    const r = create({ birthDate });
    expect(r).toMatchObject({ ok: true, values: { birthDate: stored } });
  });

  test.each([
    ['2999-01-01', /^Birth date: 2999-01-01 is in the future \(today is \d{4}-\d{2}-\d{2}\)\.$/],
    ['1850-03-01', /^Birth date: 1850-03-01 is before 1900-01-01\.$/],
    ['1990-02-30', /not a day of the calendar/],
  ])('birth date %s is refused with the reason', (birthDate, message) => {
    expectRefused({ birthDate }, 'birthDate', message);
  });

  test('the reasons come in Chinese to a Chinese user', () => {
    const zh = teamRegister({ locales: { [CLERK]: 'zh-CN' } });
    const r = create({ birthDate: '2999-01-01' }, CLERK, zh);
    expect(r.errors?.[0].message).toMatch(/^“出生日期”：2999-01-01 晚于今天（今天是 \d{4}-\d{2}-\d{2}）。$/);
  });

  test('a date whose day and month could swap is read day first, and the save says which date it read', () => {
    const r = create({ birthDate: '01/05/1990' }) as Save & {
      notices?: { field: string; message: string }[];
    };
    expect(r).toMatchObject({ ok: true, values: { birthDate: '1990-05-01' } });
    expect(r.notices).toEqual([
      {
        field: 'birthDate',
        fieldLabel: 'Birth date',
        message:
          'Birth date: "01/05/1990" could be either day or month first; it was read day first, as 1990-05-01. If you meant 1990-01-05, enter 1990-01-05.',
      },
    ]);
    // Nothing to say when only one reading is possible.
    expect(create({ birthDate: '25/12/1990' })).not.toHaveProperty('notices');
    expect(create({ birthDate: '1990-05-01' })).not.toHaveProperty('notices');
  });

  test('every record type’s dates say so too, on create and on update, in the caller’s language', () => {
    const zh = teamRegister({ locales: { [CLERK]: 'zh-CN' } });
    const { id } = create({}, CLERK, zh);
    const logged = zh.scriptRun(CLERK, 'logInteraction', {
      values: { customerId: id, date: '02/03/2026', kind: 'consultation', summary: 'Called' },
    }) as Save & { notices?: { field: string; message: string }[] };
    expect(logged).toMatchObject({ ok: true, values: { date: '2026-03-02' } });
    expect(logged.notices?.[0].message).toBe(
      '“日期”：“02/03/2026”的日和月可以互换，已按“日在前”读作 2026-03-02。如果指的是 2026-02-03，请输入 2026-02-03。',
    );
    const { version } = zh.scriptRun(CLERK, 'getCustomer', { id }) as { version: string };
    const updated = zh.scriptRun(CLERK, 'updateCustomer', {
      id,
      version,
      changes: { birthDate: '03/04/1985' },
    }) as Save & { notices?: { field: string }[] };
    expect(updated).toMatchObject({ ok: true, values: { birthDate: '1985-04-03' } });
    expect(updated.notices?.map((n) => n.field)).toEqual(['birthDate']);
  });
});

describe('the Lists sheet is the source of the dropdowns', () => {
  function addSource(e: Emu, value: string) {
    const lists = workbook(e).getActive().getSheetByName('Lists') as GoogleAppsScript.Spreadsheet.Sheet;
    const col = columnsOf(lists).customerSource;
    const filled = lists
      .getRange(2, col, lists.getLastRow(), 1)
      .getValues()
      .findIndex((r) => r[0] === '');
    lists.getRange(2 + filled, col).setValue(value);
  }

  test('what an admin adds is offered by the sidebar and accepted by the server; other fields’ saves keep it', () => {
    const e = teamRegister();
    addSource(e, '小红书 Xiaohongshu');
    expect(servedSidebar(e, CLERK)).toContain('"key":"小红书 Xiaohongshu","label":"小红书 Xiaohongshu"');
    const r = create({ source: '小红书 Xiaohongshu' }, CLERK, e);
    expect(r).toMatchObject({ ok: true, values: { source: '小红书 Xiaohongshu' } });
    expect(rowOf(r.id, e).source).toBe('小红书 Xiaohongshu');
    const loaded = e.scriptRun(CLERK, 'getCustomer', { id: r.id }) as {
      version: string;
      values: Record<string, unknown>;
    };
    expect(loaded.values.source).toBe('小红书 Xiaohongshu');
    const saved = e.scriptRun(CLERK, 'updateCustomer', {
      id: r.id,
      version: loaded.version,
      changes: { notes: 'Met at the fair' },
    }) as Save;
    expect(saved).toMatchObject({ ok: true });
    expect(rowOf(r.id, e)).toMatchObject({ source: '小红书 Xiaohongshu', notes: 'Met at the fair' });
    expect(recordsOf(e, 'Audit').filter((a) => a.field === 'source' && a.action === 'Update')).toEqual([]);
  });

  test('a value an admin has not added is still refused, naming the field and the list', () => {
    const before = stateOf(emu);
    const r = create({ source: 'Carrier pigeon' });
    expect(r.errors).toEqual([
      {
        field: 'source',
        fieldLabel: 'Source',
        message: 'Source: "Carrier pigeon" is not one of the choices in the Source list.',
      },
    ]);
    expect(stateOf(emu)).toBe(before);
  });

  test('the admin’s own view of the form offers the added value too', () => {
    const e = teamRegister();
    addSource(e, 'Trade fair 2026');
    expect(servedSidebar(e, ADMIN)).toContain('"label":"Trade fair 2026"');
  });
});
