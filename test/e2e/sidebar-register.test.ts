// The built sidebar against the built server in the emulator: save, find, edit, stale edits, review, interactions, property.
import type { Browser, Page } from 'playwright-core';
import type { Emulator } from '../../emulator/src';
import type { LoadedRecord, SaveResult } from '../../src/shared/rpc';
import { launchBrowser } from '../helpers/browser';
import { recordsOf, teamRegister } from '../helpers/register';
import { openSidebar, type SidebarSession } from '../helpers/sidebar-harness';
import { CLERK, MANAGER } from '../helpers/users';

const SHOTS = 'docs/screenshots';
const XSS = '<img src=x onerror="window.__xss=1">';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function register(zhUsers: string[] = []): Emulator {
  return teamRegister({ locales: Object.fromEntries(zhUsers.map((u) => [u, 'zh-CN'])) });
}

async function open(emu: Emulator, user: string): Promise<SidebarSession> {
  const s = await openSidebar(browser, emu, user);
  // Boot data only: not one google.script.run call before the form is usable.
  expect(await s.ready()).toBe(0);
  expect(s.externalRequests).toEqual([]);
  return s;
}

const field = (page: Page, form: string, key: string) =>
  page.locator(`[data-form="${form}"] [name="${key}"]`);
async function type(page: Page, form: string, key: string, text: string) {
  await field(page, form, key).fill(text);
  await field(page, form, key).blur();
}
const submit = (page: Page, form: string) =>
  page.locator(`[data-form="${form}"] button[type="submit"]`).click();
const okNotice = (page: Page) => page.waitForSelector('.notice.ok');
/** Chooses a customer the way people do: part of a name typed into the picker, then the match clicked. */
async function pick(page: Page, picker: string, text: string, id: string) {
  await page.locator(`[data-picker="${picker}"] input`).fill(text);
  await page.locator(`[data-picker="${picker}"] [role="option"][data-id="${id}"]`).click();
}

function createAs(emu: Emulator, user: string, values: Record<string, string>) {
  const r = emu.scriptRun(user, 'createCustomer', { values, confirmDuplicate: true }) as SaveResult;
  if (!r.ok) throw new Error(`fixture customer refused: ${JSON.stringify(r)}`);
  return r.id;
}

