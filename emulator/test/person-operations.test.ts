// What people do to a sheet by hand: paste, sort, insert, delete and move rows and columns, with their events.
/// <reference types="google-apps-script" />
import { messages } from '../src';
import { emulatorContext } from '../src/execution';
import { CLERK, OWNER, scriptEmulator } from './runtime-helpers';

// A script that logs every event it gets into document properties, and a few helpers the tests call.
const code = `
function log_(kind, e) {
  var p = PropertiesService.getDocumentProperties();
  var list = JSON.parse(p.getProperty('log') || '[]');
  var entry = { kind: kind };
  if (e.range) entry.range = e.range.getA1Notation();
  if ('value' in e) entry.value = e.value;
  if ('oldValue' in e) entry.oldValue = e.oldValue;
  if (e.changeType) entry.changeType = e.changeType;
  list.push(entry);
  p.setProperty('log', JSON.stringify(list));
}
function onEdit(e) { log_('simple', e); }
function watchEdit(e) { log_('edit', e); }
function watchChange(e) { log_('change', e); }
function install() {
  var ss = SpreadsheetApp.getActive();
  ScriptApp.newTrigger('watchEdit').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('watchChange').forSpreadsheet(ss).onChange().create();
}
function log() { return JSON.parse(PropertiesService.getDocumentProperties().getProperty('log') || '[]'); }
function clearLog() { PropertiesService.getDocumentProperties().deleteProperty('log'); }
function protectHeader() {
  var p = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:C1').protect();
  p.removeEditors(p.getEditors());
}
function protectColumnC() {
  var p = SpreadsheetApp.getActive().getSheets()[0].getRange('C:C').protect();
  p.removeEditors(p.getEditors());
}
function protectFixedAndOpen() {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  sheet.getRange('B2:B1000').protect().setDescription('fixed');
  sheet.getRange('C2:C').protect().setDescription('open');
}
function protectedBy() {
  var out = {};
  SpreadsheetApp.getActive().getSheets()[0].getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .forEach(function (p) { out[p.getDescription()] = p.getRange().getA1Notation(); });
  return out;
}
function tagColumnsAndRows() {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  sheet.getRange('A:A').addDeveloperMetadata('field', 'name');
  sheet.getRange('B:B').addDeveloperMetadata('field', 'n');
  sheet.getRange('2:2').addDeveloperMetadata('row', 'second');
}
function tags() {
  return SpreadsheetApp.getActive().createDeveloperMetadataFinder().find().map(function (m) {
    var l = m.getLocation();
    var at = l.getColumn() ? l.getColumn().getA1Notation() : l.getRow().getA1Notation();
    return m.getValue() + '@' + at;
  });
}
function approveRow(row) {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  var name = sheet.getRange(row, 1).getValue();
  sheet.getRange(row, 3).setValue('approved');
  return name;
}
function openRows() {
  return SpreadsheetApp.getActive().getSheets()[0].getRange('C2:C').getNumRows();
}
function rejectBigB2() {
  var rule = SpreadsheetApp.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).build();
  SpreadsheetApp.getActive().getSheets()[0].getRange('B2').setDataValidation(rule);
}
function protectedRows() {
  return SpreadsheetApp.getActive().getSheets()[0].getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .map(function (p) { return p.getRange().getA1Notation(); });
}`;

function setUp() {
  const emu = scriptEmulator(code);
  emu.run(OWNER, 'install');
  return emu;
}

const values = (emu: ReturnType<typeof setUp>) => emu.spreadsheet.values('Sheet1');

