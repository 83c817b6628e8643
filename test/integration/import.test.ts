// Importing customers through dist/Code.js as people would: preview, chunks under the lock, resuming, duplicates, the report and Audit.
/// <reference types="google-apps-script" />
import { messages } from '../../emulator/src';
import { fillDueCustomers } from '../fixtures/due-register';
import { recordsOf, stateOf, teamRegister, workbook } from '../helpers/register';
import { ADMIN, CLERK, MANAGER, VIEWER } from '../helpers/users';

type Emu = ReturnType<typeof teamRegister>;
type Row = { line: number; values: Record<string, string> };
interface Chunk {
  imported: { line: number; id: string }[];
  report: { line: number; field: string; value: string; reason: string }[];
  refused: number[];
  progress: { last: number; imported: number; filled: number; skipped: number; refused: number };
  reportSheet: string;
}

const person = (name: string, extra: Record<string, string> = {}) => ({
  customerType: 'individual',
  name,
  status: 'active',
  ...extra,
});

function chunk(emu: Emu, user: string, importId: string, rows: Row[], more: Record<string, unknown> = {}) {
  return emu.scriptRun(user, 'importCustomers', {
    importId,
    rows,
    approve: false,
    duplicates: 'skip',
    ...more,
  }) as Chunk;
}

const rowsOf = (list: Record<string, string>[], from = 2): Row[] =>
  list.map((values, i) => ({ line: from + i, values }));

describe('preview', () => {
  test('every row as it will be stored, the reason for each refusal, and likely duplicates in the register', () => {
    const emu = teamRegister();
    emu.scriptRun(CLERK, 'createCustomer', { values: person('Old Friend', { email: 'old@example.com' }) });
    const before = stateOf(emu);
    const out = emu.scriptRun(MANAGER, 'checkImport', {
      rows: rowsOf([
        person('Ann', { phone: '(415) 555-2671', country: 'USA' }),
        person('Bad', { email: 'not-an-email' }),
        person('Again', { email: 'OLD@example.com' }),
      ]),
    }) as {
      rows: {
        line: number;
        values: Record<string, unknown>;
        errors: { field: string; message: string }[];
        duplicates: { id: string }[];
      }[];
    };
    expect(out.rows[0]).toMatchObject({
      line: 2,
      values: { phone: '+14155552671', country: 'US' },
      errors: [],
    });
    expect(out.rows[1].errors).toEqual([
      expect.objectContaining({ field: 'email', message: expect.stringContaining('not-an-email') }),
    ]);
    expect(out.rows[2].duplicates).toEqual([expect.objectContaining({ id: 'C-000001' })]);
    expect(stateOf(emu)).toBe(before);
  });

  test('refusals are in the user’s language', () => {
    const emu = teamRegister({ locales: { [MANAGER]: 'zh-CN' } });
    const out = emu.scriptRun(MANAGER, 'checkImport', {
      rows: rowsOf([person('坏', { email: 'nope' })]),
    }) as {
      rows: { errors: { message: string }[] }[];
    };
    expect(out.rows[0].errors[0].message).toMatch(/电子邮件/);
  });
});

