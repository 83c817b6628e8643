// Values: ranges and their errors, user-entered parsing and its defences, display formats, limits and metering.

import { limits, messages } from '../src/behaviour';
import { FORMULA_VALUE } from '../src/spreadsheet';
import { appFor, newModel, thrown } from './spreadsheet-helpers';

describe('ranges', () => {
  it('uses 1-based indices and reads empty cells as empty strings', () => {
    const { sheet } = appFor(newModel());
    sheet.getRange(2, 3).setValue('x');
    expect(sheet.getRange('C2').getValue()).toBe('x');
    expect(sheet.getRange(1, 1, 2, 3).getValues()).toEqual([
      ['', '', ''],
      ['', '', 'x'],
    ]);
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
  });

  it('throws for zero rows or columns and for ranges outside the sheet', () => {
    const { sheet } = appFor(newModel());
    expect(thrown(() => sheet.getRange(1, 1, 0, 1))).toBe(messages.rowsAtLeastOne);
    expect(thrown(() => sheet.getRange(1, 1, 1, 0))).toBe(messages.columnsAtLeastOne);
    expect(thrown(() => sheet.getRange(1000, 1, 2, 1))).toBe(messages.outsideSheet);
    expect(thrown(() => sheet.getRange(1, 27))).toBe(messages.outsideSheet);
    expect(thrown(() => sheet.getRange(0, 1))).toBe(messages.outsideSheet);
  });

  it('resolves whole columns, whole rows and sheet-qualified A1', () => {
    const { ss, sheet } = appFor(newModel());
    const column = sheet.getRange('B:B');
    expect([column.getRow(), column.getColumn(), column.getNumRows(), column.getNumColumns()]).toEqual([
      1, 2, 1000, 1,
    ]);
    const row = sheet.getRange('3:3');
    expect([row.getRow(), row.getNumRows(), row.getNumColumns()]).toEqual([3, 1, 26]);
    sheet.setName('Data');
    ss.getRange('Data!B2:C3').setValue(7);
    expect(sheet.getRange('C3').getValue()).toBe(7);
    expect(sheet.getRange('A2:B').getNumRows()).toBe(999);
  });

  it('gives the data range from A1 to the last row and column with content', () => {
    const { sheet } = appFor(newModel());
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('D7').setValue('z');
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(4);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D7');
  });

  it('reports getLastRow of an empty sheet from the behaviour switch', () => {
    const { sheet } = appFor(newModel({ lastRowOfEmptySheet: 1 }));
    expect(sheet.getLastRow()).toBe(1);
  });

  it('supports offset and getCell relative to the range', () => {
    const { sheet } = appFor(newModel());
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
  });
});

