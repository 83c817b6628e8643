// "Set up register" on dist/Code.js in the emulator: every sheet, header, format, validation and highlight; idempotence; refusals.
import { messages } from '../../emulator/src';
import { columnSpecs } from '../../src/domain/columns';
import { defaultLists, recordTypes } from '../../src/schema';
import { columnsOf, registerEmulator, stateOf, workbook } from '../helpers/register';
import { CLERK, MANAGER, OWNER } from '../helpers/users';

const SHEETS = [
  'Lists',
  'Settings',
  'Team',
  'Customers',
  'Interactions',
  'Property',
  'Audit',
  'Reminder log',
];

function setUp(locale = 'en_US') {
  const emu = registerEmulator({ locale });
  emu.run(OWNER, 'setUpRegister');
  return { emu, ss: workbook(emu).getActive() };
}

describe('Set up register on an empty spreadsheet', () => {
  const { emu, ss } = setUp();

  test('creates every sheet of the register', () => {
    expect(emu.spreadsheet.sheetNames()).toEqual(expect.arrayContaining(SHEETS));
  });

  test.each(Object.values(recordTypes).map((rt) => [rt.sheetName, rt] as const))(
    '%s: English headers in schema order, frozen, each column tagged with its field key',
    (name, rt) => {
      const sheet = ss.getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
      const headers = sheet.getRange(1, 1, 1, rt.fields.length).getValues()[0];
      expect(headers).toEqual(rt.fields.map((f) => f.labels.en));
      expect(sheet.getFrozenRows()).toBe(1);
      expect(columnsOf(sheet)).toEqual(Object.fromEntries(rt.fields.map((f, i) => [f.key, i + 1])));
    },
  );

  test('text-like columns are plain text and dates are dates, so "+86…" and "0755" survive', () => {
    const sheet = ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const col = columnsOf(sheet);
    expect(sheet.getRange(2, col.phone).getNumberFormat()).toBe('@');
    expect(
      sheet.getRange(5000 > sheet.getMaxRows() ? sheet.getMaxRows() : 2, col.postcode).getNumberFormat(),
    ).toBe('@');
    expect(sheet.getRange(2, col.id).getNumberFormat()).toBe('@');
    expect(sheet.getRange(2, col.birthDate).getNumberFormat()).toBe('yyyy-mm-dd');
  });

  test('every column of every sheet has its field’s number format and rule from row 2 to the last row', () => {
    for (const rt of Object.values(recordTypes)) {
      const sheet = ss.getSheetByName(rt.sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
      const col = columnsOf(sheet);
      for (const spec of columnSpecs(rt, 'en'))
        for (const row of [2, sheet.getMaxRows()]) {
          const cell = sheet.getRange(row, col[spec.key]);
          expect([rt.sheetName, spec.key, cell.getNumberFormat()]).toEqual([
            rt.sheetName,
            spec.key,
            spec.numberFormat,
          ]);
          const rule = cell.getDataValidation();
          expect([spec.key, rule ? rule.getHelpText() : null]).toEqual([
            spec.key,
            spec.validation ? spec.help : null,
          ]);
        }
    }
  });

  test('tags, widths, formats, rules and notes of every sheet go in one Sheets API batch, the protections in another', () => {
    const run = emu.meter.executions.find((e) => e.fn === 'setUpRegister');
    const calls = (m: string) => run?.calls[m] ?? 0;
    expect(run?.sheetCalls).toBeLessThanOrEqual(150);
    expect(calls('Sheets.Spreadsheets.batchUpdate')).toBe(2);
    for (const oneByOne of [
      'Range.addDeveloperMetadata',
      'Sheet.addDeveloperMetadata',
      'Range.setDataValidation',
      'Sheet.setColumnWidths',
      'Range.setNotes',
      'Range.protect',
      'Protection.setDescription',
    ])
      expect([oneByOne, calls(`SpreadsheetApp.${oneByOne}`)]).toEqual([oneByOne, 0]);
    // Only "General" (the API has no pattern for the automatic format) goes through SpreadsheetApp: one call a sheet that has it.
    const general = Object.values(recordTypes).filter((rt) =>
      columnSpecs(rt, 'en').some((s) => s.numberFormat === 'General'),
    ).length;
    expect(
      calls('SpreadsheetApp.RangeList.setNumberFormat') + calls('SpreadsheetApp.Range.setNumberFormat'),
    ).toBe(general);
    // The empty Lists sheet is filled in blocks of neighbouring lists, not one write per list.
    expect(calls('SpreadsheetApp.Range.setValues')).toBeLessThan(Object.keys(defaultLists).length);
  });

  test('the header row is bold on its background and carries each field’s help as its note', () => {
    const sheet = ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const col = columnsOf(sheet);
    const header = sheet.getRange(1, col.phone);
    expect([header.getFontWeight(), header.getBackground()]).toEqual(['bold', '#e8f0fe']);
    expect(header.getNote()).toBe(recordTypes.customer.fields.find((f) => f.key === 'phone')?.help.en);
    expect(sheet.getColumnWidth(col.phone)).toBe(
      columnSpecs(recordTypes.customer, 'en').find((s) => s.key === 'phone')?.width,
    );
  });

  test('dropdowns reject values not on the Lists sheet and point at its column', () => {
    const sheet = ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const lists = ss.getSheetByName('Lists') as GoogleAppsScript.Spreadsheet.Sheet;
    const rule = sheet.getRange(2, columnsOf(sheet).status).getDataValidation();
    expect(String(rule?.getCriteriaType())).toBe('VALUE_IN_RANGE');
    expect(rule?.getAllowInvalid()).toBe(false);
    const source = rule?.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect(source.getSheet().getName()).toBe('Lists');
    expect(source.getColumn()).toBe(columnsOf(lists).customerStatus);
    expect(source.getRow()).toBe(2);
    expect(rule?.getHelpText()).toBe(recordTypes.customer.fields.find((f) => f.key === 'status')?.help.en);
  });

  test('checkboxes, dates and emails get their own rules', () => {
    const sheet = ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const col = columnsOf(sheet);
    const type = (k: string) => String(sheet.getRange(3, col[k]).getDataValidation()?.getCriteriaType());
    expect(type('consent')).toBe('CHECKBOX');
    expect(type('birthDate')).toBe('DATE_IS_VALID_DATE');
    expect(type('email')).toBe('TEXT_IS_VALID_EMAIL');
    expect(sheet.getRange(3, col.birthDate).getDataValidation()?.getAllowInvalid()).toBe(false);
  });

  test('a person typing a value that is not on the list is refused with the real message', () => {
    const sheet = ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const a1 = sheet.getRange(2, columnsOf(sheet).status).getA1Notation();
    expect(emu.edit(OWNER, 'Customers', a1, 'Actve')).toEqual({
      ok: false,
      error: messages.validationViolated(a1),
    });
    expect(emu.edit(OWNER, 'Customers', a1, 'Active')).toEqual({ ok: true });
  });

  test('the Lists sheet holds every default list in the register language', () => {
    const lists = ss.getSheetByName('Lists') as GoogleAppsScript.Spreadsheet.Sheet;
    const col = columnsOf(lists);
    for (const list of Object.values(defaultLists)) {
      const values = lists
        .getRange(2, col[list.key], list.items.length, 1)
        .getValues()
        .map((r) => r[0]);
      expect(values).toEqual(list.items.map((i) => i.labels.en));
    }
  });

  test('highlights overdue reviews, pending entries and late property', () => {
    const rules = (name: string) =>
      (ss.getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet)
        .getConditionalFormatRules()
        .map((r) => r.getBooleanCondition()?.getCriteriaValues()[0]);
    expect(rules('Customers')).toEqual([
      expect.stringMatching(/<TODAY\(\).*"Approved"/),
      expect.stringMatching(/"Pending review"/),
    ]);
    expect(rules('Property')).toEqual([expect.stringMatching(/<TODAY\(\).*"Returned"/)]);
  });

  test('the owner is recorded as Admin, and settings hold their defaults', () => {
    const team = ss.getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet;
    expect(team.getRange(2, 1, 1, 4).getValues()[0]).toEqual([OWNER, '', 'Admin', true]);
    const settings = emu.spreadsheet.values('Settings');
    expect(settings.find((r) => r[0] === 'language')?.[2]).toBe('English');
    expect(settings.find((r) => r[0] === 'defaultPhoneRegion')?.[2]).toBeTruthy();
  });

  test('a second run changes nothing', () => {
    const before = stateOf(emu);
    const report = emu.run(OWNER, 'setUpRegister') as { changed: boolean };
    expect(report.changed).toBe(false);
    expect(stateOf(emu)).toBe(before);
  });
});

describe('who may set up', () => {
  test('an editor who is not an Admin is refused, in their language, and nothing is written', () => {
    const emu = registerEmulator({ locales: { [CLERK]: 'zh-CN' } });
    const before = stateOf(emu);
    expect(() => emu.run(MANAGER, 'setUpRegister')).toThrow('Only Admin may set up the register.');
    expect(() => emu.run(CLERK, 'setUpRegister')).toThrow('只有管理员可以设置登记表。');
    expect(stateOf(emu)).toBe(before);
  });

  test('the menu item shows the refusal instead of failing', () => {
    const emu = registerEmulator();
    emu.run(CLERK, 'menuSetUpRegister');
    expect(emu.uiOf(CLERK).alerts).toEqual(['Only Admin may set up the register.']);
  });

  test('an Admin listed in Team may run it again', () => {
    const { emu } = setUp();
    const team = workbook(emu).getActive().getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet;
    team.getRange(3, 1, 1, 4).setValues([[MANAGER, 'Wang', 'Admin', true]]);
    // A fixture write fires no onEdit: re-apply protections as the guard does after a hand edit of Team.
    emu.run(OWNER, 'applyProtections');
    expect(() => emu.run(MANAGER, 'setUpRegister')).not.toThrow();
  });
});

describe('sheets that already exist', () => {
  test('a foreign sheet with our name is never overwritten: setup stops and explains', () => {
    const emu = registerEmulator();
    const sheet = workbook(emu).getActive().insertSheet('Customers');
    sheet.getRange(1, 1, 2, 2).setValues([
      ['Invoice', 'Amount'],
      ['INV-1', 12],
    ]);
    const before = stateOf(emu);
    expect(() => emu.run(OWNER, 'setUpRegister')).toThrow(
      /"Customers" already exists .*Invoice, Amount.*Nothing was changed/,
    );
    expect(stateOf(emu)).toBe(before);
  });

  test('a sheet whose headers are ours, in either language, is adopted with its data', () => {
    const emu = registerEmulator();
    const sheet = workbook(emu).getActive().insertSheet('Customers');
    sheet.getRange(1, 1, 2, 3).setNumberFormat('@');
    sheet.getRange(1, 1, 2, 3).setValues([
      ['姓名', 'Phone', 'Email'],
      ['李雷', '+8613800138000', 'li@example.com'],
    ]);
    emu.run(OWNER, 'setUpRegister');
    const col = columnsOf(sheet);
    expect([col.name, col.phone, col.email]).toEqual([1, 2, 3]);
    expect(sheet.getRange(2, 1, 1, 3).getValues()[0]).toEqual(['李雷', '+8613800138000', 'li@example.com']);
    expect(sheet.getLastColumn()).toBe(recordTypes.customer.fields.length);
  });
});

describe('columns are found by key, not by position or header', () => {
  test('moving and renaming a column, then running setup again, adds nothing and keeps the rules on the right column', () => {
    const { emu, ss } = setUp();
    const sheet = ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const before = columnsOf(sheet);
    sheet.moveColumns(sheet.getRange(1, before.phone, sheet.getMaxRows(), 1), 2);
    sheet.getRange(1, 2).setValue('Mobile 手机');
    const moved = columnsOf(sheet);
    expect(moved.phone).toBe(2);
    const report = emu.run(OWNER, 'setUpRegister') as { changed: boolean };
    expect(report.changed).toBe(false);
    expect(sheet.getLastColumn()).toBe(recordTypes.customer.fields.length);
    expect(sheet.getRange(1, 2).getValue()).toBe('Mobile 手机');
    expect(sheet.getRange(2, moved.phone).getNumberFormat()).toBe('@');
    expect(String(sheet.getRange(2, moved.status).getDataValidation()?.getCriteriaType())).toBe(
      'VALUE_IN_RANGE',
    );
  });
});

describe('the register language', () => {
  test('a Chinese-speaking owner gets a Chinese register', () => {
    const { ss } = setUp('zh-CN');
    const sheet = ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    expect(sheet.getRange(1, columnsOf(sheet).name).getValue()).toBe('姓名');
    const lists = ss.getSheetByName('Lists') as GoogleAppsScript.Spreadsheet.Sheet;
    expect(lists.getRange(2, columnsOf(lists).customerType, 2, 1).getValues()).toEqual([['个人'], ['企业']]);
  });

  test('changing it in Settings migrates headers, lists and stored dropdown values together', () => {
    const { emu, ss } = setUp();
    const customers = ss.getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const col = columnsOf(customers);
    customers.getRange(2, col.status).setValue('Active');
    customers.getRange(2, col.name).setValue('Ada');
    customers.getRange(1, col.notes).setValue('Our remarks');
    const settings = ss.getSheetByName('Settings') as GoogleAppsScript.Spreadsheet.Sheet;
    const row = emu.spreadsheet.values('Settings').findIndex((r) => r[0] === 'language') + 1;
    settings.getRange(row, columnsOf(settings).value).setValue('中文');
    emu.run(OWNER, 'setUpRegister');
    expect(customers.getRange(1, col.status).getValue()).toBe('状态');
    expect(customers.getRange(2, col.status).getValue()).toBe(
      defaultLists.customerStatus.items.find((i) => i.key === 'active')?.labels.zh,
    );
    expect(customers.getRange(2, col.name).getValue()).toBe('Ada');
    expect(customers.getRange(1, col.notes).getValue()).toBe('Our remarks');
    const lists = ss.getSheetByName('Lists') as GoogleAppsScript.Spreadsheet.Sheet;
    expect(lists.getRange(2, columnsOf(lists).customerType, 2, 1).getValues()).toEqual([['个人'], ['企业']]);
    expect(lists.getLastRow()).toBe(1 + Math.max(...Object.values(defaultLists).map((l) => l.items.length)));
  });
});
