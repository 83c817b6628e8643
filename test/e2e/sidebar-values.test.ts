// The built sidebar and server on issue 11: the server's phone verdict shown before saving, and list values kept as stored.
import type { Browser, Page } from 'playwright-core';
import type { Emulator } from '../../emulator/src';
import type { SaveResult } from '../../src/shared/rpc';
import { launchBrowser } from '../helpers/browser';
import { columnsOf, recordsOf, teamRegister, workbook } from '../helpers/register';
import { openSidebar, type SidebarSession } from '../helpers/sidebar-harness';
import { CLERK } from '../helpers/users';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(emu: Emulator, user: string): Promise<SidebarSession> {
  const s = await openSidebar(browser, emu, user);
  expect(await s.ready()).toBe(0);
  return s;
}

const field = (page: Page, form: string, key: string) =>
  page.locator(`[data-form="${form}"] [name="${key}"]`);
const noteOf = (page: Page, form: string, key: string) =>
  page.locator(`[data-form="${form}"] [data-field="${key}"] .field-note`);
const errorOf = (page: Page, form: string, key: string) =>
  page.locator(`[data-form="${form}"] [data-field="${key}"] .field-error`);
async function type(page: Page, form: string, key: string, text: string) {
  await field(page, form, key).fill(text);
  await field(page, form, key).blur();
}

/** Sets the Source column of the Lists sheet by hand, as an admin would. */
function setSources(emu: Emulator, values: string[]) {
  const lists = workbook(emu).getActive().getSheetByName('Lists') as GoogleAppsScript.Spreadsheet.Sheet;
  const col = columnsOf(lists).customerSource;
  lists.getRange(2, col, lists.getLastRow() - 1, 1).clearContent();
  lists.getRange(2, col, values.length, 1).setValues(values.map((v) => [v]));
}

test('the server’s verdict on a phone is shown before saving, with the country a national number was read in', async () => {
  const emu = teamRegister();
  const s = await open(emu, CLERK);
  const { page } = s;
  await type(page, 'new', 'phone', '(415) 555-2671');
  await page.waitForFunction(
    () => document.querySelector('[data-field="phone"] .field-note')?.textContent !== '',
  );
  expect(await noteOf(page, 'new', 'phone').textContent()).toBe('+86 415 555 2671 · China');
  // The country chosen, the same digits are an American number.
  await field(page, 'new', 'country').selectOption('US');
  await page.waitForFunction(() =>
    document.querySelector('[data-field="phone"] .field-note')?.textContent?.startsWith('+1 '),
  );
  expect(await noteOf(page, 'new', 'phone').textContent()).toBe('+1 415 555 2671 · United States');
  expect(await field(page, 'new', 'phone').inputValue()).toBe('+14155552671');
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('an international number fills an empty country; one the sidebar’s metadata lets through is refused by the server before saving', async () => {
  const emu = teamRegister();
  const s = await open(emu, CLERK);
  const { page } = s;
  await type(page, 'new', 'phone', '+55 11 96123 4567');
  await page.waitForFunction(
    () => (document.querySelector('[data-form="new"] [name="country"]') as HTMLSelectElement).value === 'BR',
  );
  expect(await noteOf(page, 'new', 'phone').textContent()).toBe('+55 11 96123 4567 · Brazil');

  await field(page, 'new', 'country').selectOption('');
  await type(page, 'new', 'phone', '12193590070');
  await page.waitForFunction(
    () => document.querySelector('[data-field="phone"] .field-error')?.textContent !== '',
  );
  expect(await errorOf(page, 'new', 'phone').textContent()).toBe(
    'Phone: "12193590070" is not a valid phone number.',
  );
  await field(page, 'new', 'customerType').selectOption('individual');
  await type(page, 'new', 'name', 'Zhang Wei');
  await field(page, 'new', 'status').selectOption('active');
  await page.locator('[data-form="new"] button[type="submit"]').click();
  expect(await errorOf(page, 'new', 'phone').textContent()).toBe(
    'Phone: "12193590070" is not a valid phone number.',
  );
  expect(s.calls.map((c) => c.name)).not.toContain('createCustomer');
  expect(recordsOf(emu, 'Customers')).toEqual([]);
  await s.close();
});

test('a Source an admin added is offered; one no longer on the list is shown, marked, and kept when other fields are saved', async () => {
  const emu = teamRegister();
  setSources(emu, ['Referral', 'Website', '小红书 Xiaohongshu']);
  const saved = emu.scriptRun(CLERK, 'createCustomer', {
    values: {
      customerType: 'individual',
      name: 'Lin Xiaohong',
      status: 'active',
      source: '小红书 Xiaohongshu',
    },
  }) as SaveResult;
  if (!saved.ok) throw new Error(JSON.stringify(saved));

  let s = await open(emu, CLERK);
  const options = await field(s.page, 'new', 'source').locator('option').allTextContents();
  expect(options).toContain('小红书 Xiaohongshu');
  await s.close();

  // The admin takes it off the list; the customer keeps it.
  setSources(emu, ['Referral', 'Website']);
  s = await open(emu, CLERK);
  const { page } = s;
  await page.locator('[data-tab="find"]').click();
  await page.locator('#find-query').fill('Lin Xiaohong');
  await page.locator('#find-query').press('Enter');
  await page.locator(`.find-results li[data-id="${saved.id}"] button.link`).click();
  await page.waitForSelector(`.editor h3 >> text=${saved.id}`);
  expect(await field(page, 'edit', 'source').inputValue()).toBe('小红书 Xiaohongshu');
  expect(await field(page, 'edit', 'source').locator('option:checked').textContent()).toBe(
    '小红书 Xiaohongshu (not on the list)',
  );
  await type(page, 'edit', 'notes', 'Met at the fair');
  await page.locator('[data-form="edit"] button[type="submit"]').click();
  await page.waitForSelector('.notice.ok');
  expect(s.calls.find((c) => c.name === 'updateCustomer')?.args[0]).toMatchObject({
    changes: { notes: 'Met at the fair' },
  });
  expect(recordsOf(emu, 'Customers')[0]).toMatchObject({
    source: '小红书 Xiaohongshu',
    notes: 'Met at the fair',
  });
  expect(recordsOf(emu, 'Audit').filter((a) => a.field === 'source' && a.action === 'Update')).toEqual([]);
  expect(s.pageErrors).toEqual([]);
  await s.close();
});
