// RangeList: Sheet.getRangeList / Spreadsheet.getRangeList, one call for several ranges of one sheet, and what it lacks.

import { messages } from '../src/behaviour';
import { sheetMessages } from '../src/spreadsheet';
import { appFor, EDITOR, newModel, OWNER, thrown } from './spreadsheet-helpers';

describe('RangeList', () => {
  it('applies one format to non-adjacent ranges in one call, charged once with one cell per range', () => {
    const { sheet, ctx } = appFor(newModel());
    ctx.charges.length = 0;
    sheet.getRangeList(['B2:B', 'D2:E', 'G:G']).setNumberFormat('@').setFontWeight('bold');
    expect(ctx.charges).toEqual([
      { method: 'SpreadsheetApp.Sheet.getRangeList', cells: 0 },
      { method: 'SpreadsheetApp.RangeList.setNumberFormat', cells: 3 },
      { method: 'SpreadsheetApp.RangeList.setFontWeight', cells: 3 },
    ]);
    expect(sheet.getRange('B1000').getNumberFormat()).toBe('@');
    expect(sheet.getRange('E2').getNumberFormat()).toBe('@');
    expect(sheet.getRange('G1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('C2').getNumberFormat()).not.toBe('@');
    expect(sheet.getRange('B1').getNumberFormat()).not.toBe('@');
  });

  it('gives its ranges back in one call, each keeping the form it was given', () => {
    const { sheet, ctx } = appFor(newModel());
    const list = sheet.getRangeList(['C:C', 'A2:B3', '5:5']);
    ctx.charges.length = 0;
    const ranges = list.getRanges();
    expect(ctx.charges.map((c) => c.method)).toEqual(['SpreadsheetApp.RangeList.getRanges']);
    expect(ranges.map((r) => r.getA1Notation())).toEqual(['C:C', 'A2:B3', '5:5']);
  });

  it('clears validations, backgrounds and notes of every range', () => {
    const { app, sheet } = appFor(newModel());
    sheet.getRange('A1:C3').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange('A1:C3').setBackground('#ff0000').setNote('n');
    sheet.getRangeList(['A1', 'C3']).clearDataValidations().setBackground(null).clearNote();
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
    expect(sheet.getRange('C3').getDataValidation()).toBeNull();
    expect(sheet.getRange('B2').getDataValidation()).not.toBeNull();
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('B2').getBackground()).toBe('#ff0000');
    expect(sheet.getRange(1, 1, 1, 3).getNotes()).toEqual([['', 'n', 'n']]);
  });

  it('has no setDataValidation, protect or addDeveloperMetadata, as in Apps Script', () => {
    const list = appFor(newModel()).sheet.getRangeList(['A1']) as unknown as Record<string, unknown>;
    expect(list.setDataValidation).toBeUndefined();
    expect(list.protect).toBeUndefined();
    expect(list.addDeveloperMetadata).toBeUndefined();
  });

  it('Spreadsheet.getRangeList resolves sheet names and refuses ranges on two sheets', () => {
    const { ss, sheet } = appFor(newModel());
    sheet.setName('Data');
    ss.insertSheet('Other');
    ss.getRangeList(['Data!A1', 'Data!C1']).setValue('x');
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['x', '', 'x']]);
    expect(thrown(() => ss.getRangeList(['Data!A1', 'Other!A1']))).toBe(sheetMessages.rangeNotOnSheet);
    expect(thrown(() => sheet.getRangeList([]))).toBe(sheetMessages.invalidArgument('a1Notations'));
  });

  it('writes nothing when a protection refuses any one of its ranges', () => {
    const model = newModel();
    const { sheet } = appFor(model, OWNER);
    const p = sheet.getRange('C1:C5').protect();
    p.removeEditors(p.getEditors());
    const clerk = appFor(model, EDITOR);
    expect(thrown(() => clerk.sheet.getRangeList(['A1', 'C1']).setNumberFormat('@'))).toBe(
      messages.protectedCell,
    );
    expect(sheet.getRange('A1').getNumberFormat()).not.toBe('@');
  });
});