describe('import', () => {
  test('a manager imports rows pending review; each record and the summary are in Audit with source Import', () => {
    const emu = teamRegister();
    const out = chunk(
      emu,
      MANAGER,
      'file-0001',
      rowsOf([person('Ann', { phone: '(415) 555-2671', country: 'USA' }), person('Bo')]),
    );
    expect(out.imported.map((x) => x.id)).toEqual(['C-000001', 'C-000002']);
    const rows = recordsOf(emu, 'Customers');
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'C-000001',
        name: 'Ann',
        phone: '+14155552671',
        recordState: 'Pending review',
        enteredBy: MANAGER,
      }),
      expect.objectContaining({ id: 'C-000002', name: 'Bo', recordState: 'Pending review' }),
    ]);
    emu.scriptRun(MANAGER, 'finishImport', { importId: 'file-0001', file: 'old.csv' });
    emu.scriptRun(MANAGER, 'finishImport', { importId: 'file-0001', file: 'old.csv' });
    const audit = recordsOf(emu, 'Audit');
    expect(audit.filter((a) => a.source === 'Import')).toEqual([
      expect.objectContaining({ action: 'Import', record: 'C-000001', newValue: '#2' }),
      expect.objectContaining({ action: 'Import', record: 'C-000002', newValue: '#3' }),
      expect.objectContaining({
        action: 'Import',
        record: '',
        newValue: 'old.csv: 2 imported, 0 existing records filled, 0 skipped, 0 refused.',
      }),
    ]);
    expect(audit).toHaveLength(3);
  });

  test('a manager may choose to import them approved', () => {
    const emu = teamRegister();
    chunk(emu, ADMIN, 'file-0002', rowsOf([person('Ann')]), { approve: true });
    expect(recordsOf(emu, 'Customers')[0]).toMatchObject({ recordState: 'Approved', approvedBy: ADMIN });
  });

  test.each([CLERK, VIEWER])('%s is refused and nothing is written', (who) => {
    const emu = teamRegister();
    const before = stateOf(emu);
    expect(() => chunk(emu, who, 'file-0003', rowsOf([person('Ann')]))).toThrow(/Admin|Manager/);
    expect(() => emu.scriptRun(who, 'checkImport', { rows: rowsOf([person('Ann')]) })).toThrow(
      /Admin|Manager/,
    );
    expect(stateOf(emu)).toBe(before);
  });

  test('a chunk over the size limit, or a row with an unknown column, is refused and writes nothing', () => {
    const emu = teamRegister();
    const before = stateOf(emu);
    const many = rowsOf(Array.from({ length: 251 }, (_, i) => person(`P${i}`)));
    expect(() => chunk(emu, MANAGER, 'file-0004', many)).toThrow(/rows/);
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`col${i}`, 'x']));
    const out = chunk(emu, MANAGER, 'file-0004', rowsOf([{ ...person('Wide'), ...wide }]));
    expect(out.imported).toEqual([]);
    expect(out.report[0].reason).toMatch(/is not a field of/);
    expect(recordsOf(emu, 'Customers')).toEqual([]);
    expect(stateOf(emu)).not.toBe(before); // the report sheet lists the refusal
  });

  test('refused rows are reported on a sheet: row in the file, field, value and reason; nothing else is lost', () => {
    const emu = teamRegister();
    const out = chunk(
      emu,
      MANAGER,
      'file-0005',
      rowsOf([person('Ann'), person('Bad', { phone: '12193590070' }), person('')]),
    );
    expect(out.imported).toHaveLength(1);
    expect(out.reportSheet).toMatch(/^Import \d{4}-\d\d-\d\d \d\d:\d\d$/);
    const report = workbook(emu)
      .getActive()
      .getSheetByName(out.reportSheet) as GoogleAppsScript.Spreadsheet.Sheet;
    expect(report.getDataRange().getValues()).toEqual([
      ['Row in file', 'Field', 'Value', 'Reason'],
      ['3', 'Phone', '12193590070', expect.stringContaining('not a valid phone number')],
      ['4', 'Name', '', 'Name is required.'],
    ]);
    expect(out.progress).toMatchObject({ imported: 1, refused: 2 });
  });

  test('formula-like cells are stored as text and never become formulas, in the register and in the report', () => {
    const emu = teamRegister();
    const risky = ['=HYPERLINK("http://evil","x")', '+cmd', '@SUM(A1:A9)', '-2+3'];
    const out = chunk(
      emu,
      MANAGER,
      'file-0006',
      rowsOf([
        ...risky.map((name) => person(name, { notes: `\t=1+1 ${name}` })),
        person('Refused', { email: '=HYPERLINK("x")' }),
      ]),
    );
    expect(out.imported).toHaveLength(4);
    expect(recordsOf(emu, 'Customers').map((r) => r.name)).toEqual(risky);
    expect(emu.spreadsheet.formulas('Customers').flat().filter(Boolean)).toEqual([]);
    expect(emu.spreadsheet.formulas(out.reportSheet).flat().filter(Boolean)).toEqual([]);
    const report = workbook(emu)
      .getActive()
      .getSheetByName(out.reportSheet) as GoogleAppsScript.Spreadsheet.Sheet;
    expect(report.getRange(2, 3).getValue()).toBe('=HYPERLINK("x")');
  });
});