/** SpreadsheetApp as the emulator itself sees it (no checks, no meter): for fixtures the event log must not see. */
function fixtureApp(emu: ReturnType<typeof setUp>) {
  const app = emu.spreadsheet.createSpreadsheetApp(emulatorContext(), { getUi: () => ({}) });
  return app as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

const fixtureSheet = (emu: ReturnType<typeof setUp>) => fixtureApp(emu).getActive().getSheets()[0];

describe('edit: typing one cell', () => {
  test('fires simple and installable onEdit with value and oldValue, and onChange EDIT', () => {
    const emu = setUp();
    emu.edit(CLERK, 'Sheet1', 'B2', 'first');
    emu.run(OWNER, 'clearLog');
    expect(emu.edit(CLERK, 'Sheet1', 'B2', 'second')).toEqual({ ok: true });
    expect(emu.run(OWNER, 'log')).toEqual([
      { kind: 'simple', range: 'B2', value: 'second', oldValue: 'first' },
      { kind: 'edit', range: 'B2', value: 'second', oldValue: 'first' },
      { kind: 'change', changeType: 'EDIT' },
    ]);
  });
});

describe('edit: a paste or fill over a range', () => {
  test('parses every cell as typed and fires one onEdit per trigger for the whole range, without value or oldValue', () => {
    const emu = setUp();
    emu.edit(CLERK, 'Sheet1', 'A1', 'old');
    emu.run(OWNER, 'clearLog');
    expect(
      emu.edit(CLERK, 'Sheet1', 'A1:C2', [
        ['x', '0755', '=A1'],
        ['TRUE', '', "'007"],
      ]),
    ).toEqual({ ok: true });
    expect(values(emu)).toEqual([
      ['x', 755, expect.anything()],
      [true, '', '007'],
    ]);
    expect(emu.spreadsheet.formulas('Sheet1')[0][2]).toBe('=A1');
    expect(emu.run(OWNER, 'log')).toEqual([
      { kind: 'simple', range: 'A1:C2' },
      { kind: 'edit', range: 'A1:C2' },
      { kind: 'change', changeType: 'EDIT' },
    ]);
  });

  test('over whole rows or columns the event range keeps the open form, and a smaller block fills only its cells', () => {
    const emu = setUp();
    expect(emu.edit(CLERK, 'Sheet1', '5:7', [['a', 'b']])).toEqual({ ok: true });
    expect(emu.edit(CLERK, 'Sheet1', 'D:F', [['d'], ['e']])).toEqual({ ok: true });
    expect(emu.edit(CLERK, 'Sheet1', '9:9', [['z']])).toEqual({ ok: true });
    const log = emu.run(OWNER, 'log') as { kind: string; range?: string }[];
    expect(log.filter((x) => x.kind === 'edit').map((x) => x.range)).toEqual(['5:7', 'D:F', '9:9']);
    const v = values(emu);
    expect(v[4].slice(0, 3)).toEqual(['a', 'b', '']);
    expect(v[0][3]).toBe('d');
    expect(v[1][3]).toBe('e');
    expect(v[8][0]).toBe('z');
  });

  test('a block larger than the range is refused and writes nothing', () => {
    const emu = setUp();
    const r = emu.edit(CLERK, 'Sheet1', 'A1:B1', [['a', 'b', 'c']]);
    expect(r).toEqual({ ok: false, error: messages.columnsMismatch(3, 2) });
    expect(values(emu)).toEqual([['']]);
  });

  test('a rejecting validation on one cell refuses the whole paste with its message, writing nothing', () => {
    const emu = setUp();
    emu.run(OWNER, 'rejectBigB2');
    emu.run(OWNER, 'clearLog');
    const r = emu.edit(CLERK, 'Sheet1', 'A1:B2', [
      ['a', '1'],
      ['b', '9'],
    ]);
    expect(r).toEqual({ ok: false, error: messages.validationViolated('B2') });
    expect(values(emu)).toEqual([['']]);
    expect(emu.run(OWNER, 'log')).toEqual([]);
  });

  test('one protected cell refuses the whole paste for a person who is not its editor: nothing written, no event', () => {
    const emu = setUp();
    emu.run(OWNER, 'protectHeader');
    emu.run(OWNER, 'clearLog');
    const r = emu.edit(CLERK, 'Sheet1', 'C1:D2', [
      ['x', 'y'],
      ['z', 'w'],
    ]);
    expect(r).toEqual({ ok: false, error: messages.protectedCell });
    expect(values(emu)).toEqual([['']]);
    expect(emu.run(OWNER, 'log')).toEqual([]);
    expect(emu.edit(OWNER, 'Sheet1', 'C1:D2', [['x', 'y']])).toEqual({ ok: true });
  });
});

describe('sortRange', () => {
  function table() {
    const emu = setUp();
    emu.edit(OWNER, 'Sheet1', 'A1:C5', [
      ['name', 'n', 'note'],
      ['pear', '3', 'p'],
      ['apple', '10', 'a'],
      ['', '1', 'blank name'],
      ['fig', '2', 'f'],
    ]);
    emu.run(OWNER, 'clearLog');
    return emu;
  }

  test('sorts the rows below the header by a column, blanks last, and fires onChange OTHER but no onEdit', () => {
    const emu = table();
    expect(emu.sortRange(CLERK, 'Sheet1', 'A2:C', { column: 1 })).toEqual({ ok: true });
    expect(values(emu)).toEqual([
      ['name', 'n', 'note'],
      ['apple', 10, 'a'],
      ['fig', 2, 'f'],
      ['pear', 3, 'p'],
      ['', 1, 'blank name'],
    ]);
    expect(emu.run(OWNER, 'log')).toEqual([{ kind: 'change', changeType: 'OTHER' }]);
  });

  test('descending on numbers, and by several keys', () => {
    const emu = table();
    emu.sortRange(CLERK, 'Sheet1', 'A2:C5', { column: 2, ascending: false });
    expect(values(emu).map((r) => r[1])).toEqual(['n', 10, 3, 2, 1]);
    emu.edit(OWNER, 'Sheet1', 'A2:A5', [['b'], ['a'], ['b'], ['a']]);
    emu.sortRange(CLERK, 'Sheet1', 'A2:C5', [{ column: 1 }, { column: 2 }]);
    expect(values(emu).map((r) => `${r[0]}${r[1]}`)).toEqual(['namen', 'a1', 'a3', 'b2', 'b10']);
  });

  test('notes and formats move with their rows', () => {
    const emu = table();
    const sheet = fixtureSheet(emu);
    sheet.getRange('C2').setNote('pear note').setBackground('#ff0000');
    sheet
      .getRange('B2')
      .setNumberFormat('0.00')
      .setDataValidation(fixtureApp(emu).newDataValidation().requireNumberBetween(0, 5).build());
    emu.sortRange(OWNER, 'Sheet1', 'A2:C', { column: 1 });
    expect(emu.spreadsheet.note('Sheet1', 'C4')).toBe('pear note');
    expect(fixtureSheet(emu).getRange('C4').getBackground()).toBe('#ff0000');
    expect(fixtureSheet(emu).getRange('C2').getBackground()).toBe('#ffffff');
    expect(emu.spreadsheet.numberFormat('Sheet1', 'B4')).toBe('0.00');
    expect(emu.spreadsheet.validation('Sheet1', 'B4')?.criteria).toBe('NUMBER_BETWEEN');
    expect(emu.spreadsheet.validation('Sheet1', 'B2')).toBeNull();
    expect(emu.spreadsheet.displayValues('Sheet1')[3][1]).toBe('3.00');
  });

  test('a sort over a protected cell is refused for a person who is not its editor and changes nothing', () => {
    const emu = table();
    emu.run(OWNER, 'protectColumnC');
    const before = values(emu);
    expect(emu.sortRange(CLERK, 'Sheet1', 'A2:C', { column: 1 })).toEqual({
      ok: false,
      error: messages.protectedCell,
    });
    expect(values(emu)).toEqual(before);
  });
});

describe('inserting, deleting and moving rows and columns', () => {
  test('each fires installable onChange with its change type and no onEdit', () => {
    const emu = setUp();
    emu.edit(OWNER, 'Sheet1', 'A1:C1', [['a', 'b', 'c']]);
    emu.run(OWNER, 'clearLog');
    expect(emu.insertRows(CLERK, 'Sheet1', 1, 2)).toEqual({ ok: true });
    expect(emu.deleteRows(CLERK, 'Sheet1', 1, 1)).toEqual({ ok: true });
    expect(emu.insertColumns(CLERK, 'Sheet1', 1, 1)).toEqual({ ok: true });
    expect(emu.deleteColumns(CLERK, 'Sheet1', 1, 1)).toEqual({ ok: true });
    expect(emu.moveColumns(CLERK, 'Sheet1', 1, 1, 4)).toEqual({ ok: true });
    expect(emu.moveRows(CLERK, 'Sheet1', 2, 1, 1)).toEqual({ ok: true });
    expect((emu.run(OWNER, 'log') as { changeType: string }[]).map((x) => x.changeType)).toEqual([
      'INSERT_ROW',
      'REMOVE_ROW',
      'INSERT_COLUMN',
      'REMOVE_COLUMN',
      'OTHER',
      'OTHER',
    ]);
    expect(values(emu)).toEqual([['b', 'c', 'a']]);
  });

  test('protections move with their cells and a fixed-row protection grows with rows inserted inside it', () => {
    const emu = setUp();
    emu.run(OWNER, 'protectHeader');
    emu.insertRows(OWNER, 'Sheet1', 1, 2);
    expect(emu.run(OWNER, 'protectedRows')).toEqual(['A3:C3']);
    emu.insertColumns(OWNER, 'Sheet1', 2, 1);
    expect(emu.run(OWNER, 'protectedRows')).toEqual(['A3:D3']);
    emu.moveColumns(OWNER, 'Sheet1', 1, 1, 6);
    expect(emu.run(OWNER, 'protectedRows')).toEqual(['A3:E3']);
  });

  test('a person may not delete or move lines a protection they cannot edit holds; nothing changes, no event', () => {
    const emu = setUp();
    emu.run(OWNER, 'protectColumnC');
    emu.edit(OWNER, 'Sheet1', 'A1:C1', [['a', 'b', 'c']]);
    emu.run(OWNER, 'clearLog');
    expect(emu.deleteColumns(CLERK, 'Sheet1', 3, 1)).toEqual({ ok: false, error: messages.protectedCell });
    expect(emu.moveColumns(CLERK, 'Sheet1', 3, 1, 1)).toEqual({ ok: false, error: messages.protectedCell });
    expect(emu.deleteRows(CLERK, 'Sheet1', 1, 1)).toEqual({ ok: false, error: messages.protectedCell });
    expect(values(emu)).toEqual([['a', 'b', 'c']]);
    expect(emu.run(OWNER, 'log')).toEqual([]);
    expect(emu.insertColumns(CLERK, 'Sheet1', 1, 1)).toEqual({ ok: true });
  });

  test('out-of-bounds requests are refused with Apps Script messages', () => {
    const emu = setUp();
    expect(emu.deleteRows(CLERK, 'Sheet1', 1, 1000)).toEqual({
      ok: false,
      error: "You can't delete all the rows on the sheet.",
    });
    expect(emu.moveRows(CLERK, 'Sheet1', 999, 5, 1).ok).toBe(false);
  });
});

describe('what moves with the cells', () => {
  test('column metadata follows a column a person moves, and goes with a column they delete', () => {
    const emu = setUp();
    emu.run(OWNER, 'tagColumnsAndRows');
    emu.moveColumns(OWNER, 'Sheet1', 1, 1, 4);
    expect(emu.run(OWNER, 'tags')).toEqual(['name@C:C', 'n@A:A', 'second@2:2']);
    emu.deleteColumns(OWNER, 'Sheet1', 1, 1);
    emu.insertRows(OWNER, 'Sheet1', 1, 3);
    expect(emu.run(OWNER, 'tags')).toEqual(['name@B:B', 'second@5:5']);
  });

  test('a sort rewrites cells: row metadata stays on its row position', () => {
    const emu = setUp();
    emu.edit(OWNER, 'Sheet1', 'A1:A3', [['h'], ['b'], ['a']]);
    emu.run(OWNER, 'tagColumnsAndRows');
    emu.sortRange(OWNER, 'Sheet1', 'A2:B', { column: 1 });
    expect(values(emu).map((r) => r[0])).toEqual(['h', 'a', 'b']);
    expect(emu.run(OWNER, 'tags')).toContain('second@2:2');
  });

  test('rows added past the end extend a protection given as B2:B but not one given as B2:B1000', () => {
    const emu = setUp();
    emu.run(OWNER, 'protectFixedAndOpen');
    emu.insertRows(OWNER, 'Sheet1', 1001, 10);
    expect(emu.run(OWNER, 'protectedBy')).toEqual({ fixed: 'B2:B1000', open: 'C2:C' });
    const app = fixtureSheet(emu);
    expect(app.getMaxRows()).toBe(1010);
    emu.insertRows(OWNER, 'Sheet1', 500, 1);
    expect(emu.run(OWNER, 'protectedBy')).toEqual({ fixed: 'B2:B1001', open: 'C2:C' });
    expect(emu.run(OWNER, 'openRows') as number).toBe(1010);
  });
});

describe('a person acting while a script is suspended between its read and its write', () => {
  test("a sort from beforeCall makes the script's row number point at another record", () => {
    const emu = setUp();
    emu.edit(OWNER, 'Sheet1', 'A1:B4', [
      ['name', 'n'],
      ['carol', '3'],
      ['alice', '1'],
      ['bob', '2'],
    ]);
    let sorted = false;
    emu.hooks.beforeCall = (info) => {
      if (info.fn === 'approveRow' && info.method === 'Range.setValue' && !sorted) {
        sorted = true;
        expect(emu.sortRange(CLERK, 'Sheet1', 'A2:B', { column: 1 })).toEqual({ ok: true });
      }
    };
    // The script read 'carol' in row 2; by the time it writes, row 2 holds alice.
    expect(emu.run(OWNER, 'approveRow', 2)).toBe('carol');
    emu.hooks.beforeCall = undefined;
    expect(sorted).toBe(true);
    expect(values(emu)).toEqual([
      ['name', 'n', ''],
      ['alice', 1, 'approved'],
      ['bob', 2, ''],
      ['carol', 3, ''],
    ]);
    // The sort's onChange trigger ran as a nested execution while approveRow was suspended.
    expect(emu.run(OWNER, 'log')).toContainEqual({ kind: 'change', changeType: 'OTHER' });
  });
});
