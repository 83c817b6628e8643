// The sidebar in Chromium at 300 px: a real ARIA tab list driven by the keyboard, per-role landing, fitting labels, failures said plainly.
import type { Browser, Page } from 'playwright-core';
import type { Lang } from '../../src/domain/i18n';
import type { Role } from '../../src/schema/types';
import type { Api, ApiName } from '../../src/shared/rpc';
import { launchBrowser } from '../helpers/browser';
import { localBoot, localSidebarHtml, openSidebar } from '../helpers/sidebar-harness';
import { ADMIN, CLERK, MANAGER, VIEWER } from '../helpers/users';

type Handlers = { [K in ApiName]?: (arg: Parameters<Api[K]>[0]) => ReturnType<Api[K]> };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(user: string, role: Role, lang: Lang = 'en', handlers: Handlers = {}) {
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
  await s.ready();
  return s;
}

const selected = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab');
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-tab') ?? null);
const roles: [string, Role][] = [
  [ADMIN, 'Admin'],
  [MANAGER, 'Manager'],
  [CLERK, 'Clerk'],
  [VIEWER, 'Viewer'],
];

describe('the tab strip', () => {
  test('is an ARIA tab list: each tab controls a panel labelled by it, one selected, one tab stop', async () => {
    const s = await open(ADMIN, 'Admin');
    const tabs = await s.page.$$eval('[role="tablist"] [role="tab"]', (els) =>
      els.map((t) => {
        const panel = document.getElementById(t.getAttribute('aria-controls') ?? '');
        return {
          selected: t.getAttribute('aria-selected'),
          tabIndex: (t as HTMLElement).tabIndex,
          panelRole: panel?.getAttribute('role'),
          labelledBy: panel?.getAttribute('aria-labelledby') === t.id && t.id !== '',
          panelHidden: panel?.hidden,
        };
      }),
    );
    expect(tabs).toHaveLength(6);
    expect(await s.page.getAttribute('[role="tablist"]', 'aria-label')).toBe('Customer Register');
    for (const t of tabs) expect(t).toMatchObject({ panelRole: 'tabpanel', labelledBy: true });
    expect(tabs.filter((t) => t.selected === 'true')).toHaveLength(1);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    expect(tabs.map((t) => t.panelHidden)).toEqual([false, true, true, true, true, true]);
    await s.close();
  });

  test('arrow keys, Home and End move the selection and the focus, wrapping at the ends', async () => {
    const s = await open(MANAGER, 'Manager');
    const { page } = s;
    await page.focus('[role="tab"][aria-selected="true"]');
    await page.keyboard.press('ArrowRight');
    expect([await selected(page), await focused(page)]).toEqual(['find', 'find']);
    await page.keyboard.press('End');
    expect([await selected(page), await focused(page)]).toEqual(['care', 'care']);
    await page.keyboard.press('ArrowRight');
    expect([await selected(page), await focused(page)]).toEqual(['new', 'new']);
    await page.keyboard.press('ArrowLeft');
    expect(await selected(page)).toBe('care');
    await page.keyboard.press('Home');
    expect(await selected(page)).toBe('new');
    // Tab leaves the strip for the panel instead of visiting every tab.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBeNull();
    await s.close();
  });

  test.each(roles)('%s lands where their role can act (a viewer on Find)', async (user, role) => {
    const s = await open(user, role);
    expect(await selected(s.page)).toBe(role === 'Viewer' ? 'find' : 'new');
    expect(await s.page.isVisible(role === 'Viewer' ? '#find-query' : '[data-form="new"]')).toBe(true);
    await s.close();
  });

  for (const lang of ['en', 'zh'] as const)
    test.each(roles)(`fits one row at 300 px, every label whole (%s, ${lang})`, async (user, role) => {
      const s = await open(user, role, lang);
      const m = await s.page.$eval('[role="tablist"]', (list) => ({
        tops: [...list.querySelectorAll('[role="tab"]')].map((t) => (t as HTMLElement).offsetTop),
        clipped: [...list.querySelectorAll('[role="tab"]')]
          .filter((t) => t.scrollWidth > t.clientWidth)
          .map((t) => t.textContent),
        overflow: list.scrollWidth - list.clientWidth,
        right: list.getBoundingClientRect().right,
      }));
      expect(new Set(m.tops).size).toBe(1);
      expect(m.clipped).toEqual([]);
      expect(m.overflow).toBeLessThanOrEqual(0);
      expect(m.right).toBeLessThanOrEqual(300);
      await s.close();
    });
});