describe('resuming', () => {
  test('a chunk sent again (its answer lost) and the same file imported again import nothing twice', () => {
    const emu = teamRegister();
    const rows = rowsOf([person('Ann'), person('Bo'), person('Cy')]);
    chunk(emu, MANAGER, 'file-0007', rows.slice(0, 2));
    chunk(emu, MANAGER, 'file-0007', rows.slice(0, 2));
    chunk(emu, MANAGER, 'file-0007', rows.slice(1));
    chunk(emu, MANAGER, 'file-0007', rows);
    expect(recordsOf(emu, 'Customers').map((r) => r.name)).toEqual(['Ann', 'Bo', 'Cy']);
  });

  test('IDs continue the sidebar’s sequence, and the sidebar continues the import’s', () => {
    const emu = teamRegister();
    emu.scriptRun(CLERK, 'createCustomer', { values: person('First') });
    chunk(
      emu,
      MANAGER,
      'file-0008',
      rowsOf([person('Ann'), person('Bo', { customerType: 'company', company: 'Bo Ltd' })]),
    );
    const created = emu.scriptRun(CLERK, 'createCustomer', { values: person('Last') }) as { id: string };
    expect(recordsOf(emu, 'Customers').map((r) => r.id)).toEqual([
      'C-000001',
      'C-000002',
      'C-000003',
      'C-000004',
    ]);
    expect(created.id).toBe('C-000004');
  });
});

describe('an execution that dies between writing a chunk and saving its progress', () => {
  // The old friend, then a chunk with every kind of outcome: a new row, a refusal, a skip, a fill, one
  // imported anyway, and a duplicate of an earlier line of the same chunk.
  const setUp = () => {
    const emu = teamRegister();
    emu.scriptRun(CLERK, 'createCustomer', { values: person('Old Friend', { email: 'old@example.com' }) });
    return emu;
  };
  const rows = rowsOf([
    person('Ann', { email: 'ann@example.com' }),
    person('Bad', { email: 'not-an-email' }),
    person('Again', { email: 'old@example.com' }),
    person('Filler', { email: 'old@example.com', city: 'Lyon' }),
    person('Anyway', { email: 'old@example.com' }),
    person('Ann 2', { email: 'ANN@example.com' }),
  ]);
  const options = { choices: { '5': 'fill', '6': 'import' } };
  const sheetRows = (emu: Emu, name: string) => emu.spreadsheet.values(name).length;
  const stamped = new Set(['time', 'enteredAt', 'updatedAt']);
  /** What a chunk leaves in the register, Audit and its report, without the moments it was stamped with. */
  const outcome = (emu: Emu, reportSheet: string) => ({
    customers: recordsOf(emu, 'Customers').map((r) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !stamped.has(k))),
    ),
    audit: recordsOf(emu, 'Audit').map((r) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !stamped.has(k))),
    ),
    report: emu.spreadsheet.values(reportSheet),
  });

  // Each point is just after one of the chunk's writes, before the progress that would record it is saved:
  // the execution dies at the next call.
  test.each([
    // The plan is saved; the first write of the chunk is the call that dies.
    [
      'its plan, before any write',
      (_e: Emu, _a: Record<string, number>, method: string) => method.endsWith('setValues'),
    ],
    ['the new rows', (emu: Emu, at: Record<string, number>) => sheetRows(emu, 'Customers') > at.Customers],
    ['the Audit rows', (emu: Emu, at: Record<string, number>) => sheetRows(emu, 'Audit') > at.Audit],
    [
      'the report',
      (emu: Emu) =>
        emu.spreadsheet.sheetNames().some((n) => n.startsWith('Import ') && sheetRows(emu, n) > 1),
    ],
    [
      'the filled fields',
      (emu: Emu) => recordsOf(emu, 'Customers').some((r) => r.id === 'C-000001' && r.city === 'Lyon'),
    ],
  ])('killed after %s: sent again, the chunk ends as one that never died', (_, written) => {
    const calm = setUp();
    const expected = chunk(calm, MANAGER, 'file-0020', rows, options);

    const emu = setUp();
    const at = { Customers: sheetRows(emu, 'Customers'), Audit: sheetRows(emu, 'Audit') };
    let killed = false;
    emu.hooks.extraCost = (info) => {
      if (killed || !written(emu, at, info.method)) return 0;
      killed = true;
      return 6 * 60 * 1000;
    };
    expect(() => chunk(emu, MANAGER, 'file-0020', rows, options)).toThrow(messages.maxExecutionTime);
    emu.hooks.extraCost = undefined;
    expect(killed).toBe(true);

    const again = chunk(emu, MANAGER, 'file-0020', rows, options);
    expect(again.imported).toEqual([
      { line: 2, id: 'C-000002' },
      { line: 6, id: 'C-000003' },
    ]);
    expect(again.progress).toMatchObject({ last: 7, imported: 2, filled: 1, skipped: 2, refused: 1 });
    expect(again.refused).toEqual(expected.refused);
    expect(again.reportSheet).toBe(expected.reportSheet);
    expect(outcome(emu, again.reportSheet)).toEqual(outcome(calm, expected.reportSheet));
    // And once more, as the dialog's Resume would: nothing twice.
    chunk(emu, MANAGER, 'file-0020', rows, options);
    expect(outcome(emu, again.reportSheet)).toEqual(outcome(calm, expected.reportSheet));
  });
});

