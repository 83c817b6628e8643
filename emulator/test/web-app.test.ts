// Web apps: doGet/doPost with Apps Script's event object, run as the deploying user, without the container; ContentService; HMAC charsets.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../src';
import { CLERK, OWNER } from './runtime-helpers';

function webAppEmulator(
  code: string,
  webapp: object | null = { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' },
) {
  const dir = mkdtempSync(join(tmpdir(), 'gas-web-'));
  writeFileSync(join(dir, 'Code.js'), code);
  writeFileSync(
    join(dir, 'appsscript.json'),
    JSON.stringify({ timeZone: 'Asia/Shanghai', ...(webapp ? { webapp } : {}) }),
  );
  return new Emulator({ owner: OWNER, editors: [CLERK] }).loadBundle(dir);
}

const ECHO = `
function doGet(e) { return HtmlService.createHtmlOutput(JSON.stringify(describe(e))).setTitle('Echo'); }
function doPost(e) { return ContentService.createTextOutput(JSON.stringify(describe(e))).setMimeType(ContentService.MimeType.JSON); }
function describe(e) {
  return {
    e: e,
    active: Session.getActiveUser().getEmail(),
    effective: Session.getEffectiveUser().getEmail(),
    getActive: SpreadsheetApp.getActive(),
    documentLock: LockService.getDocumentLock(),
    opened: SpreadsheetApp.openById(PropertiesService.getScriptProperties().getProperty('id') || 'x') ? 'yes' : 'no',
  };
}
function recordId() { PropertiesService.getScriptProperties().setProperty('id', SpreadsheetApp.getActive().getId()); }
`;

describe('web app', () => {
  test('GET: e.parameter, e.parameters, e.queryString; runs as the deployer for an anonymous visitor, with no container', () => {
    const emu = webAppEmulator(ECHO);
    emu.run(OWNER, 'recordId');
    const r = emu.webApp('GET', { query: { a: 'confirm', tag: ['x', 'y'] } });
    if (!r.ok || r.kind !== 'html') throw new Error(JSON.stringify(r));
    expect(r.title).toBe('Echo');
    expect(JSON.parse(r.body)).toEqual({
      e: expect.objectContaining({
        parameter: { a: 'confirm', tag: 'x' },
        parameters: { a: ['confirm'], tag: ['x', 'y'] },
        queryString: 'a=confirm&tag=x&tag=y',
      }),
      active: '',
      effective: OWNER,
      getActive: null,
      documentLock: null,
      opened: 'yes',
    });
  });

  test('POST: a form body fills e.postData and e.parameter; a TextOutput comes back as text', () => {
    const emu = webAppEmulator(ECHO);
    emu.run(OWNER, 'recordId');
    const r = emu.webApp('POST', {
      body: 'v.phone=%2B86+139&a=stop',
      contentType: 'application/x-www-form-urlencoded',
    });
    if (!r.ok || r.kind !== 'text') throw new Error(JSON.stringify(r));
    expect(r.mimeType).toBe('application/json');
    const { e } = JSON.parse(r.body);
    expect(e.parameter).toEqual({ 'v.phone': '+86 139', a: 'stop' });
    expect(e.postData).toEqual(
      expect.objectContaining({
        contents: 'v.phone=%2B86+139&a=stop',
        type: 'application/x-www-form-urlencoded',
      }),
    );
  });

  test('openById with an ID that is not this spreadsheet fails; a thrown error is the error page', () => {
    const r = webAppEmulator(ECHO).webApp('GET');
    expect(r).toEqual({ ok: false, error: expect.stringContaining('openById') });
  });

  test('each visit is an execution of its own, metered', () => {
    const emu = webAppEmulator(ECHO);
    emu.run(OWNER, 'recordId');
    const before = emu.meter.executions.length;
    emu.webApp('GET');
    emu.webApp('GET');
    expect(emu.meter.executions.slice(before).map((x) => [x.fn, x.kind])).toEqual([
      ['doGet', 'web-app'],
      ['doGet', 'web-app'],
    ]);
  });

  test('without a webapp section in the manifest there is no web app; DOMAIN access refuses anonymous visitors', () => {
    expect(() => webAppEmulator(ECHO, null).webApp('GET')).toThrow(/no webapp section/);
    const emu = webAppEmulator(ECHO, { executeAs: 'USER_DEPLOYING', access: 'DOMAIN' });
    expect(emu.webApp('GET')).toEqual({ ok: false, error: 'Sign in required' });
  });

  test('HMAC: with Charset.UTF_8 non-ASCII text hashes as UTF-8; without it, differently', () => {
    const emu = webAppEmulator(`function sig(withCharset) {
      return withCharset
        ? Utilities.computeHmacSha256Signature('客户', 'key', Utilities.Charset.UTF_8)
        : Utilities.computeHmacSha256Signature('客户', 'key');
    }`);
    const { createHmac } = require('node:crypto') as typeof import('node:crypto');
    const expected = Array.from(createHmac('sha256', 'key').update('客户', 'utf8').digest(), (b) =>
      b > 127 ? b - 256 : b,
    );
    expect(emu.run(OWNER, 'sig', true)).toEqual(expected);
    expect(emu.run(OWNER, 'sig', false)).not.toEqual(expected);
  });
});
