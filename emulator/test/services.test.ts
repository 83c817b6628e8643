// The services besides SpreadsheetApp: mail quota and failures, locks between executions, properties, cache, utilities.
import { messages } from '../src';
import { formatDate } from '../src/services/format-date';
import { CLERK, OWNER, scriptEmulator } from './runtime-helpers';

describe('MailApp', () => {
  const code = `
    function send(to, opts) { MailApp.sendEmail(to, 'Subject', 'Body', opts || {}); return MailApp.getRemainingDailyQuota(); }
    function left() { return MailApp.getRemainingDailyQuota(); }`;

  test('sends into the outbox and counts recipients against the daily quota', () => {
    const emu = scriptEmulator(code, { mailQuota: 5 });
    expect(emu.run(OWNER, 'send', 'a@x.com', { cc: 'b@x.com, c@x.com' })).toBe(2);
    expect(emu.outbox).toHaveLength(1);
    expect(emu.outbox[0]).toMatchObject({
      from: OWNER,
      to: ['a@x.com'],
      cc: ['b@x.com', 'c@x.com'],
      subject: 'Subject',
    });
  });

  test('past the quota sendEmail throws and nothing is sent', () => {
    const emu = scriptEmulator(code, { mailQuota: 2 });
    emu.run(OWNER, 'send', 'a@x.com');
    emu.run(OWNER, 'send', 'b@x.com');
    expect(() => emu.run(OWNER, 'send', 'c@x.com')).toThrow(messages.mailQuota);
    expect(emu.outbox).toHaveLength(2);
  });

  test('the quota is per user and starts again the next day', () => {
    const emu = scriptEmulator(code, { mailQuota: 1, now: '2026-05-01T02:00:00Z' });
    emu.run(OWNER, 'send', 'a@x.com');
    expect(emu.run(CLERK, 'left')).toBe(1);
    expect(emu.run(OWNER, 'left')).toBe(0);
    emu.advanceClock({ ms: 24 * 3600 * 1000 });
    expect(emu.run(OWNER, 'left')).toBe(1);
  });

  test('an injected failure for one recipient throws for that one only', () => {
    const emu = scriptEmulator(code);
    emu.mail.failFor('bad@x.com', 'Invalid email: bad@x.com');
    expect(() => emu.run(OWNER, 'send', 'bad@x.com')).toThrow('Invalid email: bad@x.com');
    expect(emu.run(OWNER, 'send', 'good@x.com')).toBe(99);
  });

  test('a malformed address is refused', () => {
    const emu = scriptEmulator(code);
    expect(() => emu.run(OWNER, 'send', 'not an address')).toThrow('Invalid email: not an address');
  });
});

describe('LockService', () => {
  const code = `
    function hold() { var l = LockService.getDocumentLock(); l.waitLock(10000); PropertiesService.getDocumentProperties().setProperty('x', 'A'); l.releaseLock(); return 'A done'; }
    function wait() { var l = LockService.getDocumentLock(); l.waitLock(1000); l.releaseLock(); return 'B done'; }
    function tryIt() { return LockService.getDocumentLock().tryLock(500); }`;

  test('a lock held by one execution makes another time out with the Apps Script message', () => {
    const emu = scriptEmulator(code);
    const seen: string[] = [];
    emu.hooks.beforeCall = (info) => {
      if (info.fn === 'hold' && info.method === 'setProperty') {
        emu.hooks.beforeCall = undefined;
        try {
          emu.run(CLERK, 'wait');
        } catch (e) {
          seen.push((e as Error).message);
        }
        seen.push(String(emu.run(CLERK, 'tryIt')));
      }
    };
    expect(emu.run(OWNER, 'hold')).toBe('A done');
    expect(seen).toEqual([messages.lockTimeout, 'false']);
  });

  test('different locks do not exclude each other: document, script and each user’s lock are apart', () => {
    const emu = scriptEmulator(`
      function holdDoc() { var l = LockService.getDocumentLock(); l.waitLock(1000); PropertiesService.getDocumentProperties().setProperty('x', 'A'); l.releaseLock(); }
      function trySome(kind) { var l = kind === 'script' ? LockService.getScriptLock() : kind === 'user' ? LockService.getUserLock() : LockService.getDocumentLock(); return l.tryLock(100); }`);
    const seen: Record<string, boolean> = {};
    emu.hooks.beforeCall = (info) => {
      if (info.fn === 'holdDoc' && info.method === 'setProperty') {
        emu.hooks.beforeCall = undefined;
        seen.script = emu.run(CLERK, 'trySome', 'script') as boolean;
        seen.user = emu.run(CLERK, 'trySome', 'user') as boolean;
        seen.document = emu.run(CLERK, 'trySome', 'document') as boolean;
      }
    };
    emu.run(OWNER, 'holdDoc');
    expect(seen).toEqual({ script: true, user: true, document: false });
  });

  test('a lock is released when its execution ends, even without releaseLock', () => {
    const emu = scriptEmulator(`function grab() { LockService.getDocumentLock().waitLock(1000); } ${code}`);
    emu.run(OWNER, 'grab');
    expect(emu.run(CLERK, 'wait')).toBe('B done');
  });
});