describe('cost bounded by the file, not the register', () => {
  /** A register of `n` customers whose ID counter is seeded (the first save reads the ID column once). */
  const registerOf = (n: number) => {
    const emu = teamRegister();
    fillDueCustomers(emu, n, { due: 0, today: '2026-11-23' });
    // Room below the last row in both: a full sheet costs one more call (rows inserted) at any size.
    const sheet = workbook(emu).getActive().getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.insertRowsAfter(sheet.getMaxRows(), 100);
    emu.scriptRun(CLERK, 'createCustomer', { values: person('Seed') });
    return emu;
  };
  // New customers, and likely duplicates of customers both registers hold: by phone, email and name.
  const file = rowsOf([
    ...Array.from({ length: 20 }, (_, i) => person(`新客户 ${i}`, { email: `new${i}@example.org` })),
    person('Dup by phone', { phone: '+86 139 0000 0050' }),
    person('Dup by email', { email: 'CUSTOMER60@example.net' }),
    person('Customer 70'),
    person('Filled', { email: 'customer80@example.net', city: '杭州' }),
  ]);
  const cost = (emu: Emu, fn: string, arg: unknown) => {
    const result = emu.scriptRun(MANAGER, fn, arg);
    const last = emu.meter.last;
    return { result, sheetCalls: last?.sheetCalls, cells: last?.cells };
  };

  test('a preview and a chunk make the same calls and move the same cells at 200 and 5,000 customers', () => {
    const [small, large] = [200, 5000].map((n) => {
      const emu = registerOf(n);
      return {
        check: cost(emu, 'checkImport', { rows: file }),
        chunk: cost(emu, 'importCustomers', {
          importId: 'file-0030',
          rows: file,
          approve: false,
          duplicates: 'skip',
          choices: { '25': 'fill' },
        }),
      };
    });
    expect((small.chunk.result as Chunk).progress).toMatchObject({ imported: 20, skipped: 3, filled: 1 });
    expect(large.check.result).toEqual(small.check.result);
    // The same outcome but for the IDs, which continue each register's own sequence.
    const outcome = (r: unknown) => {
      const { imported, reportSheet, ...rest } = r as Chunk;
      return { ...rest, lines: imported.map((x) => x.line) };
    };
    expect(outcome(large.chunk.result)).toEqual(outcome(small.chunk.result));
    expect([large.check.sheetCalls, large.check.cells]).toEqual([small.check.sheetCalls, small.check.cells]);
    expect([large.chunk.sheetCalls, large.chunk.cells]).toEqual([small.chunk.sheetCalls, small.chunk.cells]);
  });
});