test('a clerk saves an English customer, meets the duplicate, and creates anyway', async () => {
  const emu = register();
  const s = await open(emu, CLERK);
  const { page } = s;
  const fill = async () => {
    await field(page, 'new', 'customerType').selectOption('individual');
    await type(page, 'new', 'name', '  Ada   Lovelace ');
    await field(page, 'new', 'country').selectOption('GB');
    await type(page, 'new', 'phone', '+44 (0)20 7946 0958');
    await type(page, 'new', 'email', ' Ada@Example.COM ');
    await type(page, 'new', 'postcode', '0755');
    await field(page, 'new', 'status').selectOption({ index: 1 });
  };
  await fill();
  expect(await field(page, 'new', 'phone').inputValue()).toBe('+442079460958');
  await submit(page, 'new');
  await okNotice(page);
  const first = recordsOf(emu, 'Customers')[0];
  expect(first).toMatchObject({ name: 'Ada Lovelace', phone: '+442079460958', email: 'ada@example.com' });
  expect(String(first.postcode)).toBe('0755');

  await fill();
  await submit(page, 'new');
  const hit = page.locator('.duplicates li').first();
  await hit.waitFor();
  expect(await hit.locator('button.link').textContent()).toBe('Ada Lovelace');
  await page.locator('button.create-anyway').click();
  await okNotice(page);
  expect(recordsOf(emu, 'Customers').filter((r) => r.id)).toHaveLength(2);
  // Each phone typed is checked by the server (full metadata) when the field is left.
  expect(s.calls.map((c) => c.name)).toEqual([
    'checkPhone',
    'createCustomer',
    'checkPhone',
    'createCustomer',
    'createCustomer',
  ]);
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('a zh-CN clerk gets Chinese, finds a customer by part of a Chinese name, edits it, and a stale edit is refused', async () => {
  const emu = register([CLERK]);
  const id = createAs(emu, MANAGER, {
    customerType: 'individual',
    name: '王小明',
    phone: '13800138000',
    status: 'active',
  });
  const s = await open(emu, CLERK);
  const { page } = s;
  expect(await page.locator('[data-tab="find"]').textContent()).toBe('查找编辑');
  await type(page, 'new', 'phone', '12ab');
  expect(await page.locator('[data-form="new"] [data-field="phone"] .field-error').textContent()).toContain(
    '不是有效的电话号码',
  );

  await page.locator('[data-tab="find"]').click();
  await page.locator('#find-query').fill('小明');
  await page.locator('#find-query').press('Enter');
  await page.locator(`.find-results li[data-id="${id}"] button.link`).click();
  await page.waitForSelector(`.editor h3 >> text=${id}`);
  expect(await field(page, 'edit', 'name').inputValue()).toBe('王小明');
  await type(page, 'edit', 'email', ' Wang.XM@Example.com');
  await submit(page, 'edit');
  await okNotice(page);
  const update = s.calls.find((c) => c.name === 'updateCustomer');
  expect(update?.args[0]).toMatchObject({ id, changes: { email: 'wang.xm@example.com' } });
  expect(recordsOf(emu, 'Customers')[0]).toMatchObject({
    email: 'wang.xm@example.com',
    phone: '+8613800138000',
  });
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/sidebar-edit-zh.png` });

  // Someone else saves the same customer after the clerk's form loaded it.
  const other = emu.scriptRun(MANAGER, 'getCustomer', { id }) as LoadedRecord;
  emu.scriptRun(MANAGER, 'updateCustomer', { id, version: other.version, changes: { title: '经理' } });
  await type(page, 'edit', 'city', '深圳');
  await submit(page, 'edit');
  await page.waitForSelector('.notice.error');
  expect(recordsOf(emu, 'Customers')[0].city ?? '').toBe('');
  await page.locator('.notice button').click();
  await page.waitForFunction(
    () => (document.querySelector('[data-form="edit"] [name="title"]') as HTMLInputElement).value === '经理',
  );
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('a manager approves and returns customers a clerk entered; names are shown as text', async () => {
  const emu = register();
  const a = createAs(emu, CLERK, { customerType: 'individual', name: XSS, status: 'active' });
  const b = createAs(emu, CLERK, {
    customerType: 'company',
    name: '李雷',
    company: '深圳某某科技有限公司',
    status: 'active',
  });
  const s = await open(emu, MANAGER);
  const { page } = s;
  await page.locator('[data-tab="review"]').click();
  await page.locator(`.review-results li[data-id="${b}"]`).waitFor();
  expect(await page.locator(`.review-results li[data-id="${a}"] button.link`).textContent()).toBe(XSS);
  expect(await page.locator('.review-results img').count()).toBe(0);
  await page.screenshot({ path: `${SHOTS}/sidebar-review-en.png` });
  await page.locator(`.review-results li[data-id="${b}"] button.approve`).click();
  await okNotice(page);
  const row = page.locator(`.review-results li[data-id="${a}"]`);
  await row.locator('button.return').click();
  await row.locator('textarea').fill('Please check the name.');
  await row.locator('button.confirm-return').click();
  await page.waitForSelector('.notice.ok >> text=returned');
  const states = Object.fromEntries(recordsOf(emu, 'Customers').map((r) => [r.id, r.recordState]));
  expect(states[b]).not.toEqual(states[a]);
  expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test("a clerk logs an interaction and receives, then returns, a customer's property", async () => {
  const emu = register();
  const id = createAs(emu, CLERK, { customerType: 'individual', name: 'Bob', status: 'active' });
  const s = await open(emu, CLERK);
  const { page } = s;
  await page.locator('[data-tab="interaction"]').click();
  await pick(page, 'interaction-customerId-pick', 'bo', id);
  expect(await field(page, 'interaction', 'customerId').inputValue()).toBe(id);
  await field(page, 'interaction', 'kind').selectOption({ index: 1 });
  await type(page, 'interaction', 'summary', '来电咨询保修期限。');
  await submit(page, 'interaction');
  await okNotice(page);
  expect(recordsOf(emu, 'Interactions').filter((r) => r.customerId === id)).toHaveLength(1);

  await page.locator('[data-tab="property"]').click();
  await pick(page, 'receive-customerId-pick', 'Bob', id);
  await type(page, 'receive', 'item', 'Laptop');
  await type(page, 'receive', 'serial', '000123');
  await submit(page, 'receive');
  await okNotice(page);
  await pick(page, 'property-customer', 'bob', id);
  const item = page.locator('.property-results li').first();
  await item.waitFor();
  await item.locator('button', { hasText: 'Mark returned' }).click();
  await page.waitForSelector('.notice.ok >> text=updated');
  const held = recordsOf(emu, 'Property').filter((r) => r.customerId === id);
  expect(held).toHaveLength(1);
  expect(String(held[0].serial)).toBe('000123');
  expect(held[0].returnedDate).toBeTruthy();
  expect(s.pageErrors).toEqual([]);
  await s.close();
});