describe('PropertiesService and CacheService', () => {
  const code = `
    function put(k, v) { PropertiesService.getDocumentProperties().setProperty(k, v); }
    function get(k) { return PropertiesService.getDocumentProperties().getProperty(k); }
    function cput(k, v, s) { CacheService.getDocumentCache().put(k, v, s); }
    function cget(k) { return CacheService.getDocumentCache().get(k); }`;

  test('values are stored as strings and missing keys are null', () => {
    const emu = scriptEmulator(code);
    emu.run(OWNER, 'put', 'n', 42);
    expect(emu.run(OWNER, 'get', 'n')).toBe('42');
    expect(emu.run(OWNER, 'get', 'missing')).toBeNull();
  });

  test('a value over 9 KB is refused', () => {
    const emu = scriptEmulator(code);
    expect(() => emu.run(OWNER, 'put', 'big', 'x'.repeat(9 * 1024 + 1))).toThrow(messages.propertyTooLarge);
    expect(emu.run(OWNER, 'get', 'big')).toBeNull();
  });

  test('cache entries expire on the fake clock', () => {
    const emu = scriptEmulator(code);
    emu.run(OWNER, 'cput', 'k', 'v', 60);
    expect(emu.run(OWNER, 'cget', 'k')).toBe('v');
    emu.advanceClock({ ms: 61000 });
    expect(emu.run(OWNER, 'cget', 'k')).toBeNull();
  });
});

describe('Utilities', () => {
  test('formatDate follows SimpleDateFormat patterns in the given time zone', () => {
    const t = Date.parse('2026-01-05T16:07:08.009Z');
    expect(formatDate(t, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2026-01-06 00:07:08.009');
    expect(formatDate(t, 'America/New_York', "EEE, d MMM yyyy h:mm a 'at' Z")).toBe(
      'Mon, 5 Jan 2026 11:07 AM at -0500',
    );
    expect(formatDate(t, 'UTC', 'EEEE MMMM yy')).toBe('Monday January 26');
  });

  test('HMAC-SHA256 comes back as signed bytes and base64 web-safe encodes them', () => {
    const emu = scriptEmulator(`function mac() {
      var b = Utilities.computeHmacSha256Signature('The quick brown fox jumps over the lazy dog', 'key');
      return [b.slice(0, 4), Utilities.base64EncodeWebSafe(b)];
    }`);
    // RFC 4231-style known vector: f7bc83f4... for key "key".
    expect(emu.run(OWNER, 'mac')).toEqual([
      [-9, -68, -125, -12],
      '97yD9DBThCSxMpjmqm-xQ-9NWaFJRhdZl0edvC0aPNg=',
    ]);
  });

  test('an HTML blob converts to a stand-in PDF that keeps the HTML; other conversions are refused', () => {
    const emu = scriptEmulator(`function pdf(html) {
      var b = Utilities.newBlob(html, 'text/html', 'card.html').getAs('application/pdf');
      return [b.getContentType(), b.getName(), Utilities.base64Encode(b.getBytes())];
    }
    function text() { return Utilities.newBlob('x', 'text/plain').getAs('application/pdf'); }`);
    const [type, name, data] = emu.run(OWNER, 'pdf', '<p>张伟</p>') as string[];
    expect([type, name]).toEqual(['application/pdf', 'card.pdf']);
    const bytes = Buffer.from(data, 'base64').toString('utf8');
    expect(bytes.startsWith('%PDF-1.4')).toBe(true);
    expect(bytes).toContain('<p>张伟</p>');
    expect(() => emu.run(OWNER, 'text')).toThrow(
      'Converting from text/plain to application/pdf is not supported.',
    );
  });

  test('getUuid gives a version-4 UUID', () => {
    const emu = scriptEmulator('function u() { return Utilities.getUuid(); }');
    expect(emu.run(OWNER, 'u')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
