// Details where the emulator once was kinder or plainer than live Apps Script: A1 forms, R1C1, lock timeouts, help text.
import { messages } from '../src';
import { OWNER, scriptEmulator } from './runtime-helpers';
import { appFor, newModel, thrown } from './spreadsheet-helpers';

describe('A1 notation of whole rows and columns', () => {
  test('getRange keeps the open form it was given', () => {
    const { sheet } = appFor(newModel());
    expect(sheet.getRange('5:7').getA1Notation()).toBe('5:7');
    expect(sheet.getRange('5:7').getNumColumns()).toBe(sheet.getMaxColumns());
    expect(sheet.getRange('D:F').getA1Notation()).toBe('D:F');
    expect(sheet.getRange('D:F').getNumRows()).toBe(sheet.getMaxRows());
    expect(sheet.getRange('7:5').getA1Notation()).toBe('5:7');
    expect(sheet.getRange('F:D').getA1Notation()).toBe('D:F');
    expect(sheet.getRange('A2:B').getA1Notation()).toBe('A2:B');
    expect(sheet.getRange('B2:D5').getA1Notation()).toBe('B2:D5');
    expect(sheet.getRange(5, 1, 3, sheet.getMaxColumns()).getA1Notation()).toBe('A5:Z7');
  });

  test('and still reads so after moveRows and moveColumns', () => {
    const { sheet } = appFor(newModel());
    const rows = sheet.getRange('5:7');
    sheet.moveRows(rows, 1);
    expect(rows.getA1Notation()).toBe('5:7');
    expect(sheet.getRange('5:7').getA1Notation()).toBe('5:7');
    const columns = sheet.getRange('D:F');
    sheet.moveColumns(columns, 1);
    expect(columns.getA1Notation()).toBe('D:F');
    expect(sheet.getRange('D:F').getA1Notation()).toBe('D:F');
  });

  test('R1C1 references are accepted', () => {
    const { sheet, ss } = appFor(newModel());
    expect(sheet.getRange('R5C3').getA1Notation()).toBe('C5');
    expect(sheet.getRange('R2C1:R4C3').getA1Notation()).toBe('A2:C4');
    expect(ss.getRange('Sheet1!R1C2').getA1Notation()).toBe('B1');
  });
});

describe('LockService with a negative timeout', () => {
  const code = `
function tryNegative() { return LockService.getDocumentLock().tryLock(-1); }
function waitNegative() { LockService.getDocumentLock().waitLock(-1); }
function tryZero() { return LockService.getDocumentLock().tryLock(0); }`;

  test('tryLock returns false and waitLock throws, even when nobody holds the lock', () => {
    const emu = scriptEmulator(code);
    expect(emu.run(OWNER, 'tryNegative')).toBe(false);
    expect(() => emu.run(OWNER, 'waitNegative')).toThrow(messages.lockTimeout);
    expect(emu.run(OWNER, 'tryZero')).toBe(true);
  });
});

describe('data validation help text', () => {
  test('is null until set, on a builder and on the rule it builds', () => {
    const { app, sheet } = appFor(newModel());
    const builder = app.newDataValidation();
    expect(builder.getHelpText()).toBeNull();
    const rule = builder.requireCheckbox().build();
    expect(rule.getHelpText()).toBeNull();
    expect(builder.setHelpText('tick it').build().getHelpText()).toBe('tick it');
    sheet.getRange('A1').setDataValidation(rule);
    expect(sheet.getRange('A1').getDataValidation()?.getHelpText()).toBeNull();
    sheet.getRange('B1').insertCheckboxes();
    expect(sheet.getRange('B1').getDataValidation()?.getHelpText()).toBeNull();
    expect(thrown(() => app.newDataValidation().build())).not.toBe('');
  });
});
