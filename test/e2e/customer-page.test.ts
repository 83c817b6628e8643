// The customer's side in the preview, in Chromium: a review email's link opens the customer page; a change reaches the manager's Review; a confirmation stamps the review.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { emulatorContext } from '../../emulator/src/execution';
import { type Preview, startPreview } from '../../preview/app';
import { launchBrowser } from '../helpers/browser';
import { recordsOf } from '../helpers/register';
import { MANAGER } from '../helpers/users';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const SHOTS = join('docs', 'screenshots');
const SUBJECT = 'Please check the details we hold for you';

let preview: Preview;
let browser: Browser;
let page: Page;
let stateDir: string;
const outside: string[] = [];

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'customer-page-e2e-'));
  preview = await startPreview({ port: 0, stateDir, now: NOW });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.context().on('request', (r) => {
    if (!r.url().startsWith(preview.url) && !r.url().startsWith('data:') && r.url() !== 'about:srcdoc')
      outside.push(r.url());
  });
  await page.goto(preview.url);
  await page.waitForSelector('body[data-ready="true"]');
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const customers = () => recordsOf(preview.store.emu, 'Customers');
const byEmail = (email: string) => customers().find((c) => String(c.email).toLowerCase() === email);

/** The review emails the Outbox lists, by recipient. */
async function reviewRecipients(): Promise<string[]> {
  const items = await page.$$eval('#outbox-list .mail-item', (bs) =>
    bs.map((b) => ({
      subject: b.querySelector('strong')?.textContent ?? '',
      to: b.querySelector('span')?.textContent ?? '',
    })),
  );
  return items.filter((m) => m.subject === SUBJECT).map((m) => m.to.replace(/^To /, ''));
}

/** Opens one recipient's review email in the Outbox and follows one of its links into a new tab. */
async function follow(to: string, action: 'confirm' | 'correct'): Promise<Page> {
  await page.click(`#outbox-list .mail-item:has-text("To ${to}")`);
  await page.waitForSelector('#outbox-mail .mail-text a');
  const [tab] = await Promise.all([
    page.waitForEvent('popup'),
    page.click(`#outbox-mail .mail-text a[href*="a=${action}&"]`),
  ]);
  await tab.waitForLoadState();
  return tab;
}

/** The Review tab of `email`'s sidebar, retried while the preview is still reopening the sidebar for them. */
async function reviewTabAs(email: string): Promise<Frame> {
  for (let attempt = 0; ; attempt++) {
    const frame = await sidebarAs(email);
    try {
      // A DOM click: after the customer's tab, Chromium's pointer clicks no longer reach the reopened panel frame.
      await frame.$eval('[data-tab="review"]', (b) => (b as HTMLElement).click());
      await frame.waitForSelector('[data-tab="review"][aria-selected="true"]', { timeout: 2000 });
      return frame;
    } catch (e) {
      if (attempt > 4) throw e;
    }
  }
}

/** Opens the sidebar, then acts as `email`: the preview reopens the sidebar for them. */
async function sidebarAs(email: string): Promise<Frame> {
  if (!(await page.$('#panel:not([hidden]) #panel-frame'))) {
    await page.click('.menu-title');
    await page.click('[data-fn="openForm"]');
    await page.waitForSelector('#panel:not([hidden]) #panel-frame');
  }
  await page.selectOption('#user', email);
  for (;;) {
    const handle = await page.waitForSelector('#panel:not([hidden]) #panel-frame');
    const frame = await handle.contentFrame();
    if (frame && (await frame.$(`.who:text-is("${email}")`)) && (await frame.$('[data-tab="review"]')))
      return frame;
    await page.waitForTimeout(200);
  }
}

describe('the customer page in the preview', () => {
  let recipients: string[] = [];

  test('advancing the clock sends review emails whose links point at the preview', async () => {
    await page.click('#advance');
    await page.waitForFunction(() =>
      document.querySelector('#clock')?.textContent?.startsWith('2026-11-24 09:00'),
    );
    await page.click('#outbox-button');
    await page.waitForSelector('#outbox[open]');
    recipients = await reviewRecipients();
    expect(recipients.length).toBeGreaterThanOrEqual(2);
  });

  test('Something has changed → the phone → a change request in the manager’s Review → applied, audited', async () => {
    const to = recipients[0];
    const held = byEmail(to) as Record<string, unknown>;
    const tab = await follow(to, 'correct');
    expect(await tab.textContent('h1')).toBe('What has changed?');
    await tab.setViewportSize({ width: 360, height: 780 });
    await tab.screenshot({ path: join(SHOTS, 'customer-page-phone.png'), fullPage: true });
    // Nothing wider than the phone: no sideways scrolling.
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await tab.fill('#f-phone', '+86 139 0000 1234');
    await tab.click('button[type="submit"]');
    await tab.waitForSelector('text=we have received your changes');
    await tab.close();
    expect(byEmail(to)?.phone).toBe(held.phone);

    await page.click('#outbox-close');
    await page.waitForSelector('#outbox:not([open])', { state: 'attached' });
    const frame = await reviewTabAs(MANAGER);
    const entry = await frame.waitForSelector(`.change-requests [data-id="${held.id}"]`);
    expect(await entry.textContent()).toContain('+8613900001234');
    await entry.$eval('.apply', (b) => (b as HTMLElement).click());
    await frame.waitForSelector('.notice.ok');
    expect(byEmail(to)?.phone).toBe('+8613900001234');
    const audit = recordsOf(preview.store.emu, 'Audit').filter(
      (a) => a.record === held.id && a.field === 'phone',
    );
    expect(audit.map((a) => [a.action, a.source])).toEqual([
      ['Change requested', 'Customer link'],
      ['Update', 'Change request'],
    ]);
  });

  test('another customer’s Confirm stamps their review', async () => {
    const to = recipients[1];
    await page.click('#outbox-button');
    await page.waitForSelector('#outbox[open]');
    const tab = await follow(to, 'confirm');
    await tab.setViewportSize({ width: 800, height: 900 });
    await tab.screenshot({ path: join(SHOTS, 'customer-page-en.png'), fullPage: true });
    await tab.click('button[type="submit"]');
    await tab.waitForSelector('text=your details are confirmed');
    await tab.close();
    const row = byEmail(to) as Record<string, unknown>;
    expect((row.lastReviewed as Date).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })).toBe(
      '2026-11-24',
    );
  });

  test('a customer whose language is Chinese reads the page in Chinese', async () => {
    const to = recipients[2] ?? recipients[0];
    const app = preview.store.emu.spreadsheet.createSpreadsheetApp(
      emulatorContext(() => preview.store.emu.now()),
      {
        getUi: () => ({}),
      },
    ) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = app.getActive().getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const row = customers().findIndex((c) => String(c.email).toLowerCase() === to) + 2;
    sheet.getRange(row, header.indexOf('Language') + 1).setValue('Chinese');
    const tab = await follow(to, 'correct');
    expect(await tab.textContent('h1')).toBe('哪些信息有变更？');
    expect(await tab.getAttribute('html', 'lang')).toBe('zh-CN');
    await tab.setViewportSize({ width: 800, height: 900 });
    await tab.screenshot({ path: join(SHOTS, 'customer-page-zh.png'), fullPage: true });
    await tab.close();
  });

  test('made no request outside the preview server', () => {
    expect(outside).toEqual([]);
  });
});
