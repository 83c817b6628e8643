// The sidebar in Chromium against a stand-in server: forms, normalization, errors, duplicates, find, edit, review, Chinese.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Lang } from '../../src/domain/i18n';
import type { Role } from '../../src/schema/types';
import type { Api, ApiName, CustomerSummary } from '../../src/shared/rpc';
import { launchBrowser } from '../helpers/browser';
import { localBoot, localSidebarHtml, openSidebar, type SidebarSession } from '../helpers/sidebar-harness';
import { CLERK, MANAGER, VIEWER } from '../helpers/users';

type Handlers = { [K in ApiName]?: (arg: Parameters<Api[K]>[0]) => ReturnType<Api[K]> };

const SHOTS = 'docs/screenshots';
const XSS = '<img src=x onerror="window.__xss=1">';

let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The sidebar with boot data built from the schema, and calls answered by `handlers` (a thrown Error is a refusal). */
async function open(user: string, role: Role, lang: Lang, handlers: Handlers = {}): Promise<SidebarSession> {
  const s = await openSidebar(browser, null, user, {
    html: localSidebarHtml(localBoot(user, role, lang)),
    server: (_u, name, argsJson) => {
      const handler = handlers[name as ApiName] as ((a: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: `Script function not found: ${name}` };
      try {
        return { ok: true, json: JSON.stringify(handler(JSON.parse(argsJson)[0])) };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    },
  });
  expect(await s.ready()).toBe(0);
  return s;
}

const field = (page: Page, form: string, key: string) =>
  page.locator(`[data-form="${form}"] [name="${key}"]`);
const errorOf = (page: Page, form: string, key: string) =>
  page.locator(`[data-form="${form}"] [data-field="${key}"] .field-error`);
const notice = (page: Page) => page.locator('.notice');

async function type(page: Page, form: string, key: string, text: string) {
  const input = field(page, form, key);
  await input.fill(text);
  await input.blur();
}

const summary = (id: string, name: string, extra: Partial<CustomerSummary> = {}): CustomerSummary => ({
  id,
  name,
  company: '',
  phone: '',
  email: '',
  status: 'active',
  recordState: 'pendingReview',
  enteredBy: CLERK,
  ...extra,
});

test('the form is usable with no round trip, and generated from the schema for the role', async () => {
  const s = await open(CLERK, 'Clerk', 'en');
  const { page } = s;
  expect(await page.locator('[role="tab"]').allTextContents()).toEqual([
    'New',
    'Find & edit',
    'Interaction',
    'Property',
    'My work',
  ]);
  // System fields are hidden; manager-only fields are shown but cannot be changed by a clerk.
  expect(await field(page, 'new', 'id').count()).toBe(0);
  expect(await field(page, 'new', 'recordState').count()).toBe(0);
  expect(await field(page, 'new', 'creditRating').isDisabled()).toBe(true);
  expect(await field(page, 'new', 'overdue').isDisabled()).toBe(true);
  expect(await page.locator('[data-form="new"] [data-field="name"] .req').count()).toBe(1);
  expect(await page.locator('[data-form="new"] [data-field="company"] .req').count()).toBe(0);
  expect(await field(page, 'new', 'birthDate').getAttribute('type')).toBe('date');
  expect(await field(page, 'new', 'consent').getAttribute('type')).toBe('checkbox');
  expect(await field(page, 'new', 'notes').evaluate((e) => e.tagName)).toBe('TEXTAREA');
  expect(await field(page, 'new', 'customerType').locator('option').allTextContents()).toEqual([
    '— choose —',
    'Individual',
    'Company',
  ]);
  expect(await page.evaluate(() => document.body.scrollWidth)).toBeLessThanOrEqual(300);
  expect(s.calls).toEqual([]);
  expect(s.externalRequests).toEqual([]);
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('normalization is shown on blur, with inline errors; the save sends what was shown', async () => {
  const created: unknown[] = [];
  const s = await open(CLERK, 'Clerk', 'en', {
    createCustomer: (req) => {
      created.push(req);
      return { ok: true, id: 'C-000001', version: 'v1', values: req.values };
    },
  });
  const { page } = s;
  // Nothing is sent while required fields are empty.
  await page.locator('[data-form="new"] button[type="submit"]').click();
  expect(await errorOf(page, 'new', 'name').textContent()).toBe('Name is required.');
  expect(await notice(page).textContent()).toBe('Please correct the fields marked below.');
  expect(s.calls).toEqual([]);

  await field(page, 'new', 'customerType').selectOption('individual');
  await type(page, 'new', 'name', '  Ada    Lovelace ');
  expect(await field(page, 'new', 'name').inputValue()).toBe('Ada Lovelace');
  await type(page, 'new', 'phone', '12ab');
  expect(await errorOf(page, 'new', 'phone').textContent()).toBe(
    'Phone: "12ab" is not a valid phone number.',
  );
  expect(await field(page, 'new', 'phone').getAttribute('aria-invalid')).toBe('true');
  // The country chosen decides how a number without +country code reads.
  await field(page, 'new', 'country').selectOption('GB');
  await type(page, 'new', 'phone', '020 7946 0958');
  expect(await field(page, 'new', 'phone').inputValue()).toBe('+442079460958');
  expect(await errorOf(page, 'new', 'phone').textContent()).toBe('');
  await type(page, 'new', 'email', '  Ada.Lovelace@Example.CO.UK ');
  expect(await field(page, 'new', 'email').inputValue()).toBe('ada.lovelace@example.co.uk');
  await type(page, 'new', 'company', '=HYPERLINK("http://x")');
  await field(page, 'new', 'status').selectOption('active');
  await page.screenshot({ path: `${SHOTS}/sidebar-new-customer-en.png` });
  await page.locator('[data-form="new"] button[type="submit"]').click();
  await page.waitForSelector('.notice.ok');
  expect(await notice(page).textContent()).toBe('Customer C-000001 saved.');
  expect(created).toEqual([
    {
      values: {
        customerType: 'individual',
        name: 'Ada Lovelace',
        company: '=HYPERLINK("http://x")',
        phone: '+442079460958',
        email: 'ada.lovelace@example.co.uk',
        country: 'GB',
        status: 'active',
        consent: false,
      },
    },
  ]);
  // The form is cleared for the next customer.
  expect(await field(page, 'new', 'name').inputValue()).toBe('');
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test("the server's field errors go next to the field; a refusal goes to the message area", async () => {
  let refuse = false;
  const s = await open(CLERK, 'Clerk', 'en', {
    createCustomer: () => {
      if (refuse) throw new Error('clerk@example.com is not on the team of this register.');
      return {
        ok: false,
        errors: [{ field: 'email', fieldLabel: 'Email', message: 'Email: taken by policy.' }],
      };
    },
  });
  const { page } = s;
  await field(page, 'new', 'customerType').selectOption('company');
  await type(page, 'new', 'name', '李雷');
  await field(page, 'new', 'status').selectOption('active');
  await type(page, 'new', 'email', 'li@example.com');
  await page.locator('[data-form="new"] button[type="submit"]').click();
  await page.waitForSelector('[data-form="new"] [data-field="email"] .field-error:not(:empty)');
  expect(await errorOf(page, 'new', 'email').textContent()).toBe('Email: taken by policy.');
  refuse = true;
  await page.locator('[data-form="new"] button[type="submit"]').click();
  await page.waitForSelector('.notice.error >> text=Not saved');
  expect(await notice(page).textContent()).toBe(
    'Not saved: clerk@example.com is not on the team of this register.',
  );
  await s.close();
});

test('duplicates are listed as text with a link to each, and "Create anyway" confirms', async () => {
  const requests: unknown[] = [];
  const s = await open(CLERK, 'Clerk', 'en', {
    createCustomer: (req) => {
      requests.push(req);
      return req.confirmDuplicate
        ? { ok: true, id: 'C-000009', version: 'v1', values: req.values }
        : {
            ok: false,
            duplicates: [{ id: 'C-000003', name: XSS, company: 'ACME', matched: ['phone', 'email'] }],
          };
    },
    getCustomer: ({ id }) => ({ id, version: 'v7', values: { id, name: XSS, customerType: 'individual' } }),
  });
  const { page } = s;
  await field(page, 'new', 'customerType').selectOption('individual');
  await type(page, 'new', 'name', '韩梅梅');
  await type(page, 'new', 'phone', '13800138000');
  await field(page, 'new', 'status').selectOption('active');
  await page.locator('[data-form="new"] button[type="submit"]').click();
  const hit = page.locator('.duplicates li[data-id="C-000003"]');
  await hit.waitFor();
  expect(await hit.locator('button.link').textContent()).toBe(XSS);
  expect(await hit.locator('.meta').textContent()).toBe('C-000003 · ACME · same phone, email');
  expect(await page.locator('img').count()).toBe(0);
  // The link opens the existing customer in Find & edit.
  await hit.locator('button.link').click();
  await page.waitForSelector('.editor h3 >> text=Editing C-000003');
  expect(await page.locator('[data-tab="find"]').getAttribute('aria-selected')).toBe('true');
  expect(await field(page, 'edit', 'name').inputValue()).toBe(XSS);
  await page.locator('[data-tab="new"]').click();
  await page.locator('button.create-anyway').click();
  await page.waitForSelector('.notice.ok');
  expect(requests).toEqual([
    { values: expect.objectContaining({ phone: '+8613800138000' }) },
    { values: expect.objectContaining({ phone: '+8613800138000' }), confirmDuplicate: true },
  ]);
  // Leaving the phone field asks the server for its verdict (full metadata) before the save; the card loads beside the record.
  expect(s.calls.map((c) => c.name).sort()).toEqual(
    ['checkPhone', 'createCustomer', 'customerCard', 'getCustomer', 'createCustomer'].sort(),
  );
  expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
  await s.close();
});

test('find renders results as text; edit sends only changed fields with the version; stale edits offer a reload', async () => {
  const updates: unknown[] = [];
  let version = 'v1';
  let stale = false;
  const s = await open(CLERK, 'Clerk', 'en', {
    findCustomers: ({ query }) => ({
      results: [
        summary('C-000001', XSS, { company: '<script>window.__xss=2</script>', phone: '+8613800138000' }),
        summary('C-000002', `王小明 ${query}`, { email: 'wang@example.com' }),
      ],
      more: true,
    }),
    getCustomer: ({ id }) => ({
      id,
      version,
      values: { id, customerType: 'individual', name: '王小明', phone: '+8613800138000', status: 'active' },
    }),
    updateCustomer: (req) => {
      updates.push(req);
      if (stale)
        return { ok: false, stale: true, message: 'Someone else changed C-000002 since you opened it.' };
      version = 'v2';
      return { ok: true, id: req.id, version, values: { name: '王小明', ...req.changes } };
    },
  });
  const { page } = s;
  await page.locator('[data-tab="find"]').click();
  await page.locator('#find-query').fill('王');
  await page.locator('#find-query').press('Enter');
  await page.locator('.find-results li').first().waitFor();
  expect(await page.locator('.find-results li button.link').allTextContents()).toEqual([XSS, '王小明 王']);
  expect(await page.locator('.find-results li .meta').first().textContent()).toBe(
    'C-000001 · <script>window.__xss=2</script> · +8613800138000',
  );
  expect(await page.locator('.find-results img, .find-results script').count()).toBe(0);
  expect(await page.locator('.find-results .note').textContent()).toBe(
    'More customers match: narrow the search.',
  );

  await page.locator('.find-results li[data-id="C-000002"] button.link').click();
  await page.waitForSelector('.editor h3 >> text=Editing C-000002');
  expect(await field(page, 'edit', 'name').inputValue()).toBe('王小明');
  await page.screenshot({ path: `${SHOTS}/sidebar-find-en.png` });
  // Saving with nothing changed sends nothing.
  await page.locator('[data-form="edit"] button[type="submit"]').click();
  expect(await notice(page).textContent()).toBe('Nothing has changed.');
  expect(updates).toEqual([]);

  await type(page, 'edit', 'phone', '139 0013 9000');
  await type(page, 'edit', 'notes', 'VIP  customer');
  await page.locator('[data-form="edit"] button[type="submit"]').click();
  await page.waitForSelector('.notice.ok');
  expect(updates).toEqual([
    { id: 'C-000002', version: 'v1', changes: { phone: '+8613900139000', notes: 'VIP  customer' } },
  ]);

  stale = true;
  await type(page, 'edit', 'title', '经理');
  await page.locator('[data-form="edit"] button[type="submit"]').click();
  await page.waitForSelector('.notice.error');
  expect(updates[1]).toEqual({ id: 'C-000002', version: 'v2', changes: { title: '经理' } });
  expect(await notice(page).locator('span').textContent()).toBe(
    'Someone else changed C-000002 since you opened it.',
  );
  const before = s.calls.length;
  await notice(page).locator('button', { hasText: 'Reload' }).click();
  await page.waitForSelector('.notice[hidden]', { state: 'attached' });
  expect(s.calls.slice(before).map((c) => c.name)).toEqual(['customerCard', 'getCustomer']);
  expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('pending review is for managers: listed when opened, approved or returned with a comment', async () => {
  const decisions: unknown[] = [];
  let pending = [
    summary('C-000004', '张三', { company: '深圳某某科技有限公司' }),
    summary('C-000005', 'Bob'),
  ];
  const s = await open(MANAGER, 'Manager', 'en', {
    listPendingReview: () => ({ results: pending }),
    getCustomer: ({ id }) => ({ id, version: `${id}@3`, values: { id } }),
    approveCustomer: (req) => {
      decisions.push(['approve', req]);
      pending = pending.filter((p) => p.id !== req.id);
      return { ok: true, id: req.id, version: 'x', values: {} };
    },
    returnCustomer: (req) => {
      decisions.push(['return', req]);
      pending = pending.filter((p) => p.id !== req.id);
      return { ok: true, id: req.id, version: 'x', values: {} };
    },
  });
  const { page } = s;
  await page.locator('[data-tab="review"]').click();
  await page.locator('.review-results li').first().waitFor();
  expect(await page.locator('.review-results li button.link').allTextContents()).toEqual(['张三', 'Bob']);
  await page.locator('.review-results li[data-id="C-000004"] button.approve').click();
  await page.waitForSelector('.notice.ok >> text=C-000004 approved');
  const bob = page.locator('.review-results li[data-id="C-000005"]');
  await bob.locator('button.return').click();
  await bob.locator('button.confirm-return').click();
  expect(await notice(page).textContent()).toBe('Write a comment for the clerk.');
  await bob.locator('textarea').fill('Phone number is missing.');
  await bob.locator('button.confirm-return').click();
  await page.waitForSelector('.notice.ok >> text=C-000005 returned');
  expect(decisions).toEqual([
    ['approve', { id: 'C-000004', version: 'C-000004@3' }],
    ['return', { id: 'C-000005', version: 'C-000005@3', comment: 'Phone number is missing.' }],
  ]);
  expect(await page.locator('.review-results .note').textContent()).toBe(
    'Nothing is waiting for your review.',
  );
  await s.close();
});

test('a zh-CN user gets the Chinese sidebar, labels and errors', async () => {
  const s = await open(CLERK, 'Clerk', 'zh', {
    findCustomers: () => ({
      results: [summary('C-000002', '王小明', { phone: '+8613800138000' })],
      more: false,
    }),
  });
  const { page } = s;
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  expect(await page.locator('[role="tab"]').allTextContents()).toEqual([
    '新建',
    '查找编辑',
    '互动',
    '财产',
    '我的工作',
  ]);
  expect(await page.locator('[data-form="new"] [data-field="name"] label').textContent()).toBe('姓名 *');
  await field(page, 'new', 'customerType').selectOption('individual');
  await type(page, 'new', 'name', ' 王\u3000 小明 ');
  expect(await field(page, 'new', 'name').inputValue()).toBe('王 小明');
  await type(page, 'new', 'phone', '１３８ ００１３ ８０００');
  expect(await field(page, 'new', 'phone').inputValue()).toBe('+8613800138000');
  await type(page, 'new', 'email', 'wang@');
  expect(await errorOf(page, 'new', 'email').textContent()).toBe(
    '“电子邮件”：“wang@”不是有效的电子邮件地址。',
  );
  await page.screenshot({ path: `${SHOTS}/sidebar-new-customer-zh.png` });
  await page.locator('[data-tab="find"]').click();
  await page.locator('#find-query').fill('王');
  await page.locator('#find-query').press('Enter');
  await page.locator('.find-results li').first().waitFor();
  await page.screenshot({ path: `${SHOTS}/sidebar-find-zh.png` });
  await s.close();
});

test('a viewer sees the forms but cannot save', async () => {
  const s = await open(VIEWER, 'Viewer', 'en');
  expect(await s.page.locator('[data-section="new"] .note').textContent()).toBe(
    'Your role may read but not change these records.',
  );
  expect(await s.page.locator('[data-form="new"] button[type="submit"]').isDisabled()).toBe(true);
  expect(await s.page.locator('[role="tab"]').count()).toBe(4);
  await s.close();
});
