// The customer's review links through dist/Code.js: GET shows, POST acts, and no forged, altered, expired, replayed or borrowed link writes anything.
import { t } from '../../src/domain/i18n';
import { fillDueCustomers } from '../fixtures/due-register';
import { callAs, saved } from '../helpers/call-as';
import { recordsOf, setSetting, stateOf, teamRegister, workbook } from '../helpers/register';
import { fireDaily } from '../helpers/reminders';
import {
  linkedRegister,
  linksFor,
  pageText,
  queryOf,
  TODAY,
  visit,
  WEB_APP_URL,
} from '../helpers/review-links';

import { CLERK, MANAGER } from '../helpers/users';

const FIRST = 'customer0@example.net';
const SECOND = 'customer1@example.net';

const customerRow = (emu: ReturnType<typeof linkedRegister>, id: string) =>
  recordsOf(emu, 'Customers').find((r) => r.id === id) as Record<string, unknown>;
// Date cells come back as instants: read them in the register's zone.
const day = (v: unknown) =>
  v instanceof Date ? v.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) : String(v);

function withQuery(url: string, change: Record<string, string>) {
  const q = { ...queryOf(url), ...change };
  return `${WEB_APP_URL}?${Object.entries(q)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`;
}

describe('the review email', () => {
  test('carries three signed links to the deployed page, in plain text and HTML', () => {
    const emu = linkedRegister();
    const links = linksFor(emu, FIRST);
    for (const url of Object.values(links)) {
      expect(url.startsWith(`${WEB_APP_URL}?`)).toBe(true);
      expect(queryOf(url)).toEqual(
        expect.objectContaining({ c: 'C-000001', s: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) }),
      );
    }
    const mail = emu.outbox.find((m) => m.to.includes(FIRST));
    expect(mail?.htmlBody).toContain('These details are correct');
    expect(mail?.htmlBody).toContain(links.stop.replace(/&/g, '&amp;'));
  });

  test('the secret lives in script properties, never in the sheet', () => {
    const emu = linkedRegister();
    const secret = emu.scriptProperties['cr.linkSecret'];
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const everything = JSON.stringify(emu.spreadsheet.toJSON());
    expect(everything).not.toContain(secret);
  });
});

