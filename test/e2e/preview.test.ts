// The local preview in Chromium: the seeded register, the real sidebar bridged to the emulator, edits, the clock, the outbox.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { type Preview, startPreview } from '../../preview/app';
import { launchBrowser } from '../helpers/browser';
import { CLERK, MANAGER } from '../helpers/users';

// A fixed "now" (10:00 in Shanghai) keeps the demo, the clock and the screenshot the same on every run.
const NOW = Date.parse('2026-11-23T02:00:00Z');
const SCREENSHOT = join('docs', 'screenshots', 'preview.png');
const OUTBOX_SCREENSHOT = join('docs', 'screenshots', 'preview-outbox.png');

let preview: Preview;
let browser: Browser;
let page: Page;
let stateDir: string;
const requests: string[] = [];

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'preview-e2e-'));
  preview = await startPreview({ port: 0, stateDir, now: NOW });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(preview.url);
  await page.waitForSelector('body[data-ready="true"]');
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function actAs(email: string) {
  await page.selectOption('#user', email);
  await page.waitForFunction(
    (e) => (document.querySelector('#user') as HTMLSelectElement).value === e,
    email,
  );
}

async function openSidebar(): Promise<Frame> {
  await page.click('.menu-title');
  await page.click('[data-fn="openForm"]');
  return sidebarFrame();
}

async function sidebarFrame(): Promise<Frame> {
  const handle = await page.waitForSelector('#panel:not([hidden]) #panel-frame');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The sidebar panel has no frame.');
  await frame.waitForSelector('[data-tab="new"]');
  return frame;
}

/** The Outbox's open email: its HTML part as the sandboxed frame rendered it. */
async function renderedHtml() {
  const handle = await page.waitForSelector('#outbox-mail iframe.mail-html');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The HTML part has no frame.');
  await frame.waitForSelector('body');
  const inside = await frame.$eval('body', (b) => ({
    text: b.textContent ?? '',
    cells: b.querySelectorAll('td').length,
    headings: Array.from(b.querySelectorAll('h1, h2, h3')).map((h) => h.textContent ?? ''),
  }));
  return { ...inside, sandbox: await handle.getAttribute('sandbox') };
}

function customerRows(): Promise<string[][]> {
  return page.$$eval('#grid tbody tr', (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.getAttribute('data-value') ?? '')),
  );
}