describe('setValues shape', () => {
  it('throws the row message and writes nothing', () => {
    const { sheet } = appFor(newModel());
    const r = sheet.getRange('A1:B2');
    expect(thrown(() => r.setValues([[1, 2]]))).toBe(messages.rowsMismatch(1, 2));
    expect(sheet.getLastRow()).toBe(0);
  });

  it('throws the column message and writes nothing', () => {
    const { sheet } = appFor(newModel());
    const r = sheet.getRange('A1:B2');
    expect(thrown(() => r.setValues([[1, 2], [3]]))).toBe(messages.columnsMismatch(1, 2));
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('user-entered parsing', () => {
  const write = (value: unknown, format?: string) => {
    const { sheet } = appFor(newModel());
    const cell = sheet.getRange('A1');
    if (format) cell.setNumberFormat(format);
    cell.setValue(value);
    return cell;
  };

  it('turns a string starting with = into a formula that is never evaluated', () => {
    const cell = write('=SUM(B1:B3)');
    expect(cell.getFormula()).toBe('=SUM(B1:B3)');
    expect(cell.getValue()).toBe(FORMULA_VALUE);
    expect(FORMULA_VALUE).toBe('#ERROR!');
  });

  it.each([
    ['0755', 755],
    ['+8613800138000', 8613800138000],
    ['-5', -5],
    ['2.000', 2],
    ['1,234', 1234],
    ['12%', 0.12],
    ['TRUE', true],
    ['false', false],
    ['+86 138 0013 8000', '+86 138 0013 8000'],
    ['@mention', '@mention'],
    ['C-000123', 'C-000123'],
  ])('parses %j as %j', (input, expected) => {
    expect(write(input).getValue()).toBe(expected);
  });

  it('keeps the leading zero in a plain-text (@) column', () => {
    const { sheet } = appFor(newModel());
    sheet.getRange('B:B').setNumberFormat('@');
    sheet.getRange('A1:B1').setValues([['0755', '0755']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[755, '0755']]);
    sheet.getRange('B2').setValue('=1+1');
    expect(sheet.getRange('B2').getFormula()).toBe('');
    expect(sheet.getRange('B2').getValue()).toBe('=1+1');
  });

  it('keeps text after a leading apostrophe and does not store the apostrophe', () => {
    const cell = write("'0755");
    expect(cell.getValue()).toBe('0755');
    expect(cell.getDisplayValue()).toBe('0755');
  });

  it('parses ISO dates at that wall time in the spreadsheet time zone', () => {
    const cell = write('2026-03-05');
    const v = cell.getValue() as Date;
    expect(Object.prototype.toString.call(v)).toBe('[object Date]');
    expect(v.toISOString()).toBe('2026-03-04T16:00:00.000Z'); // midnight in Asia/Shanghai
    expect(cell.getDisplayValue()).toBe('2026-03-05');
    expect((write('2026-03-05 09:30').getValue() as Date).toISOString()).toBe('2026-03-05T01:30:00.000Z');
    expect(write('2026-02-30').getValue()).toBe('2026-02-30');
  });

  it('stores numbers, booleans and Dates as they are and null as empty', () => {
    const { sheet, ctx } = appFor(newModel());
    const d = new Date('2026-01-02T03:04:05Z');
    sheet.getRange('A1:D1').setValues([[12.5, true, d, null]]);
    const row = sheet.getRange('A1:D1').getValues()[0];
    expect(row.slice(0, 2)).toEqual([12.5, true]);
    expect((row[2] as Date).getTime()).toBe(d.getTime());
    expect(row[3]).toBe('');
    expect(ctx.writes).toContain('Sheet1!A1:D1');
  });

  it('builds returned Dates with the realm Date constructor and accepts Dates of any realm', () => {
    const model = newModel();
    const { sheet, ctx } = appFor(model);
    class RealmDate extends Date {}
    (ctx as { realmDate: DateConstructor }).realmDate = RealmDate as DateConstructor;
    const foreign = new RealmDate('2026-05-06T00:00:00Z');
    sheet.getRange('A1').setValue(foreign);
    expect(sheet.getRange('A1').getValue()).toBeInstanceOf(RealmDate);
  });

  it('stores setFormula(s) directly', () => {
    const { sheet } = appFor(newModel());
    sheet.getRange('A1:A2').setFormulas([['=B1*2'], ['=B2*2']]);
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([['=B1*2'], ['=B2*2']]);
  });

  it('treats extra formula prefixes from the behaviour switch as formulas', () => {
    const { sheet } = appFor(newModel({ formulaPrefixes: ['=', '+'] }));
    sheet.getRange('A1').setValue('+86 138 0013 8000');
    expect(sheet.getRange('A1').getFormula()).toBe('=+86 138 0013 8000');
  });
});

describe('display values', () => {
  it('formats by number format', () => {
    const { sheet } = appFor(newModel());
    const d = new Date('2026-03-05T01:30:00Z'); // 09:30 in Shanghai
    sheet.getRange('A1:H1').setValues([[2.5, true, d, d, d, 1234.5, 1234.5, 1234.567]]);
    sheet.getRange('D1').setNumberFormat('yyyy-mm-dd hh:mm');
    sheet.getRange('E1').setNumberFormat('yyyy-MM-dd');
    sheet.getRange('F1').setNumberFormat('0');
    sheet.getRange('G1').setNumberFormat('#,##0');
    sheet.getRange('H1').setNumberFormat('#,##0.00');
    expect(sheet.getRange('A1:H1').getDisplayValues()).toEqual([
      ['2.5', 'TRUE', '2026-03-05 09:30:00', '2026-03-05 09:30', '2026-03-05', '1235', '1,235', '1,234.57'],
    ]);
    sheet.getRange('A2').setNumberFormat('0.00').setValue(3);
    expect(sheet.getRange('A2').getDisplayValue()).toBe('3.00');
    expect(sheet.getRange('A3').getNumberFormat()).toBe('0.###############');
  });
});

describe('limits', () => {
  it('refuses a cell over the character limit', () => {
    const { sheet } = appFor(newModel());
    expect(thrown(() => sheet.getRange('A1').setValue('x'.repeat(limits.maxCellChars + 1)))).toBe(
      messages.cellTooLong,
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  it('refuses growing the workbook past the cell limit', () => {
    const { sheet } = appFor(newModel());
    expect(thrown(() => sheet.insertRowsAfter(1000, 400_000))).toBe(messages.tooManyCells);
    expect(sheet.getMaxRows()).toBe(1000);
  });
});

describe('metering', () => {
  it('charges setValues on 1,000 rows once, with every cell', () => {
    const { sheet, ctx } = appFor(newModel());
    const rows = Array.from({ length: 1000 }, (_, i) => [i, `name ${i}`, 'x']);
    ctx.charges.length = 0;
    sheet.getRange(1, 1, 1000, 3).setValues(rows);
    const calls = ctx.charges.filter((c) => c.method === 'SpreadsheetApp.Range.setValues');
    expect(calls).toEqual([{ method: 'SpreadsheetApp.Range.setValues', cells: 3000 }]);
  });

  it('charges one call per method call and none for builders', () => {
    const { app, sheet, ctx } = appFor(newModel());
    ctx.charges.length = 0;
    const range = sheet.getRange('A1');
    range.getValue();
    app.newDataValidation().requireCheckbox().build();
    app.flush();
    expect(ctx.charges.map((c) => c.method)).toEqual([
      'SpreadsheetApp.Sheet.getRange',
      'SpreadsheetApp.Range.getValue',
      'SpreadsheetApp.SpreadsheetApp.flush',
    ]);
  });

  it('charges a TextFinder for the cells it scans, none moved: only its matches reach the script', () => {
    const { sheet, ctx } = appFor(newModel());
    sheet.getRange(1, 1, 3, 1).setValues([['Ann'], ['Bo'], ['ann']]);
    ctx.charges.length = 0;
    const hits = sheet.getRange('A1:A1000').createTextFinder('ann').findAll();
    expect(hits).toHaveLength(2);
    expect(ctx.charges.filter((c) => c.method.endsWith('findAll'))).toEqual([
      { method: 'SpreadsheetApp.TextFinder.findAll', cells: 0, scanned: 1000 },
    ]);
  });

  // How long this takes is measured by `npm run bench`, never asserted here.
  it('writes and reads 50,000 x 40 in one call each', () => {
    const { sheet } = appFor(newModel());
    sheet.insertRowsAfter(1000, 49_000);
    sheet.insertColumnsAfter(26, 14);
    const rows = Array.from({ length: 50_000 }, (_, i) =>
      Array.from({ length: 40 }, (_, j) => (j % 2 ? i * j : `c${j}`)),
    );
    const range = sheet.getRange(1, 1, 50_000, 40);
    range.setValues(rows);
    const values = range.getValues();
    expect(values[49_999][39]).toBe(49_999 * 39);
    expect(values[123][2]).toBe('c2');
  });
});
