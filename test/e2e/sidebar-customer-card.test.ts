// The customer picker, card, purchases and printouts in the built sidebar against the built server; screenshots for the README.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Emulator } from '../../emulator/src';
import type { Printout, SaveResult } from '../../src/shared/rpc';
import { launchBrowser } from '../helpers/browser';
import { recordsOf, teamRegister } from '../helpers/register';
import { fireDaily } from '../helpers/reminders';
import { openSidebar, type SidebarSession } from '../helpers/sidebar-harness';
import { CLERK, MANAGER } from '../helpers/users';

const SHOTS = 'docs/screenshots';
const DAY = '2026-11-20';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

function save(emu: Emulator, user: string, fn: string, values: Record<string, unknown>) {
  const r = emu.scriptRun(user, fn, { values }) as SaveResult;
  if (!r.ok) throw new Error(`fixture refused: ${JSON.stringify(r)}`);
  return r.id;
}

/** 张伟 with an interaction, a watch held, one purchase paid late and one overdue; credit computed by the daily run. */
function register(zh: string[] = []) {
  const emu = teamRegister({
    now: '2026-11-23T02:00:00Z',
    locales: Object.fromEntries(zh.map((u) => [u, 'zh-CN'])),
  });
  const id = save(emu, MANAGER, 'createCustomer', {
    customerType: 'company',
    name: '张伟',
    company: '上海华强贸易有限公司',
    status: 'active',
    phone: '13800138000',
    email: 'zhang.wei@example.cn',
  });
  save(emu, MANAGER, 'createCustomer', { customerType: 'individual', name: '张丽', status: 'active' });
  save(emu, CLERK, 'logInteraction', { date: DAY, customerId: id, kind: 'complaint', summary: '交货延迟' });
  const watch = save(emu, CLERK, 'receiveProperty', {
    customerId: id,
    item: 'Omega Seamaster',
    kind: 'valuables',
    serial: '0081234',
    condition: 'good',
    receivedDate: DAY,
    receivedBy: CLERK,
    state: 'received',
    expectedReturn: '2026-12-04',
  });
  save(emu, CLERK, 'recordPurchase', {
    date: '2026-09-02',
    customerId: id,
    amount: 1280,
    productType: 'product',
    channel: 'store',
    paymentMethod: 'invoice',
    dueDate: '2026-09-30',
    paidDate: '2026-10-12',
  });
  save(emu, CLERK, 'recordPurchase', {
    date: '2026-10-15',
    customerId: id,
    amount: 3600,
    productType: 'service',
    paymentMethod: 'transfer',
    dueDate: '2026-11-10',
  });
  fireDaily(emu);
  return { emu, id, watch };
}

async function open(emu: Emulator, user: string): Promise<SidebarSession> {
  const s = await openSidebar(browser, emu, user, { height: 1400 });
  await s.ready();
  return s;
}

async function openCard(page: Page, query: string, id: string) {
  await page.locator('[data-tab="find"]').click();
  await page.locator('#find-query').fill(query);
  await page.locator('#find-query').press('Enter');
  await page.locator(`.find-results li[data-id="${id}"] button.link`).click();
  await page.locator('.customer-card .card-body h3').waitFor();
}