test('a notice from one tab does not follow to the next', async () => {
  const s = await open(CLERK, 'Clerk');
  const { page } = s;
  await page.locator('[data-form="new"] button[type="submit"]').click();
  await page.waitForSelector('.notice.error');
  await page.locator('[data-tab="find"]').click();
  expect(await page.locator('.notice').isHidden()).toBe(true);
  await s.close();
});

test('a viewer opening a record is told they are viewing it, a clerk that they are editing it', async () => {
  const handlers: Handlers = {
    findCustomers: () => ({
      results: [
        {
          id: 'C-000002',
          name: 'Ada',
          company: '',
          phone: '',
          email: '',
          status: 'active',
          recordState: 'approved',
          enteredBy: CLERK,
        },
      ],
      more: false,
    }),
    getCustomer: ({ id }) => ({ id, version: 'v1', values: { id, name: 'Ada', customerType: 'individual' } }),
  };
  for (const [user, role, heading] of [
    [VIEWER, 'Viewer', 'Viewing C-000002'],
    [CLERK, 'Clerk', 'Editing C-000002'],
  ] as const) {
    const s = await open(user, role, 'en', handlers);
    await s.page.locator('[data-tab="find"]').click();
    await s.page.fill('#find-query', 'Ada');
    await s.page.press('#find-query', 'Enter');
    await s.page.locator('.find-results button.link').click();
    await s.page.waitForSelector(`.editor h3 >> text=${heading}`);
    await s.close();
  }
});

test('the return box: the button that opens it and the one that sends differ, and say whether it is open', async () => {
  const s = await open(MANAGER, 'Manager', 'en', {
    listPendingReview: () => ({
      results: [
        {
          id: 'C-000004',
          name: 'Bo',
          company: '',
          phone: '',
          email: '',
          status: 'active',
          recordState: 'pending',
          enteredBy: CLERK,
        },
      ],
    }),
  });
  const { page } = s;
  await page.locator('[data-tab="review"]').click();
  const toggle = page.locator('button.return');
  await toggle.waitFor();
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  const labels = [await toggle.textContent(), await page.locator('button.confirm-return').textContent()];
  expect(labels).toEqual(['Return…', 'Send back to clerk']);
  await s.close();
});

test('help texts open from the keyboard and describe their field', async () => {
  const s = await open(CLERK, 'Clerk');
  const { page } = s;
  const help = page.locator('[data-form="new"] [data-field="phone"] .help-toggle');
  await help.focus();
  expect(await help.getAttribute('aria-label')).toBe('Help: Phone');
  await page.keyboard.press('Enter');
  const text = page.locator('#new-phone-help');
  expect(await text.isVisible()).toBe(true);
  expect(await text.textContent()).toMatch(/E|international|\+86/);
  expect((await page.getAttribute('#new-phone', 'aria-describedby'))?.split(' ')).toContain('new-phone-help');
  await page.keyboard.press('Space');
  expect(await text.isVisible()).toBe(false);
  await s.close();
});

test.each(['en', 'zh'] as const)('the search box’s placeholder fits the box (%s)', async (lang) => {
  const s = await open(VIEWER, 'Viewer', lang);
  const fit = await s.page.$eval('#find-query', (input) => {
    const i = input as HTMLInputElement;
    const style = getComputedStyle(i);
    const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    ctx.font = style.font;
    const room = i.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: ctx.measureText(i.placeholder).width, room };
  });
  expect(fit.text).toBeLessThanOrEqual(fit.room);
  await s.close();
});

describe('failed calls', () => {
  test('a search that fails says it could not load, not "Not saved"', async () => {
    const s = await open(CLERK, 'Clerk', 'en', {
      findCustomers: () => {
        throw new Error('The add-on hit an unexpected error.');
      },
    });
    await s.page.locator('[data-tab="find"]').click();
    await s.page.fill('#find-query', 'Ada');
    await s.page.press('#find-query', 'Enter');
    await s.page.waitForSelector('.notice.error');
    expect(await s.page.textContent('.notice')).toBe('Could not load: The add-on hit an unexpected error.');
    await s.close();
  });

  test.each([
    [
      'en',
      'Authorization is required to perform that action.',
      /^Google ran this as another of the accounts/,
    ],
    [
      'zh',
      "We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.",
      /^Google 以此浏览器中登录的另一个账户/,
    ],
  ] as const)('Apps Script’s several-accounts failure is explained (%s)', async (lang, google, said) => {
    const s = await open(CLERK, 'Clerk', lang, {
      findCustomers: () => {
        throw new Error(google);
      },
    });
    await s.page.locator('[data-tab="find"]').click();
    await s.page.fill('#find-query', 'Ada');
    await s.page.press('#find-query', 'Enter');
    await s.page.waitForSelector('.notice.error');
    expect(await s.page.textContent('.notice')).toMatch(said);
    await s.close();
  });
});
