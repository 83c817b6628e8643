// The import dialog in the local preview, in Chromium: the sample file read, mapped, previewed and imported by a manager, with screenshots.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { type Preview, startPreview } from '../../preview/app';
import { launchBrowser } from '../helpers/browser';
import { MANAGER } from '../helpers/users';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const SAMPLE = join('preview', 'samples', 'old-customers.csv');
const PREVIEW_SHOT = join('docs', 'screenshots', 'import-preview.png');
const DONE_SHOT = join('docs', 'screenshots', 'import-done.png');

let preview: Preview;
let browser: Browser;
let page: Page;
let stateDir: string;

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'import-e2e-'));
  preview = await startPreview({ port: 0, stateDir, now: NOW });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(preview.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.selectOption('#user', MANAGER);
  await page.waitForFunction(
    (e) => (document.querySelector('#user') as HTMLSelectElement).value === e,
    MANAGER,
  );
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

/**
 * The sandbox Apps Script gives the frame an HtmlService dialog or sidebar runs in: the keywords listed in
 * Google's "HTML Service: Restrictions" guide (developers.google.com/apps-script/guides/html/restrictions,
 * "Restrictions in IFRAME mode"), less `allow-top-navigation-by-user-activation`, which it sets only for
 * stand-alone script projects (this add-on's dialog belongs to the spreadsheet). The preview's own frame
 * leaves out `allow-same-origin` to keep the dialog off the preview's origin, as Apps Script serves it from
 * another (googleusercontent.com); here the frame gets Apps Script's exact list.
 */
const APPS_SCRIPT_SANDBOX = [
  'allow-same-origin',
  'allow-forms',
  'allow-scripts',
  'allow-popups',
  'allow-downloads',
  'allow-modals',
  'allow-popups-to-escape-sandbox',
].join(' ');

async function openImport(): Promise<Frame> {
  // A frame's sandbox applies from its next navigation: opening the dialog loads it.
  await page.$eval('#panel-frame', (el, sandbox) => el.setAttribute('sandbox', sandbox), APPS_SCRIPT_SANDBOX);
  await page.click('.menu-title');
  await page.click('[data-fn="openImport"]');
  const handle = await page.waitForSelector('#panel.wide:not([hidden]) #panel-frame');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The import dialog has no frame.');
  await frame.waitForSelector('input[type="file"]');
  return frame;
}

test('the preview’s frame grants what Apps Script’s grants, but its origin', async () => {
  const preview = await page.$eval('#panel-frame', (el) => el.getAttribute('sandbox') ?? '');
  expect(preview.split(/\s+/).sort()).toEqual(
    APPS_SCRIPT_SANDBOX.split(' ')
      .filter((k) => k !== 'allow-same-origin')
      .sort(),
  );
});

test('a bad file is refused in the dialog with its reason, and nothing is sent', async () => {
  const frame = await openImport();
  await frame.setInputFiles('input[type="file"]', {
    name: 'book.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
  });
  await frame.waitForSelector('.notice.error');
  expect(await frame.textContent('.notice')).toMatch(/not a text file/);
  await frame.setInputFiles('input[type="file"]', {
    name: 'x.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('foo,bar\n1,2\n'),
  });
  await frame.waitForFunction(() =>
    /No column header/.test(document.querySelector('.notice')?.textContent ?? ''),
  );
});

test('the sample file: mapped, previewed with refusals, changes, duplicates and flags, then imported with a report', async () => {
  const frame = await openImport();
  await frame.setInputFiles('input[type="file"]', SAMPLE);
  await frame.waitForSelector('text=2. Columns');
  // The old list's rows without a type or status get the ones chosen here.
  await frame.selectOption('select[aria-label="Customer type for rows without one"]', 'individual');
  await frame.selectOption('select[aria-label="Status for rows without one"]', 'active');
  await frame.click('button:has-text("Check rows")');
  await frame.waitForSelector('p.summary');
  const summary = (await frame.textContent('p.summary')) ?? '';
  expect(summary).toMatch(/^11 rows: 7 will be imported, 4 refused/);
  const row = async (line: number) => (await frame.textContent(`tr[data-line="${line}"]`)) ?? '';
  expect(await row(2)).toContain('+14155552671');
  expect(await row(3)).toMatch(/row 2 of this file/);
  expect(await row(5)).toMatch(/scientific notation/);
  expect(await row(7)).toMatch(/marie@dubois" is not a valid email/);
  mkdirSync(join('docs', 'screenshots'), { recursive: true });
  await frame.$eval('p.summary', (el) => el.scrollIntoView());
  await page.screenshot({ path: PREVIEW_SHOT });
  expect(readFileSync(PREVIEW_SHOT).length).toBeGreaterThan(10000);

  await frame.click('button:has-text("Import 7 rows")');
  await frame.waitForSelector('.notice.ok');
  expect(await frame.textContent('.notice')).toMatch(
    /6 imported, 0 existing records filled, 1 skipped, 4 refused/,
  );
  expect(await frame.textContent('section:last-of-type')).toMatch(/Import 2026-11-23 \d\d:\d\d/);
  await frame.waitForSelector('button:has-text("Download the refused rows")');
  await frame.$eval('button:has-text("Download the refused rows")', (el) => el.scrollIntoView());
  await page.screenshot({ path: DONE_SHOT });
  expect(readFileSync(DONE_SHOT).length).toBeGreaterThan(10000);

  // The refused rows come back as a file, from inside Apps Script's sandbox: as read, with a Reason column.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    frame.click('button:has-text("Download the refused rows")'),
  ]);
  expect(download.suggestedFilename()).toBe('refused-old-customers.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/,Reason$/);
  expect(lines).toHaveLength(5);
  expect(lines).toContainEqual(
    expect.stringMatching(/^Marie Dubois,.*,"Email: ""marie@dubois"" is not a valid email address\."$/),
  );

  // The same file again imports nothing twice.
  await frame.click('button:has-text("Check rows")');
  await frame.waitForSelector('button:has-text("Import 7 rows")');
  await frame.click('button:has-text("Import 7 rows")');
  await frame.waitForFunction(() =>
    /6 imported/.test(document.querySelector('.notice.ok')?.textContent ?? ''),
  );
});
