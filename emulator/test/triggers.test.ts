// Triggers and the user's view: simple triggers' restrictions, installable triggers as their creator, time-driven runs.
import { messages } from '../src';
import { CLERK, OWNER, scriptEmulator } from './runtime-helpers';

const code = `
function onOpen(e) {
  SpreadsheetApp.getUi().createMenu('Tools').addItem('Go', 'go').addToUi();
  PropertiesService.getDocumentProperties().setProperty('opened', e.authMode + ':' + Session.getActiveUser().getEmail());
}
function onEdit(e) { PropertiesService.getDocumentProperties().setProperty('simpleEdit', String(e.value)); MailApp.sendEmail('a@x.com', 's', 'b'); }
function guard(e) { PropertiesService.getDocumentProperties().setProperty('guard', Session.getEffectiveUser().getEmail() + ' saw ' + e.user.getEmail() + ' type ' + e.value); }
function daily(e) { var p = PropertiesService.getDocumentProperties(); p.setProperty('runs', String(Number(p.getProperty('runs') || 0) + 1)); p.setProperty('by', Session.getEffectiveUser().getEmail() + '@' + e.hour); }
function install() {
  ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create();
  ScriptApp.newTrigger('guard').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
}
function many() { for (var i = 0; i < 21; i++) ScriptApp.newTrigger('daily').timeBased().everyHours(1).create(); }
function mine() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }); }
function get(k) { return PropertiesService.getDocumentProperties().getProperty(k); }
function write() { SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue('script'); }`;

describe('simple triggers', () => {
  test('onOpen builds the menu for the user who opened, without knowing their email', () => {
    const emu = scriptEmulator(code);
    const ui = emu.open(CLERK);
    expect(ui.menus).toEqual([{ title: 'Tools', items: [{ caption: 'Go', functionName: 'go' }] }]);
    expect(emu.run(OWNER, 'get', 'opened')).toBe('LIMITED:');
  });

  test('in AuthMode.NONE onOpen may build a menu but not read properties or the document', () => {
    const emu = scriptEmulator(code);
    const ui = emu.open(CLERK, { authMode: 'NONE' });
    expect(ui.menus).toHaveLength(1);
    expect(emu.triggerFailures[0].error).toMatch(/PropertiesService|Authorization/);
  });

  test('simple onEdit may not send mail', () => {
    const emu = scriptEmulator(code);
    expect(emu.edit(CLERK, 'Sheet1', 'B2', 'hello')).toEqual({ ok: true });
    expect(emu.run(OWNER, 'get', 'simpleEdit')).toBe('hello');
    expect(emu.triggerFailures.map((f) => f.error)).toEqual([messages.noMailPermission]);
    expect(emu.outbox).toHaveLength(0);
  });
});

describe('installable triggers', () => {
  test('an installable onEdit runs as its creator and sees the editor in the same domain', () => {
    const emu = scriptEmulator(code);
    emu.run(OWNER, 'install');
    emu.edit(CLERK, 'Sheet1', 'C3', 'x');
    expect(emu.run(OWNER, 'get', 'guard')).toBe(`${OWNER} saw ${CLERK} type x`);
  });

  test('script writes fire no onEdit', () => {
    const emu = scriptEmulator(code);
    emu.run(OWNER, 'install');
    emu.run(CLERK, 'write');
    expect(emu.run(OWNER, 'get', 'guard')).toBeNull();
    expect(emu.run(OWNER, 'get', 'simpleEdit')).toBeNull();
  });

  test('a daily trigger fires at its hour in the script time zone, as its creator, once a day', () => {
    const emu = scriptEmulator(code, { now: '2026-06-01T00:00:00Z', scriptTimeZone: 'Asia/Shanghai' });
    emu.run(OWNER, 'install');
    emu.advanceClock('2026-06-01T00:59:00Z');
    expect(emu.run(OWNER, 'get', 'runs')).toBeNull();
    // 2026-06-03T00:30Z is 08:30 in Shanghai: the runs of June 1 and 2 at 09:00, not yet June 3's.
    emu.advanceClock('2026-06-03T00:30:00Z');
    expect(emu.run(OWNER, 'get', 'runs')).toBe('2');
    emu.advanceClock('2026-06-03T01:00:00Z');
    expect(emu.run(OWNER, 'get', 'runs')).toBe('3');
    expect(emu.run(OWNER, 'get', 'by')).toBe(`${OWNER}@9`);
  });

  test('a user sees only their own triggers, and the 21st is refused', () => {
    const emu = scriptEmulator(code);
    emu.run(OWNER, 'install');
    expect(emu.run(CLERK, 'mine')).toEqual([]);
    expect(emu.run(OWNER, 'mine')).toEqual(['daily', 'guard']);
    expect(() => emu.run(CLERK, 'many')).toThrow(messages.tooManyTriggers);
  });
});
