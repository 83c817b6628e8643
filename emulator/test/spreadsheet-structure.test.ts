// Row and column insertions, deletions and moves shift everything anchored to positions, metadata included.

import { sheetMessages } from '../src/spreadsheet';
import { appFor, newModel, thrown } from './spreadsheet-helpers';

describe('structure changes', () => {
  it('shifts values, formulas, formats, notes, validations and backgrounds with inserted rows and columns', () => {
    const model = newModel();
    const { app, sheet } = appFor(model);
    sheet.getRange('B2').setValue('v').setNote('n').setBackground('#ff0000');
    sheet.getRange('C2').setFormula('=B2');
    sheet.getRange('B:B').setNumberFormat('@');
    sheet.getRange('C2').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.insertRowsBefore(1, 1);
    sheet.insertColumnsBefore(2, 2);
    expect(sheet.getRange('D3').getValue()).toBe('v');
    expect(sheet.getRange('D3').getNote()).toBe('n');
    expect(sheet.getRange('D3').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('E3').getFormula()).toBe('=B2');
    expect(sheet.getRange('D900').getNumberFormat()).toBe('@');
    expect(sheet.getRange('B3').getNumberFormat()).toBe('0.###############');
    expect(String(sheet.getRange('E3').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getMaxColumns()).toBe(28);
  });

  it('deletes rows and columns with their contents', () => {
    const { sheet } = appFor(newModel());
    sheet.getRange('A1:C3').setValues([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    sheet.deleteRow(2);
    sheet.deleteColumns(1, 2);
    expect(sheet.getDataRange().getValues()).toEqual([[3], [9]]);
    expect(thrown(() => sheet.deleteRows(1, 999))).toBe(sheetMessages.deleteAllRows);
    expect(thrown(() => sheet.deleteRows(999, 5))).toBe(sheetMessages.rowsOutOfBounds);
  });

  it('moves columns with values and widths', () => {
    const { sheet } = appFor(newModel());
    sheet.getRange('A1:D1').setValues([['a', 'b', 'c', 'd']]);
    sheet.setColumnWidth(1, 250);
    sheet.moveColumns(sheet.getRange('A:A'), 4);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['b', 'c', 'a', 'd']]);
    expect(sheet.getColumnWidth(3)).toBe(250);
    sheet.moveColumns(sheet.getRange('C1'), 1);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('keeps a rule on a column tail (F2:F) over rows appended past the end of the sheet', () => {
    const { app, sheet } = appFor(newModel());
    sheet.getRange('A2:A').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange('A1000').setValue(true);
    sheet.appendRow([false]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(String(sheet.getRange('A1001').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
  });

  it('shifts named ranges and drops them with their rows', () => {
    const { ss, sheet } = appFor(newModel());
    ss.setNamedRange('Ids', sheet.getRange('B2:B4'));
    sheet.insertRowsBefore(1, 1);
    expect(ss.getRangeByName('Ids')?.getA1Notation()).toBe('B3:B5');
    sheet.deleteRows(3, 3);
    expect(ss.getRangeByName('Ids')).toBeNull();
  });
});

describe('developer metadata', () => {
  it('refuses arbitrary ranges', () => {
    const { sheet } = appFor(newModel());
    expect(thrown(() => sheet.getRange('A1:B2').addDeveloperMetadata('k'))).toBe(
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to top-level sheets or entire rows or columns.',
    );
  });

  it('follows its column when columns are inserted before it, moved, and is gone when deleted', () => {
    const { app, ss, sheet } = appFor(newModel());
    sheet.getRange('C:C').addDeveloperMetadata('column', 'phone', app.DeveloperMetadataVisibility.PROJECT);
    const find = () => ss.createDeveloperMetadataFinder().withKey('column').find();
    const columnOf = () => find()[0].getLocation().getColumn()?.getColumn();
    sheet.insertColumnsBefore(1, 2);
    expect(columnOf()).toBe(5);
    sheet.moveColumns(sheet.getRange('E:E'), 1);
    expect(columnOf()).toBe(1);
    sheet.moveColumns(sheet.getRange('B:C'), 1);
    expect(columnOf()).toBe(3);
    const m = find()[0];
    expect([m.getKey(), m.getValue(), String(m.getVisibility())]).toEqual(['column', 'phone', 'PROJECT']);
    expect(String(m.getLocation().getLocationType())).toBe('COLUMN');
    expect(sheet.getRange('C:C').getDeveloperMetadata()).toHaveLength(1);
    sheet.deleteColumn(3);
    expect(find()).toHaveLength(0);
  });

  it('supports spreadsheet and sheet metadata, finders by location and value, moveToColumn and remove', () => {
    const { app, ss, sheet } = appFor(newModel());
    ss.addDeveloperMetadata('schema', '3');
    sheet.addDeveloperMetadata('register', app.DeveloperMetadataVisibility.DOCUMENT);
    sheet.getRange('2:2').addDeveloperMetadata('header');
    expect(ss.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['3']);
    expect(sheet.getDeveloperMetadata()[0].getValue()).toBeNull();
    const rows = sheet
      .createDeveloperMetadataFinder()
      .withLocationType(app.DeveloperMetadataLocationType.ROW)
      .find();
    expect(rows.map((m) => m.getKey())).toEqual(['header']);
    const schema = ss.createDeveloperMetadataFinder().withValue('3').find()[0];
    schema.moveToColumn(sheet.getRange('F:F'));
    expect(schema.getLocation().getColumn()?.getColumn()).toBe(6);
    schema.setValue('4').remove();
    expect(ss.createDeveloperMetadataFinder().withKey('schema').find()).toHaveLength(0);
  });
});
