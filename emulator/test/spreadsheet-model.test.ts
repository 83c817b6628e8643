// The spreadsheet as a whole: sheets, sharing, user edits, text finder, conditional rules and the JSON round trip.

import { messages } from '../src/behaviour';
import { SpreadsheetModel } from '../src/spreadsheet';
import { appFor, EDITOR, newModel, OWNER, thrown, VIEWER } from './spreadsheet-helpers';

describe('spreadsheet', () => {
  it('reports identity and sharing', () => {
    const model = newModel();
    const { ss } = appFor(model);
    expect(ss.getId()).toBe('sheet-file-1');
    expect(ss.getUrl()).toBe('https://docs.google.com/spreadsheets/d/sheet-file-1/edit');
    expect(ss.getOwner()?.getEmail()).toBe(OWNER);
    expect(ss.getViewers().map((u) => u.getEmail())).toEqual([VIEWER]);
    expect(model.canEditFile(EDITOR)).toBe(true);
    expect(model.canEditFile(VIEWER)).toBe(false);
    expect(model.canViewFile(VIEWER)).toBe(true);
    ss.addEditor('new@example.com');
    expect(model.canEditFile('new@example.com')).toBe(true);
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Shanghai');
  });

  it('returns null for a missing sheet name and matches names case-sensitively', () => {
    const { ss } = appFor(newModel());
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(ss.getSheetByName('sheet1')).toBeNull();
    expect(ss.getSheetByName('Sheet1')?.getName()).toBe('Sheet1');
  });

  it('throws when inserting a sheet whose name exists, and inserts at an index otherwise', () => {
    const model = newModel();
    const { ss } = appFor(model);
    expect(thrown(() => ss.insertSheet('Sheet1'))).toBe(messages.sheetExists('Sheet1'));
    const lists = ss.insertSheet('Lists', 0);
    expect(model.sheetNames()).toEqual(['Lists', 'Sheet1']);
    expect(lists.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe('Lists');
    ss.insertSheet();
    expect(model.sheetNames()).toEqual(['Lists', 'Sheet1', 'Sheet3']);
    ss.deleteSheet(lists);
    expect(model.sheetNames()).toEqual(['Sheet1', 'Sheet3']);
    expect(thrown(() => lists.getName())).not.toBe('');
  });

  it('records toasts and keeps named ranges', () => {
    const model = newModel();
    const { ss, sheet } = appFor(model);
    ss.toast('Saved', 'Register', 3);
    expect(model.state.toasts).toEqual([{ message: 'Saved', title: 'Register', timeoutSeconds: 3 }]);
    ss.setNamedRange('Header', sheet.getRange('1:1'));
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Header']);
    ss.removeNamedRange('Header');
    expect(ss.getRangeByName('Header')).toBeNull();
  });
});

describe('user edits', () => {
  it('parses typed input, enforces protections against the acting user and reports old and new values', () => {
    const model = newModel();
    const owner = appFor(model, OWNER);
    owner.sheet.getRange('A1').setValue('old');
    const p = owner.sheet.getRange('B1').protect();
    p.removeEditors(p.getEditors());
    const { ctx } = appFor(model, EDITOR, 'user');
    ctx.charges.length = 0;
    const edit = model.userEdit(ctx, 'Sheet1', 'A1', '0755');
    expect(edit).toEqual({ sheetName: 'Sheet1', a1: 'A1', row: 1, column: 1, oldValue: 'old', value: 755 });
    expect(thrown(() => model.userEdit(ctx, 'Sheet1', 'B1', 'x'))).toBe(messages.protectedCell);
    expect(model.values('Sheet1')).toEqual([[755]]);
    expect(ctx.charges).toEqual([]);
  });
});

describe('text finder', () => {
  it('matches case-insensitively and partially by default, with options and replacement', () => {
    const { ss, sheet } = appFor(newModel());
    sheet.getRange('A1:B2').setValues([
      ['Acme Ltd', 'acme'],
      ['Other', 'ACME'],
    ]);
    expect(
      sheet
        .createTextFinder('acme')
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1', 'B1', 'B2']);
    expect(
      sheet
        .createTextFinder('acme')
        .matchCase(true)
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B1']);
    expect(sheet.createTextFinder('acme').matchEntireCell(true).findAll()).toHaveLength(2);
    expect(ss.createTextFinder('^Oth').useRegularExpression(true).findNext()?.getA1Notation()).toBe('A2');
    expect(sheet.getRange('B1:B2').createTextFinder('acme').replaceAllWith('Zed')).toBe(2);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['Acme Ltd', 'Zed'],
      ['Other', 'Zed'],
    ]);
  });
});

describe('conditional format rules', () => {
  it('stores rules with their ranges and reads back the condition', () => {
    const { app, sheet } = appFor(newModel());
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$F2="Lead"')
      .setBackground('#fff2cc')
      .setRanges([sheet.getRange('A2:H')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const [back] = sheet.getConditionalFormatRules();
    expect(back.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:H1000']);
    expect(String(back.getBooleanCondition()?.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(back.getBooleanCondition()?.getCriteriaValues()).toEqual(['=$F2="Lead"']);
    expect(back.getBooleanCondition()?.getBackground()).toBe('#fff2cc');
  });
});

describe('serialization', () => {
  it('round-trips the whole state through JSON, without Date objects', () => {
    const model = newModel();
    const { app, ss, sheet } = appFor(model);
    sheet.setName('Customers');
    sheet.getRange('A1:C2').setValues([
      ['Name', 'Since', 'Phone'],
      ['Ann', new Date('2026-01-02T00:00:00Z'), '=A2'],
    ]);
    sheet.getRange('C:C').setNumberFormat('@').addDeveloperMetadata('column', 'phone');
    sheet.getRange('A2').setNote('vip').setBackground('#eeeeee');
    sheet
      .getRange('D2:D')
      .setDataValidation(app.newDataValidation().requireDateOnOrAfter(new Date(0)).build());
    const p = sheet.getRange('A1:C1').protect().setDescription('header');
    p.removeEditors(p.getEditors());
    p.addEditor(EDITOR);
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 180);
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBold(true)
        .setRanges([sheet.getRange('B2:B')])
        .build(),
    ]);
    ss.setNamedRange('Header', sheet.getRange('1:1'));
    ss.insertSheet('Lists');
    const json = JSON.stringify(model.toJSON());
    expect(json).not.toMatch(/"\d{4}-\d{2}-\d{2}T/);
    const back = SpreadsheetModel.fromJSON(JSON.parse(json));
    expect(back.toJSON()).toEqual(model.toJSON());
    expect((back.values('Customers')[1][1] as Date).toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(back.formulas('Customers')[1][2]).toBe('=A2');
    expect(back.protections()[0].editors).toEqual([EDITOR]);
    expect(back.sheetNames()).toEqual(['Customers', 'Lists']);
    expect(thrown(() => appFor(back, EDITOR).sheet.getRange('B1').setValue('x'))).toBe('');
  });
});