describe('GET only shows', () => {
  test('a mail scanner fetching every link changes nothing', () => {
    const emu = linkedRegister();
    const links = linksFor(emu, FIRST);
    const before = stateOf(emu);
    for (const url of Object.values(links)) expect(visit(emu, 'GET', url).ok).toBe(true);
    expect(stateOf(emu)).toBe(before);
  });

  test('everything held is escaped: a name or street written as markup stays text', () => {
    const emu = linkedRegister({
      0: { name: '<img src=x onerror=alert(1)>', street: '"><script>x()</script>' },
    });
    const r = visit(emu, 'GET', linksFor(emu, FIRST).correct);
    const c = visit(emu, 'GET', linksFor(emu, FIRST).confirm);
    for (const page of [r, c]) expect(page.ok && page.body).not.toMatch(/<img|<script/);
    expect(pageText(r)).not.toContain('alert');
    expect(r.ok && r.body).toContain('value="&quot;&gt;&lt;script&gt;x()&lt;/script&gt;"');
  });

  test('the confirm page lists the details held and posts its button to the web app', () => {
    const emu = linkedRegister();
    const r = visit(emu, 'GET', linksFor(emu, FIRST).confirm);
    expect(pageText(r)).toContain('+8613900000000');
    expect(r.ok && r.body).toContain(`<form method="post" action="${WEB_APP_URL}">`);
    // Loads nothing from outside: no script, no stylesheet link, no image.
    expect(r.ok && r.body).not.toMatch(/<script|<link|<img|@import|url\(/i);
  });
});

describe('Confirm', () => {
  test('stamps Last reviewed and Next review due, audits it as the customer link and logs it', () => {
    const emu = linkedRegister();
    const r = visit(emu, 'POST', linksFor(emu, FIRST).confirm);
    expect(pageText(r)).toContain('your details are confirmed');
    const row = customerRow(emu, 'C-000001');
    expect(day(row.lastReviewed)).toBe(TODAY);
    expect(day(row.nextReviewDue)).toBe('2027-02-23');
    const audit = recordsOf(emu, 'Audit').filter((a) => a.record === 'C-000001');
    expect(audit.map((a) => [a.action, a.field, a.source, a.user])).toEqual(
      expect.arrayContaining([
        ['Details confirmed', 'lastReviewed', 'Customer link', FIRST],
        ['Details confirmed', 'nextReviewDue', 'Customer link', FIRST],
      ]),
    );
    const log = recordsOf(emu, 'Reminder log').filter((l) => l.record === 'C-000001');
    expect(log.map((l) => l.outcome)).toContain('Confirmed by the customer');
  });

  test('replayed, it writes nothing and says the link was used', () => {
    const emu = linkedRegister();
    const url = linksFor(emu, FIRST).confirm;
    visit(emu, 'POST', url);
    const before = stateOf(emu);
    expect(pageText(visit(emu, 'POST', url))).toContain('already been used');
    expect(stateOf(emu)).toBe(before);
  });

  test('another customer’s confirm stamps only their review', () => {
    const emu = linkedRegister();
    visit(emu, 'POST', linksFor(emu, SECOND).confirm);
    expect(day(customerRow(emu, 'C-000002').lastReviewed)).toBe(TODAY);
    expect(customerRow(emu, 'C-000001').lastReviewed).toBe('');
  });
});

describe('a link that is not genuine writes nothing and reveals nothing', () => {
  const attacks: [string, (links: { confirm: string }) => string][] = [
    ['forged signature', (l) => withQuery(l.confirm, { s: 'A'.repeat(43) })],
    ['tampered cycle', (l) => withQuery(l.confirm, { r: '2026-11-30' })],
    ['extended expiry', (l) => withQuery(l.confirm, { x: '2099-01-01' })],
    ['another customer’s ID', (l) => withQuery(l.confirm, { c: 'C-000002' })],
    ['an ID that does not exist', (l) => withQuery(l.confirm, { c: 'C-999999' })],
    ['no parameters', () => WEB_APP_URL],
    ['an unknown action', (l) => withQuery(l.confirm, { a: 'delete' })],
  ];

  test.each(attacks)('%s: the same plain page, by GET and by POST', (_name, make) => {
    const emu = linkedRegister();
    const url = make(linksFor(emu, FIRST));
    const before = stateOf(emu);
    const pages = (['GET', 'POST'] as const).map((m) => pageText(visit(emu, m, url)));
    expect(pages).toEqual([expect.stringContaining('This link is not valid'), pages[0]]);
    expect(stateOf(emu)).toBe(before);
  });

  test('an expired link writes nothing', () => {
    const emu = linkedRegister();
    const url = linksFor(emu, FIRST).confirm;
    emu.advanceClock('2026-12-24T01:00:00Z');
    const before = stateOf(emu);
    expect(pageText(visit(emu, 'POST', url))).toContain('expired');
    expect(stateOf(emu)).toBe(before);
  });

  test('with the secret missing or rotated, old links are refused', () => {
    const emu = linkedRegister();
    const url = linksFor(emu, FIRST).confirm;
    const secret = emu.scriptProperties['cr.linkSecret'];
    delete emu.scriptProperties['cr.linkSecret'];
    let before = stateOf(emu);
    expect(pageText(visit(emu, 'POST', url))).toContain('This link is not valid');
    expect(stateOf(emu)).toBe(before);
    emu.scriptProperties['cr.linkSecret'] = `${secret.slice(1)}0`;
    before = stateOf(emu);
    expect(pageText(visit(emu, 'POST', url))).toContain('This link is not valid');
    expect(stateOf(emu)).toBe(before);
  });

  test('a burst of posts is refused', () => {
    const emu = linkedRegister();
    const url = withQuery(linksFor(emu, FIRST).confirm, { s: 'B'.repeat(43) });
    const texts = Array.from({ length: 32 }, () => pageText(visit(emu, 'POST', url)));
    expect(texts.slice(0, 30).every((t) => t.includes('not valid'))).toBe(true);
    expect(texts[31]).toContain('Too many requests');
  });
});

describe('Stop these emails', () => {
  test('withdraws consent with its date, is audited, and the next runs email them no more', () => {
    const emu = linkedRegister();
    const url = linksFor(emu, FIRST).stop;
    expect(pageText(visit(emu, 'GET', url))).toContain('Withdraw my consent');
    expect(pageText(visit(emu, 'POST', url))).toContain('consent is withdrawn');
    const row = customerRow(emu, 'C-000001');
    expect(row.consent).toBe(false);
    expect(day(row.consentWithdrawn)).toBe(TODAY);
    const audit = recordsOf(emu, 'Audit').filter((a) => a.action === 'Consent withdrawn');
    expect(audit.map((a) => a.field)).toEqual(expect.arrayContaining(['consent', 'consentWithdrawn']));
    const before = stateOf(emu);
    expect(pageText(visit(emu, 'POST', url))).toContain('already withdrawn');
    expect(stateOf(emu)).toBe(before);
    const sent = emu.outbox.length;
    emu.advanceClock('2026-11-24T01:30:00Z');
    fireDaily(emu);
    const next = emu.outbox.slice(sent);
    expect(next.filter((m) => m.to.includes(FIRST))).toEqual([]);
    // The owner's digest says why.
    const digest = next.find((m) => m.to.includes('manager@example.com'));
    expect(digest?.body).toContain(`withdrew consent through their link on ${TODAY}`);
  });
});

describe('the web app itself', () => {
  test('runs without the document: no active spreadsheet, no document lock, the register opened by ID', () => {
    const emu = linkedRegister();
    visit(emu, 'POST', linksFor(emu, FIRST).confirm);
    const last = emu.meter.executions[emu.meter.executions.length - 1];
    expect(last.calls['SpreadsheetApp.SpreadsheetApp.openById']).toBe(1);
    expect(last.calls['SpreadsheetApp.SpreadsheetApp.getActive'] ?? 0).toBe(0);
  });

  test('before any email was sent it answers with a plain page', () => {
    const emu = linkedRegister();
    delete emu.scriptProperties['cr.spreadsheetId'];
    expect(pageText(visit(emu, 'GET', linksFor(emu, FIRST).confirm))).toContain('not available');
  });
});

describe('when something breaks, the customer reads a plain page, never Apps Script’s error', () => {
  const plain = (r: ReturnType<typeof visit>) => {
    expect(r.ok).toBe(true);
    const text = pageText(r);
    // No exception text, no stack, no sheet or record named.
    for (const leak of ['Exception', 'Error', ' at ', 'Customers', 'Change requests', 'C-000001'])
      expect(text).not.toContain(leak);
    return text;
  };

  test('the register spreadsheet deleted: GET and POST answer the plain page', () => {
    const emu = linkedRegister();
    const links = linksFor(emu, FIRST);
    emu.scriptProperties['cr.spreadsheetId'] = 'a-deleted-spreadsheet';
    expect(plain(visit(emu, 'GET', links.confirm))).toContain('not available right now');
    expect(plain(visit(emu, 'POST', links.confirm))).toContain('not available right now');
  });

  test('a sheet renamed by hand: the page comes in the customer’s language and nothing is written', () => {
    const emu = linkedRegister({ 0: { language: 'Chinese' } });
    const links = linksFor(emu, FIRST);
    workbook(emu).getActive().getSheetByName('Change requests')?.setName('Requests (old)');
    const before = stateOf(emu);
    const r = visit(emu, 'POST', links.correct, { 'v.phone': '+8613911112222' });
    expect(plain(r)).toContain('此页面暂时无法使用');
    expect(stateOf(emu)).toBe(before);
  });
});

describe('the web app and the sidebar exclude each other', () => {
  type Emu = ReturnType<typeof linkedRegister>;
  const WRITE = /setValues?$|appendRow$/;
  /** Runs `inside` once, the first time execution `fn` writes a cell (so after it took its locks). */
  function whileWriting(emu: Emu, fn: string, inside: () => void) {
    emu.hooks.beforeCall = (info) => {
      if (info.fn === fn && WRITE.test(info.method)) {
        emu.hooks.beforeCall = undefined;
        inside();
      }
    };
  }

  test('a customer confirming while a manager applies a change request waits its turn: busy page, nothing written', () => {
    const emu = linkedRegister();
    visit(emu, 'POST', linksFor(emu, FIRST).correct, { 'v.city': 'Beijing' });
    const confirm = linksFor(emu, FIRST).confirm;
    let page = '';
    let before = '';
    let after = '';
    whileWriting(emu, 'decideChanges', () => {
      before = JSON.stringify(recordsOf(emu, 'Customers'));
      page = pageText(visit(emu, 'POST', confirm));
      after = JSON.stringify(recordsOf(emu, 'Customers'));
    });
    expect(saved(callAs(emu, MANAGER, 'decideChanges', { ids: ['R-000001'], decision: 'apply' })).id).toBe(
      'C-000001',
    );
    expect(page).toContain('Please wait a minute and try again');
    expect(after).toBe(before);
    // Once the manager is done, the same link goes through.
    expect(pageText(visit(emu, 'POST', confirm))).toContain('your details are confirmed');
    expect(day(customerRow(emu, 'C-000001').lastReviewed)).toBe(TODAY);
  });

  test('a clerk saving while a customer’s correction is being written is told the register is busy', () => {
    const emu = linkedRegister();
    const { version } = callAs(emu, CLERK, 'getCustomer', { id: 'C-000002' });
    let refused = '';
    whileWriting(emu, 'doPost', () => {
      try {
        callAs(emu, CLERK, 'updateCustomer', { id: 'C-000002', version, changes: { city: 'Hangzhou' } });
      } catch (e) {
        refused = (e as Error).message;
      }
    });
    expect(pageText(visit(emu, 'POST', linksFor(emu, FIRST).correct, { 'v.city': 'Beijing' }))).toContain(
      'we have received your changes',
    );
    expect(refused).toBe(t('en', 'busy'));
    expect(customerRow(emu, 'C-000002').city).not.toBe('Hangzhou');
  });

  test('the daily run does not hold the customers’ page for its whole length', () => {
    const emu = teamRegister({ now: `${TODAY}T01:00:00Z` });
    fillDueCustomers(emu, 4, { due: 2, today: TODAY });
    setSetting(emu, 'webAppUrl', WEB_APP_URL);
    let page = '';
    // The run is between two sends: the first customer has their email and follows its link at once.
    emu.hooks.beforeCall = (info) => {
      if (info.method === 'sendEmail' && emu.outbox.some((m) => m.to.includes(FIRST))) {
        emu.hooks.beforeCall = undefined;
        page = pageText(visit(emu, 'POST', linksFor(emu, FIRST).confirm));
      }
    };
    fireDaily(emu);
    expect(page).toContain('your details are confirmed');
    expect(day(customerRow(emu, 'C-000001').lastReviewed)).toBe(TODAY);
  });
});
