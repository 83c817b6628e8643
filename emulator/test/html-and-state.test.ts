// HtmlService templates and the sidebar capture, and saving and loading the whole emulator state.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../src';
import { CLERK, OWNER, scriptEmulator } from './runtime-helpers';

describe('HtmlService', () => {
  const code = `
    function page() { var t = HtmlService.createTemplateFromFile('page'); t.name = '<b>Li</b>'; return t.evaluate().getContent(); }
    function side() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('page').setTitle('Form')); }`;
  const html = { page: '<p><?= name ?></p><p><?!= name ?></p><? for (var i = 0; i < 2; i++) { ?>x<? } ?>' };

  test('templates evaluate scriptlets: escaped, raw and code', () => {
    const emu = scriptEmulator(code, { html });
    expect(emu.run(OWNER, 'page')).toBe('<p>&lt;b&gt;Li&lt;/b&gt;</p><p><b>Li</b></p>xx');
  });

  test('showSidebar captures the page for the user who asked, 300 px wide', () => {
    const emu = scriptEmulator(code, { html });
    emu.run(CLERK, 'side');
    expect(emu.uiOf(CLERK).sidebars).toEqual([
      expect.objectContaining({ title: 'Form', width: 300, html: html.page }),
    ]);
    expect(emu.uiOf(OWNER).sidebars).toEqual([]);
  });
});

describe('state', () => {
  test('everything saves to a JSON file and loads back', () => {
    const code = `
      function setup() {
        PropertiesService.getDocumentProperties().setProperty('v', '1');
        ScriptApp.newTrigger('setup').timeBased().everyDays(1).atHour(9).create();
        MailApp.sendEmail('a@x.com', 'hi', 'there');
        SpreadsheetApp.getActive().insertSheet('Data').getRange('A1:B1').setValues([['0755', 'x']]);
      }`;
    const emu = scriptEmulator(code);
    emu.run(OWNER, 'setup');
    const file = join(mkdtempSync(join(tmpdir(), 'gas-state-')), 'state.json');
    emu.save(file);
    const back = Emulator.load(file);
    expect(back.toJSON()).toEqual(emu.toJSON());
    expect(back.outbox).toHaveLength(1);
    expect(back.triggers()).toHaveLength(1);
    expect(back.spreadsheet.values('Data')).toEqual([[755, 'x']]);
    expect(back.now()).toBe(emu.now());
  });
});
