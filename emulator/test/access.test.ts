// Sharing changes made by the owner: removing a person's access and transferring ownership, with their effect on triggers.
import { messages } from '../src';
import { CLERK, OWNER, scriptEmulator } from './runtime-helpers';

const MANAGER = 'manager@example.com';

const code = `
function count_(key) {
  var p = PropertiesService.getDocumentProperties();
  p.setProperty(key, String(Number(p.getProperty(key) || 0) + 1));
}
function onClerkEdit() { count_('clerkEdit:' + Session.getEffectiveUser().getEmail()); }
function hourly() { count_('hourly:' + Session.getEffectiveUser().getEmail()); }
function install() {
  ScriptApp.newTrigger('onClerkEdit').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
  ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
}
function get(k) { return PropertiesService.getDocumentProperties().getProperty(k); }
function owner() { return SpreadsheetApp.getActive().getOwner().getEmail(); }
function editors() { return SpreadsheetApp.getActive().getEditors().map(function (u) { return u.getEmail(); }); }
function lockA1() {
  var p = SpreadsheetApp.getActive().getSheets()[0].getRange('A1').protect();
  p.removeEditors(p.getEditors());
}
function writeA1(v) { SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue(v); }`;

function setUp() {
  return scriptEmulator(code, { editors: [CLERK, MANAGER] });
}

describe('removeAccess', () => {
  test('the person can no longer run, call or edit anything', () => {
    const emu = setUp();
    emu.removeAccess(CLERK);
    expect(() => emu.run(CLERK, 'get', 'x')).toThrow(`${CLERK} has no access to this spreadsheet.`);
    expect(() => emu.scriptRun(CLERK, 'get', 'x')).toThrow(/no access/);
    expect(() => emu.edit(CLERK, 'Sheet1', 'A1', 'x')).toThrow(/no access/);
    expect(() => emu.sortRange(CLERK, 'Sheet1', 'A1:A2', { column: 1 })).toThrow(/no access/);
    expect(emu.run(OWNER, 'editors')).not.toContain(CLERK);
  });

  test("every trigger they created stays listed and fails on each firing without running; others' still run", () => {
    const emu = setUp();
    emu.run(CLERK, 'install');
    emu.run(OWNER, 'install');
    emu.removeAccess(CLERK);
    expect(emu.triggers().filter((t) => t.creator === CLERK)).toHaveLength(2);
    emu.edit(MANAGER, 'Sheet1', 'B2', 'x');
    emu.advanceClock({ ms: 2 * 3600 * 1000 });
    const failures = emu.triggerFailures.filter((f) => f.user === CLERK);
    expect(failures.map((f) => [f.handler, f.error])).toEqual([
      ['onClerkEdit', messages.noDocumentAccess],
      ['hourly', messages.noDocumentAccess],
      ['hourly', messages.noDocumentAccess],
    ]);
    expect(emu.run(OWNER, 'get', `clerkEdit:${CLERK}`)).toBeNull();
    expect(emu.run(OWNER, 'get', `hourly:${CLERK}`)).toBeNull();
    expect(emu.run(OWNER, 'get', `clerkEdit:${OWNER}`)).toBe('1');
    expect(emu.run(OWNER, 'get', `hourly:${OWNER}`)).toBe('2');
  });

  test('the owner cannot be removed', () => {
    const emu = setUp();
    expect(() => emu.removeAccess(OWNER)).toThrow(/owner/);
  });
});

describe('transferOwnership', () => {
  test('the new owner is getOwner() and may edit every protection; the previous owner stays an editor', () => {
    const emu = setUp();
    emu.run(OWNER, 'lockA1');
    expect(() => emu.run(MANAGER, 'writeA1', 'x')).toThrow(messages.protectedCell);
    emu.transferOwnership(MANAGER);
    expect(emu.run(CLERK, 'owner')).toBe(MANAGER);
    expect(emu.run(MANAGER, 'editors')).toEqual([MANAGER, CLERK, OWNER]);
    emu.run(MANAGER, 'writeA1', 'by the new owner');
    expect(emu.spreadsheet.values('Sheet1')[0][0]).toBe('by the new owner');
    // The previous owner is no longer an editor of that protection.
    expect(() => emu.run(OWNER, 'writeA1', 'x')).toThrow(messages.protectedCell);
  });

  test("the previous owner's triggers keep running as them", () => {
    const emu = setUp();
    emu.run(OWNER, 'install');
    emu.transferOwnership(MANAGER);
    emu.edit(CLERK, 'Sheet1', 'B2', 'x');
    emu.advanceClock({ ms: 3600 * 1000 });
    expect(emu.triggerFailures).toEqual([]);
    expect(emu.run(MANAGER, 'get', `clerkEdit:${OWNER}`)).toBe('1');
    expect(emu.run(MANAGER, 'get', `hourly:${OWNER}`)).toBe('1');
  });
});
