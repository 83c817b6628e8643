// Protections: mirroring file permissions, explicit editors, warning-only, sheet protections, viewers, shifting.

import { messages } from '../src/behaviour';
import { sheetMessages } from '../src/spreadsheet';
import { appFor, EDITOR, newModel, OTHER, OWNER, thrown, VIEWER } from './spreadsheet-helpers';

function lockedRange(model = newModel()) {
  const { app, sheet } = appFor(model, OWNER);
  const p = sheet.getRange('A1:B5').protect().setDescription('ids');
  p.addEditor(OWNER);
  p.removeEditors(p.getEditors());
  return { model, app, p };
}

describe('protections', () => {
  it('a fresh protection mirrors the file: any file editor may still write, and getEditors omits the owner', () => {
    const model = newModel();
    const { sheet } = appFor(model, OWNER);
    const p = sheet.getRange('A1:B5').protect();
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([EDITOR, OTHER]);
    const clerk = appFor(model, EDITOR);
    expect(clerk.sheet.getProtections(clerk.app.ProtectionType.RANGE)[0].canEdit()).toBe(true);
    clerk.sheet.getRange('A1').setValue('ok');
    expect(model.values('Sheet1')).toEqual([['ok']]);
  });

  it('refuses a user the protection does not list, with the exact message, writing nothing', () => {
    const { model } = lockedRange();
    const clerk = appFor(model, EDITOR);
    expect(thrown(() => clerk.sheet.getRange('A1:C1').setValues([['x', 'y', 'z']]))).toBe(
      messages.protectedCell,
    );
    expect(thrown(() => clerk.sheet.getRange('B5').setNumberFormat('@'))).toBe(messages.protectedCell);
    expect(thrown(() => clerk.sheet.getRange('B5').setNote('n'))).toBe(messages.protectedCell);
    expect(thrown(() => clerk.sheet.getRange('A3').clearContent())).toBe(messages.protectedCell);
    expect(thrown(() => clerk.sheet.deleteRow(2))).toBe(messages.protectedCell);
    expect(model.values('Sheet1')).toEqual([['']]);
    clerk.sheet.getRange('C1').setValue('outside');
    expect(model.values('Sheet1')).toEqual([['', '', 'outside']]);
  });

  it('lets the owner and the listed editors write', () => {
    const { model, p } = lockedRange();
    p.addEditor(OTHER);
    appFor(model, OWNER).sheet.getRange('A1').setValue('owner');
    appFor(model, OTHER).sheet.getRange('A2').setValue('helper');
    expect(thrown(() => appFor(model, EDITOR).sheet.getRange('A3').setValue('clerk'))).toBe(
      messages.protectedCell,
    );
    expect(model.values('Sheet1')).toEqual([['owner'], ['helper']]);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, OTHER]);
  });

  it('never removes the owner or the acting user from the editors', () => {
    const model = newModel();
    const { sheet } = appFor(model, EDITOR);
    const p = sheet.getRange('A1').protect();
    p.addEditors([OWNER, EDITOR, OTHER]);
    p.removeEditors([OWNER, EDITOR, OTHER]);
    expect(
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([EDITOR, OWNER].sort());
  });

  it('a warning-only protection lets every file editor write', () => {
    const { model, p } = lockedRange();
    p.setWarningOnly(true);
    appFor(model, EDITOR).sheet.getRange('A1').setValue('warned');
    expect(model.values('Sheet1')).toEqual([['warned']]);
  });

  it('a sheet protection allows only its editors, except in its unprotected ranges', () => {
    const model = newModel();
    const owner = appFor(model, OWNER);
    const p = owner.sheet.protect();
    p.removeEditors(p.getEditors());
    p.addEditor(OTHER);
    p.setUnprotectedRanges([owner.sheet.getRange('D:D')]);
    const clerk = appFor(model, EDITOR);
    expect(thrown(() => clerk.sheet.getRange('A1').setValue('x'))).toBe(messages.protectedCell);
    expect(thrown(() => clerk.sheet.appendRow(['x']))).toBe(messages.protectedCell);
    expect(thrown(() => clerk.sheet.insertRowsAfter(1, 1))).toBe(messages.protectedCell);
    clerk.sheet.getRange('D2').setValue('free');
    appFor(model, OTHER).sheet.getRange('A1').setValue('helper');
    expect(model.values('Sheet1')).toEqual([
      ['helper', '', '', ''],
      ['', '', '', 'free'],
    ]);
    expect(owner.sheet.getProtections(owner.app.ProtectionType.SHEET)).toHaveLength(1);
    expect(p.getUnprotectedRanges()[0].getA1Notation()).toBe('D1:D1000');
  });

  it('blocks a cell when any one of overlapping protections blocks', () => {
    const model = newModel();
    const owner = appFor(model, OWNER);
    const open = owner.sheet.getRange('A1:C3').protect();
    open.addEditor(EDITOR);
    const closed = owner.sheet.getRange('C3:D4').protect();
    closed.removeEditors(closed.getEditors());
    const clerk = appFor(model, EDITOR);
    clerk.sheet.getRange('A1').setValue(1);
    expect(thrown(() => clerk.sheet.getRange('C3').setValue(2))).toBe(messages.protectedCell);
  });

  it('lets only the owner or a permitted user change a protection', () => {
    const { model } = lockedRange();
    const clerk = appFor(model, EDITOR);
    const p = clerk.sheet.getProtections(clerk.app.ProtectionType.RANGE)[0];
    expect(p.canEdit()).toBe(false);
    expect(thrown(() => p.addEditor(EDITOR))).toBe(messages.protectedCell);
    expect(thrown(() => p.remove())).toBe(messages.protectedCell);
    expect(p.getDescription()).toBe('ids');
    appFor(model, OWNER).sheet.getProtections(clerk.app.ProtectionType.RANGE)[0].remove();
    expect(clerk.ss.getProtections(clerk.app.ProtectionType.RANGE)).toHaveLength(0);
  });

  it('refuses every write by a file viewer', () => {
    const model = newModel();
    const viewer = appFor(model, VIEWER);
    expect(thrown(() => viewer.sheet.getRange('A1').setValue('x'))).toBe(messages.protectedCell);
    expect(thrown(() => viewer.ss.insertSheet('New'))).toBe(messages.protectedCell);
    expect(thrown(() => viewer.sheet.setName('Mine'))).toBe(messages.protectedCell);
    expect(viewer.sheet.getRange('A1').getValue()).toBe('');
  });

  it('throws on domain edit outside a Workspace domain and on unprotected ranges of range protections', () => {
    const { sheet } = appFor(newModel(), OWNER);
    const p = sheet.getRange('A1').protect();
    expect(thrown(() => p.setDomainEdit(true))).toBe(sheetMessages.domainEditOutsideDomain);
    expect(thrown(() => p.setUnprotectedRanges([]))).toBe(sheetMessages.unprotectedRangesOnRange);
    const inDomain = appFor(newModel({}, 'example.com'), OWNER).sheet.getRange('A1').protect();
    inDomain.setDomainEdit(true);
    expect(inDomain.canDomainEdit()).toBe(true);
  });

  it('shifts protected ranges with inserted and deleted rows and columns', () => {
    const model = newModel();
    const owner = appFor(model, OWNER);
    const p = owner.sheet.getRange('B2:C3').protect();
    owner.sheet.insertRowsBefore(1, 2);
    owner.sheet.insertColumnsBefore(1, 1);
    expect(p.getRange().getA1Notation()).toBe('C4:D5');
    owner.sheet.insertRowsAfter(4, 1);
    expect(p.getRange().getA1Notation()).toBe('C4:D6');
    owner.sheet.deleteRows(1, 4);
    expect(p.getRange().getA1Notation()).toBe('C1:D2');
  });
});
