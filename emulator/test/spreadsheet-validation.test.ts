// Data validation: allow-invalid by default, rejecting rules refusing writes, criteria evaluation, storage.

import { messages } from '../src/behaviour';
import { appFor, EDITOR, newModel, thrown } from './spreadsheet-helpers';

describe('data validation', () => {
  it('defaults to allow-invalid: the write succeeds', () => {
    const { app, sheet } = appFor(newModel());
    const rule = app.newDataValidation().requireValueInList(['Lead', 'Customer']).build();
    expect(rule.getAllowInvalid()).toBe(true);
    sheet.getRange('F1').setDataValidation(rule);
    sheet.getRange('F1').setValue('Stranger');
    expect(sheet.getRange('F1').getValue()).toBe('Stranger');
  });

  it('a rejecting rule refuses a script write naming the first offending cell, and writes nothing', () => {
    const { app, sheet } = appFor(newModel());
    const rule = app
      .newDataValidation()
      .requireValueInList(['Lead', 'Customer'])
      .setAllowInvalid(false)
      .build();
    sheet.getRange('F1:F3').setDataValidation(rule);
    const err = thrown(() =>
      sheet.getRange('E1:F3').setValues([
        ['a', 'Lead'],
        ['b', 'Nope'],
        ['c', 'Bad'],
      ]),
    );
    expect(err).toBe(messages.validationViolated('F2'));
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('F1:F2').setValues([['Customer'], ['']]);
    expect(sheet.getRange('F1:F2').getValues()).toEqual([['Customer'], ['']]);
  });

  it('writes the cells before the rejected one when the write is not atomic', () => {
    const { app, sheet } = appFor(newModel({ rejectedWriteIsAtomic: false }));
    sheet
      .getRange('A2')
      .setDataValidation(app.newDataValidation().requireNumberGreaterThan(0).setAllowInvalid(false).build());
    expect(thrown(() => sheet.getRange('A1:A3').setValues([[1], [-1], [3]]))).toBe(
      messages.validationViolated('A2'),
    );
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [''], ['']]);
  });

  it('refuses appendRow and a person typing with the same message', () => {
    const model = newModel();
    const { app, sheet } = appFor(model);
    sheet
      .getRange('B:B')
      .setDataValidation(app.newDataValidation().requireTextIsEmail().setAllowInvalid(false).build());
    expect(thrown(() => sheet.appendRow(['Ann', 'not-an-email']))).toBe(messages.validationViolated('B1'));
    sheet.appendRow(['Ann', 'ann@example.com']);
    const { ctx } = appFor(model, EDITOR, 'user');
    expect(thrown(() => model.userEdit(ctx, 'Sheet1', 'B2', 'nope'))).toBe(messages.validationViolated('B2'));
    expect(model.values('Sheet1')).toEqual([['Ann', 'ann@example.com']]);
  });

  it('reads VALUE_IN_RANGE lists when checking, so editing the list changes what passes', () => {
    const { app, ss, sheet } = appFor(newModel());
    const lists = ss.insertSheet('Lists');
    lists.getRange('A1:A2').setValues([['Lead'], ['Customer']]);
    const rule = app
      .newDataValidation()
      .requireValueInRange(lists.getRange('A1:A10'))
      .setAllowInvalid(false)
      .build();
    sheet.getRange('C1:C5').setDataValidation(rule);
    expect(thrown(() => sheet.getRange('C1').setValue('Partner'))).toBe(messages.validationViolated('C1'));
    lists.getRange('A3').setValue('Partner');
    sheet.getRange('C1').setValue('Partner');
    expect(sheet.getRange('C1').getValue()).toBe('Partner');
    const values = sheet.getRange('C1').getDataValidation()?.getCriteriaValues() ?? [];
    expect((values[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('A1:A10');
    expect(values[1]).toBe(true);
  });

  it.each([
    ['checkbox', (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireCheckbox(), true, 'yes'],
    [
      'custom checkbox',
      (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireCheckbox('Y', 'N'),
      'N',
      'TRUE',
    ],
    [
      'number between',
      (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireNumberBetween(1, 5),
      5,
      '6',
    ],
    [
      'number text',
      (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireNumberLessThan(5),
      4,
      'four',
    ],
    [
      'url',
      (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireTextIsUrl(),
      'https://example.com/a',
      'not a url',
    ],
    [
      'contains',
      (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireTextContains('VIP'),
      'a vip b',
      'plain',
    ],
    [
      'date',
      (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireDate(),
      '2026-01-01',
      'soon',
    ],
    [
      'date on or after',
      (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) =>
        b.requireDateOnOrAfter(new Date('2026-01-01T00:00:00+08:00')),
      '2026-01-01',
      '2025-12-31',
    ],
    [
      'formula',
      (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireFormulaSatisfied('=FALSE'),
      'x',
      null,
    ],
  ])('evaluates %s', (_name, build, ok, bad) => {
    const { app, sheet } = appFor(newModel());
    const cell = sheet.getRange('A1');
    cell.setDataValidation(build(app.newDataValidation()).setAllowInvalid(false).build());
    cell.setValue(ok);
    expect(cell.getDisplayValue()).not.toBe('');
    if (bad !== null) expect(thrown(() => cell.setValue(bad))).toBe(messages.validationViolated('A1'));
    cell.setValue('');
    expect(cell.getValue()).toBe('');
  });

  it('reads the top-left rule, replaces rules and removes them with null', () => {
    const { app, sheet } = appFor(newModel());
    const range = sheet.getRange('A1:B2');
    range.setDataValidation(app.newDataValidation().requireNumberBetween(1, 9).setHelpText('1-9').build());
    const rule = range.getDataValidation();
    expect(String(rule?.getCriteriaType())).toBe('NUMBER_BETWEEN');
    expect(rule?.getCriteriaType()).toBe(app.DataValidationCriteria.NUMBER_BETWEEN);
    expect(rule?.getCriteriaValues()).toEqual([1, 9]);
    expect(rule?.getHelpText()).toBe('1-9');
    sheet.getRange('B2').setDataValidation(app.newDataValidation().requireCheckbox().build());
    expect(String(sheet.getRange('B2').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
    expect(String(range.getDataValidations()[0][1]?.getCriteriaType())).toBe('NUMBER_BETWEEN');
    range.setDataValidation(null);
    expect(range.getDataValidations()).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('copies a rule into a builder', () => {
    const { app } = appFor(newModel());
    const rule = app.newDataValidation().requireValueInList(['a']).setAllowInvalid(false).build();
    const copy = rule.copy().setHelpText('h').build();
    expect(copy.getAllowInvalid()).toBe(false);
    expect(copy.getCriteriaValues()).toEqual([['a'], true]);
    expect(rule.getHelpText()).toBeNull();
  });

  it('inserts checkboxes as unchecked and checks them', () => {
    const { sheet } = appFor(newModel());
    const range = sheet.getRange('D1:D3').insertCheckboxes();
    expect(range.getValues()).toEqual([[false], [false], [false]]);
    expect(range.isChecked()).toBe(false);
    sheet.getRange('D2').check();
    expect(range.isChecked()).toBeNull();
    range.check();
    expect(range.isChecked()).toBe(true);
  });

  it('stores a 50,000-row rule as one rectangle and setDataValidations compactly', () => {
    const model = newModel();
    const { app, sheet } = appFor(model);
    sheet.insertRowsAfter(1000, 49_000);
    const rule = app.newDataValidation().requireCheckbox().build();
    sheet.getRange(2, 5, 49_999, 1).setDataValidation(rule);
    sheet.getRange(2, 5, 49_999, 1).setDataValidation(rule);
    const grid = Array.from({ length: 1000 }, () => [rule, null]);
    sheet.getRange(1, 7, 1000, 2).setDataValidations(grid);
    // E2:E50000 once (the repeat replaced it), G1:G1000 once; the nulls in H need no rectangle.
    expect(model.state.sheets[0].layers.validation.length).toBe(2);
    expect(model.validation('Sheet1', 'G500')?.criteria).toBe('CHECKBOX');
    expect(model.validation('Sheet1', 'H500')).toBeNull();
    expect(model.validation('Sheet1', 'E50000')?.criteria).toBe('CHECKBOX');
  });
});