describe('the preview page', () => {
  test('shows the seeded register: Customers with a frozen header, marked dropdowns, about 200 customers', async () => {
    await page.waitForSelector('#grid tbody tr.frozen');
    const rows = (await customerRows()).filter((r) => r.some((v) => v !== ''));
    expect(rows.length).toBeGreaterThanOrEqual(190);
    expect(rows[0]).toContain('Name');
    expect(await page.$$('#grid td.dropdown')).not.toHaveLength(0);
    const text = rows.flat().join(' ');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toMatch(/\+86\d{11}/);
    expect(text).toMatch(/\+44\d+/);
  });

  test('lists the owner and the Team sheet’s four people in the switcher', async () => {
    const options = await page.$$eval('#user option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['owner@example.com', CLERK, MANAGER]));
    expect(options).toHaveLength(5);
  });

  test('typing a value that is not on the list is refused with the real message, and nothing changes', async () => {
    await actAs(CLERK);
    const statusColumn = (await customerRows())[0].indexOf('Status');
    const cell = `#grid tbody tr:nth-child(2) td:nth-child(${statusColumn + 2})`;
    const before = await page.getAttribute(cell, 'data-value');
    await page.dblclick(cell);
    await page.fill('.cell-input', 'Actve');
    await page.press('.cell-input', 'Enter');
    await page.waitForSelector('#alert[open]');
    expect(await page.textContent('#alert-text')).toMatch(/violates the data validation rules/);
    await page.click('#alert-ok');
    expect(await page.getAttribute(cell, 'data-value')).toBe(before);
  });

  test('the Clerk adds a customer through the real sidebar; the Manager approves it', async () => {
    await actAs(CLERK);
    let frame = await openSidebar();
    await frame.selectOption('[data-form="new"] [name="customerType"]', 'individual');
    await frame.fill('[data-form="new"] [name="name"]', '周慧敏 Vivian Chow');
    await frame.fill('[data-form="new"] [name="phone"]', '+852 9123 4567');
    await frame.fill('[data-form="new"] [name="email"]', 'Vivian.Chow@Example.com');
    await frame.selectOption('[data-form="new"] [name="status"]', 'active');
    await frame.click('[data-form="new"] button[type="submit"]');
    const saved = await frame.waitForSelector('.notice.ok');
    const id = /C-\d{6}/.exec((await saved.textContent()) ?? '')?.[0];
    expect(id).toBeDefined();
    // The grid refreshes after the sidebar's call: the row is there, pending review, phone in E.164.
    await page.waitForSelector(`#grid td[data-value="${id}"]`);
    const row = (await customerRows()).find((r) => r.includes(id as string)) as string[];
    expect(row).toEqual(
      expect.arrayContaining(['周慧敏 Vivian Chow', '+85291234567', 'vivian.chow@example.com']),
    );
    expect(row).toContain('Pending review');

    // Switching person reopens the sidebar for them: the Manager sees the entry in Pending review.
    await actAs(MANAGER);
    frame = await sidebarFrame();
    await frame.waitForFunction((u) => document.querySelector('.who')?.textContent === u, MANAGER);
    await frame.click('[data-tab="review"]');
    const entry = await frame.waitForSelector(`[data-id="${id}"]`);
    await (await entry.$('.approve'))?.click();
    await frame.waitForSelector('.notice.ok');
    await page.waitForFunction((rid) => {
      const td = document.querySelector(`#grid td[data-value="${rid}"]`);
      return Array.from(td?.parentElement?.querySelectorAll('td') ?? []).some(
        (c) => c.getAttribute('data-value') === 'Approved',
      );
    }, id);
    const approved = (await customerRows()).find((r) => r.includes(id as string)) as string[];
    expect(approved).toContain(MANAGER);
  });

  test('the clock control moves the fake clock to tomorrow 09:00 in the spreadsheet’s time zone, firing the daily run', async () => {
    const sentBefore = Number(await page.textContent('#outbox-count'));
    await page.click('#advance');
    await page.waitForFunction(() =>
      document.querySelector('#clock')?.textContent?.startsWith('2026-11-24 09:00'),
    );
    // The seed turned reminders on as the Admin at 10:00: tomorrow 09:00 is the trigger's first run.
    expect(await page.textContent('#notice')).toMatch(
      /Clock moved to 2026-11-24 09:00\. 1 trigger run\(s\); \d+ email\(s\) sent\./,
    );
    const sent = Number(/(\d+) email/.exec((await page.textContent('#notice')) ?? '')?.[1]);
    expect(sent).toBeGreaterThanOrEqual(3);
    await page.waitForFunction(
      (n) => Number(document.querySelector('#outbox-count')?.textContent) === n,
      sentBefore + sent,
    );
  });

  test('advancing the clock sends the review reminders, shown rendered in the Outbox', async () => {
    await page.click('#outbox-button');
    await page.waitForSelector('#outbox[open]');
    const items = await page.$$eval('#outbox-list .mail-item', (bs) =>
      bs.map((b) => ({
        subject: b.querySelector('strong')?.textContent ?? '',
        to: b.querySelector('span')?.textContent ?? '',
      })),
    );
    expect(items.length).toBe(Number(await page.textContent('#outbox-count')));
    const reminders = items.filter((m) => m.subject === 'Please check the details we hold for you');
    const digests = items.filter((m) => /^Customer register, 2026-11-24: \d+ reviews? due/.test(m.subject));
    expect(reminders.length).toBeGreaterThanOrEqual(2);
    // Customers get the reminders; the staff get one digest each.
    expect(reminders.filter((m) => [MANAGER, CLERK].some((staff) => m.to.includes(staff)))).toEqual([]);
    expect(digests.map((m) => m.to)).toEqual(expect.arrayContaining([`To ${MANAGER}`, `To ${CLERK}`]));

    // A customer's reminder: the HTML part rendered in a sandboxed frame that may load nothing, the text part as text.
    await page.click('#outbox-list .mail-item:has-text("harbourbaylogistics")');
    const mail = await page.waitForSelector('#outbox-mail .mail');
    expect(await mail.$eval('h3', (h) => h.textContent)).toBe('Please check the details we hold for you');
    const headers = await mail.$eval('.mail-headers', (dl) => dl.textContent ?? '');
    expect(headers).toMatch(/From.*<admin@example\.com>/);
    expect(headers).toContain('thomas.wilson@harbourbaylogistics.example.com');
    // Sent when the clock said: 09:00 where the spreadsheet is.
    expect(headers).toMatch(/Sent2026-11-24 09:00:\d\d \(Asia\/Shanghai\)/);
    const html = await renderedHtml();
    expect(html.sandbox).toBe('');
    expect(html.text).toContain('Dear Thomas Wilson');
    expect(html.text).toContain('Harbour & Bay Logistics');
    expect(html.cells).toBeGreaterThan(4);
    const text = await mail.$eval('.mail-text', (pre) => ({
      text: pre.textContent ?? '',
      markup: pre.innerHTML,
      // The only elements are the links to the preview's own customer page; the rest is text.
      children: Array.from(pre.children).filter(
        (c) => c.tagName !== 'A' || !(c as HTMLAnchorElement).href.startsWith(`${location.origin}/exec?`),
      ).length,
      links: pre.querySelectorAll('a').length,
    }));
    expect(text.children).toBe(0);
    expect(text.links).toBe(3);
    expect(text.text).toContain('Company: Harbour & Bay Logistics');
    expect(text.markup).toContain('Harbour &amp; Bay Logistics');

    // The Manager’s digest: what is due today, routed to the customers’ owner.
    await page.click(`#outbox-list .mail-item:has-text("To ${MANAGER}")`);
    await page.waitForFunction(
      (m) => document.querySelector('#outbox-mail .mail-headers')?.textContent?.includes(m),
      MANAGER,
    );
    const digest = await renderedHtml();
    expect(digest.headings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Customers due or overdue for review \(\d+\)$/)]),
    );
    expect(digest.text).toMatch(/C-\d{6}/);
    expect(await page.textContent('#outbox-mail .mail-text')).toMatch(/^- C-\d{6} .+: review due/m);
    mkdirSync(join('docs', 'screenshots'), { recursive: true });
    await page.screenshot({ path: OUTBOX_SCREENSHOT });
    expect(readFileSync(OUTBOX_SCREENSHOT).length).toBeGreaterThan(10000);
    await page.click('#outbox-close');
    await page.waitForSelector('#outbox:not([open])', { state: 'attached' });
  });

  test('saves the README screenshot, with the Manager’s sidebar open', async () => {
    await page.click('[data-sheet="Customers"]');
    const frame = await sidebarFrame();
    await frame.click('[data-tab="review"]');
    await frame.waitForSelector('.review-results .note, .review-results [data-id]');
    mkdirSync(join('docs', 'screenshots'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(readFileSync(SCREENSHOT).length).toBeGreaterThan(10000);
  });

  test('made no request outside the preview server', () => {
    const outside = requests.filter(
      (u) => !u.startsWith(preview.url) && !u.startsWith('about:') && !u.startsWith('data:'),
    );
    expect(outside).toEqual([]);
  });
});