describe('likely duplicates', () => {
  const existing = (emu: Emu) =>
    emu.scriptRun(CLERK, 'createCustomer', { values: person('Old Friend', { email: 'old@example.com' }) });

  test('skip: reported, not imported; within the file too', () => {
    const emu = teamRegister();
    existing(emu);
    const out = chunk(
      emu,
      MANAGER,
      'file-0009',
      rowsOf([
        person('Again', { email: 'old@example.com' }),
        person('Twin', { phone: '13800138000' }),
        person('Twin 2', { phone: '+86 138 0013 8000' }),
      ]),
    );
    expect(out.imported.map((x) => x.line)).toEqual([3]);
    expect(out.report.map((l) => [l.line, l.reason])).toEqual([
      [2, expect.stringContaining('C-000001')],
      [4, expect.stringContaining('C-000002')],
    ]);
  });

  test('across chunks: a row matches one imported by an earlier chunk of the same file', () => {
    const emu = teamRegister();
    chunk(emu, MANAGER, 'file-0010', rowsOf([person('Ann', { email: 'ann@example.com' })]));
    const out = chunk(emu, MANAGER, 'file-0010', rowsOf([person('Ann B', { email: 'ANN@example.com' })], 3));
    expect(out.imported).toEqual([]);
    expect(out.progress.skipped).toBe(1);
  });

  test('fill: the existing record’s empty fields are filled, nothing else changes, each field in Audit', () => {
    const emu = teamRegister();
    existing(emu);
    const out = chunk(
      emu,
      MANAGER,
      'file-0011',
      rowsOf([person('Other Name', { email: 'old@example.com', city: 'Lyon', phone: '+33 1 42 68 53 00' })]),
      { duplicates: 'fill' },
    );
    expect(out.imported).toEqual([]);
    const rows = recordsOf(emu, 'Customers');
    expect(rows).toEqual([
      expect.objectContaining({ id: 'C-000001', name: 'Old Friend', city: 'Lyon', phone: '+33142685300' }),
    ]);
    const fills = recordsOf(emu, 'Audit').filter((a) => a.source === 'Import');
    expect(fills.map((a) => a.field).sort()).toEqual(['city', 'country', 'phone']);
  });

  test('per row: one row imported anyway while the rest are skipped, and the choice is in Audit', () => {
    const emu = teamRegister();
    existing(emu);
    const out = chunk(
      emu,
      MANAGER,
      'file-0012',
      rowsOf([person('A', { email: 'old@example.com' }), person('B', { email: 'old@example.com' })]),
      { choices: { '3': 'import' } },
    );
    expect(out.imported).toEqual([{ line: 3, id: 'C-000002' }]);
    expect(recordsOf(emu, 'Audit')).toContainEqual(
      expect.objectContaining({
        action: 'Created despite a likely duplicate',
        record: 'C-000002',
        newValue: 'C-000001',
      }),
    );
  });
});

describe('the dialog and an old sheet', () => {
  test('a manager gets the dialog with the fields in their language and the sheets that are not the register’s', () => {
    const emu = teamRegister({ locales: { [MANAGER]: 'zh-CN' } });
    workbook(emu).getActive().insertSheet('Old list');
    emu.run(MANAGER, 'openImport');
    const [dialog] = emu.uiOf(MANAGER).dialogs;
    expect(dialog.title).toBe('导入客户');
    const boot = JSON.parse(/window\.__BOOT__=(.*?);<\/script>/.exec(dialog.html)?.[1] ?? 'null');
    expect(boot).toMatchObject({
      user: MANAGER,
      role: 'Manager',
      lang: 'zh',
      sheets: ['Sheet1', 'Old list'],
    });
    expect(boot.fields).toContainEqual(
      expect.objectContaining({
        key: 'status',
        label: '状态',
        required: true,
        options: expect.arrayContaining([{ key: 'active', label: '活跃' }]),
      }),
    );
  });

  test('a clerk is refused the dialog', () => {
    const emu = teamRegister();
    expect(() => emu.run(CLERK, 'openImport')).toThrow(/Admin|Manager/);
    expect(emu.uiOf(CLERK).dialogs).toEqual([]);
  });

  test('an old sheet is read as shown, leading zeros and all; the register’s own sheets are not offered', () => {
    const emu = teamRegister();
    const old = workbook(emu).getActive().insertSheet('Old list');
    old.getRange('C:C').setNumberFormat('@');
    old.getRange(1, 1, 2, 3).setValues([
      ['姓名', '手机', '邮编'],
      ['张三', '138 0013 8000', '010010'],
    ]);
    expect(emu.scriptRun(MANAGER, 'readImportSheet', { sheet: 'Old list' })).toEqual({
      rows: [
        ['姓名', '手机', '邮编'],
        ['张三', '138 0013 8000', '010010'],
      ],
    });
    expect(() => emu.scriptRun(MANAGER, 'readImportSheet', { sheet: 'Team' })).toThrow(/no sheet "Team"/);
    expect(() => emu.scriptRun(MANAGER, 'readImportSheet', { sheet: 'Nope' })).toThrow(/no sheet "Nope"/);
  });
});