test('a manager opens the card: credit, purchases, property; records a purchase by picking the customer; downloads the PDF', async () => {
  const { emu, id } = register();
  const s = await open(emu, MANAGER);
  const { page } = s;
  await openCard(page, '张', id);
  const card = page.locator('.customer-card');
  expect(await card.locator('.card-body h3').textContent()).toBe('张伟 · 上海华强贸易有限公司');
  const credit = await card.locator('[data-credit]').textContent();
  expect(credit).toContain('Overdue now3600');
  expect(credit).toContain('On-time payment rate0%');
  expect(credit).toContain('Days past due13');
  expect(await card.locator('li[data-state="overdue"]').count()).toBe(1);
  expect(await card.textContent()).toContain('Omega Seamaster');
  await card.screenshot({ path: `${SHOTS}/sidebar-card-en.png` });

  // A purchase for this customer: the picker already shows them, by name.
  await card.locator('details summary').click();
  expect(await page.locator('[data-picker="purchase-customerId-pick"] input').inputValue()).toBe(id);
  await page.locator('[data-picker="purchase-customerId-pick"] input').fill('华强');
  await page.locator(`[data-picker="purchase-customerId-pick"] [role="option"][data-id="${id}"]`).click();
  await page.locator('[data-form="purchase"] [name="amount"]').fill('88.5');
  await page.locator('[data-form="purchase"] button[type="submit"]').click();
  await page.waitForSelector('.notice.ok >> text=recorded');
  expect(recordsOf(emu, 'Purchases').at(-1)).toMatchObject({
    customerId: id,
    amount: 88.5,
    currency: 'CNY · Chinese Yuan',
  });

  await card.locator('li[data-state="overdue"] button', { hasText: 'Paid today' }).click();
  await page.waitForSelector('.notice.ok >> text=updated');
  expect(recordsOf(emu, 'Purchases').filter((r) => r.paymentState === 'Overdue')).toHaveLength(0);

  await card.locator('.card-tools button', { hasText: 'PDF' }).click();
  const link = card.locator('a.pdf-link');
  await link.waitFor();
  expect(await link.getAttribute('download')).toBe(`${id}-2026-11-23.pdf`);
  expect(await link.getAttribute('href')).toMatch(/^data:application\/pdf;base64,JVBERi0x/);
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('no form shows a bare customer ID box: each is a picker listing name, company and ID', async () => {
  const { emu, id } = register();
  const s = await open(emu, CLERK);
  const { page } = s;
  const ids = page.locator('[name="customerId"]');
  expect(await ids.count()).toBeGreaterThanOrEqual(3);
  expect(await ids.evaluateAll((els) => els.filter((e) => !(e as HTMLInputElement).hidden).length)).toBe(0);
  expect(await page.locator('[data-picker$="-customerId-pick"]').count()).toBe(await ids.count());
  await page.locator('[data-tab="interaction"]').click();
  await page.locator('[data-picker="interaction-customerId-pick"] input').fill('华强');
  const option = page.locator('[data-picker="interaction-customerId-pick"] [role="option"]');
  await option.first().waitFor();
  expect(await option.allTextContents()).toEqual([`张伟上海华强贸易有限公司 · ${id}`]);
  await page.locator('[data-picker="interaction-customerId-pick"] input').press('Enter');
  expect(await page.locator('[data-form="interaction"] [name="customerId"]').inputValue()).toBe(id);
  expect(await page.locator('[data-picker="interaction-customerId-pick"] input').inputValue()).toBe(
    `张伟 · 上海华强贸易有限公司 · ${id}`,
  );
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('a clerk sees no credit on the card; a Chinese manager sees it all in Chinese', async () => {
  const { emu, id } = register([MANAGER]);
  const clerk = await open(emu, CLERK);
  await openCard(clerk.page, '华强', id);
  expect(await clerk.page.locator('.customer-card [data-credit]').count()).toBe(0);
  expect(await clerk.page.locator('.customer-card').textContent()).not.toContain('Credit rating');
  await clerk.close();

  const s = await open(emu, MANAGER);
  await openCard(s.page, '张伟', id);
  const credit = await s.page.locator('.customer-card [data-credit]').textContent();
  expect(credit).toContain('当前逾期金额3600');
  await s.page.locator('.customer-card').screenshot({ path: `${SHOTS}/sidebar-card-zh.png` });
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('the print language follows the customer’s own Language, else the sidebar’s', async () => {
  const { emu, id } = register();
  const wang = save(emu, MANAGER, 'createCustomer', {
    customerType: 'individual',
    name: '王芳',
    status: 'active',
    language: 'zh',
  });
  const s = await open(emu, MANAGER);
  await openCard(s.page, '王芳', wang);
  expect(await s.page.locator('#card-lang').inputValue()).toBe('zh');
  await openCard(s.page, '张伟', id);
  expect(await s.page.locator('#card-lang').inputValue()).toBe('en');
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('the printouts, card and receipt, in both languages as the PDF shows them (README screenshots)', async () => {
  const { emu, id, watch } = register();
  const context = await browser.newContext({ viewport: { width: 794, height: 300 } });
  const page = await context.newPage();
  // Printouts make no request: anything they tried to fetch would be missing from the PDF.
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  for (const lang of ['en', 'zh'] as const) {
    const card = emu.scriptRun(MANAGER, 'printCustomerCard', { id, lang }) as Printout;
    await page.setContent(card.html);
    await page.screenshot({ path: `${SHOTS}/print-card-${lang}.png`, fullPage: true });
    const receipt = emu.scriptRun(CLERK, 'printPropertyReceipt', { id: watch, lang }) as Printout;
    await page.setContent(receipt.html);
    expect(await page.locator('.sign div').count()).toBe(3);
    expect(await page.locator('table').first().textContent()).toContain(CLERK);
    await page.screenshot({ path: `${SHOTS}/print-receipt-${lang}.png`, fullPage: true });
  }
  expect(requests).toEqual([]);
  await context.close();
});