describe('the JSON API refuses malformed requests with a 4xx and leaves the state alone', () => {
  async function post(path: string, body: string, type = 'application/json') {
    const res = await fetch(`${preview.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    return { status: res.status, body: (await res.json()) as { error?: string } };
  }
  const stateFile = () => readFileSync(join(stateDir, 'state.json'), 'utf8');
  const run = (o: Record<string, unknown>) => post('/api/run', JSON.stringify(o));
  const create = JSON.stringify([
    { values: { customerType: 'individual', name: 'Nobody', phone: '+8613800138000' } },
  ]);

  test.each([
    ['bad JSON', () => post('/api/run', '{"user": '), 400, /not valid JSON/],
    ['a body that is not an object', () => post('/api/edit', '[1, 2]'), 400, /JSON object/],
    ['not JSON at all', () => post('/api/run', 'user=clerk', 'text/plain'), 415, /JSON/],
    [
      'an unknown function',
      () => run({ user: CLERK, fn: 'dropAllCustomers', args: '[]' }),
      404,
      /Script function not found: dropAllCustomers/,
    ],
    [
      'a private function',
      () => run({ user: CLERK, fn: 'helper_', args: '[]' }),
      404,
      /Script function not found/,
    ],
    [
      'a user not in Team',
      () => run({ user: 'stranger@example.org', fn: 'createCustomer', args: create }),
      403,
      /not on the Team sheet/,
    ],
    ['no user', () => run({ fn: 'createCustomer', args: create }), 403, /not on the Team sheet/],
    [
      'arguments that are not a JSON array',
      () => run({ user: CLERK, fn: 'createCustomer', args: '{"values":{}}' }),
      400,
      /JSON array/,
    ],
    [
      'a menu item the person’s menu lacks',
      () => post('/api/menu', JSON.stringify({ user: CLERK, fn: 'createCustomer' })),
      404,
      /not an item/,
    ],
    [
      'an unknown sheet',
      () => post('/api/edit', JSON.stringify({ user: CLERK, sheet: 'Nope', a1: 'A1', input: 'x' })),
      404,
      /no sheet/,
    ],
    [
      'a bad cell reference',
      () => post('/api/edit', JSON.stringify({ user: CLERK, sheet: 'Customers', a1: 'A0', input: 'x' })),
      400,
      /cell reference/,
    ],
    [
      'a clock moving backwards',
      () => post('/api/clock', JSON.stringify({ to: '2000-01-01T00:00:00Z' })),
      400,
      /forward/,
    ],
  ])('%s', async (_name, send, status, message) => {
    const before = stateFile();
    const out = await send();
    expect(out.status).toBe(status);
    expect(out.body.error).toMatch(message);
    expect(stateFile()).toBe(before);
  });

  test('a request naming another host is refused (no DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${preview.url}/api/session`, { headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
