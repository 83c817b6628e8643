// The built sidebar's Admin section against the built server in the emulator: reminders on/off and takeover, run health, time zones, preview, test email.
/// <reference types="google-apps-script" />
import type { Browser, Page } from 'playwright-core';
import type { Emulator } from '../../emulator/src';
import { fillDueCustomers } from '../fixtures/due-register';
import { launchBrowser } from '../helpers/browser';
import { stateOf, teamRegister, workbook } from '../helpers/register';
import { openSidebar, type SidebarSession } from '../helpers/sidebar-harness';
import { ADMIN, CLERK, MANAGER, OWNER } from '../helpers/users';

const SHOTS = 'docs/screenshots';
const TODAY = '2026-11-23';
const REMINDER_FUNCTIONS = [
  'reminderStatus',
  'turnRemindersOn',
  'turnRemindersOff',
  'previewReminders',
  'sendTestReminder',
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** 08:00 in Shanghai on TODAY: 10 approved customers, the first 3 due for review. */
function register(o: { scriptTimeZone?: string; zh?: string[] } = {}): Emulator {
  const emu = teamRegister({
    now: `${TODAY}T00:00:00Z`,
    mailQuota: 1500,
    scriptTimeZone: o.scriptTimeZone,
    locales: Object.fromEntries((o.zh ?? []).map((u) => [u, 'zh-CN'])),
  });
  fillDueCustomers(emu, 10, { due: 3, today: TODAY });
  return emu;
}

async function open(emu: Emulator, user: string, height?: number): Promise<SidebarSession> {
  const s = await openSidebar(browser, emu, user, { height });
  // Boot data only: not one google.script.run call before the form is usable, the Admin tab included.
  expect(await s.ready()).toBe(0);
  expect(s.externalRequests).toEqual([]);
  return s;
}

/** Opens the Admin tab and waits for the status its one call brings. */
async function openAdmin(s: SidebarSession) {
  await s.page.locator('[data-tab="admin"]').click();
  await s.page.locator('.reminder-status .state').waitFor();
}

const text = (page: Page, selector: string) => page.locator(selector).textContent();
const dailyTriggers = (emu: Emulator) => emu.triggers().filter((t) => t.handler === 'runReminders');

test('the server’s reminder functions take the sidebar’s {} and ignore it', () => {
  const emu = register();
  expect(emu.scriptRun(ADMIN, 'reminderStatus', {})).toEqual(emu.run(ADMIN, 'reminderStatus'));
  for (const name of REMINDER_FUNCTIONS) expect(() => emu.scriptRun(ADMIN, name, {})).not.toThrow();
  expect(emu.outbox.map((m) => m.to)).toEqual([[ADMIN]]);
  // Still Admin only, with or without the argument.
  expect(() => emu.scriptRun(CLERK, 'reminderStatus', {})).toThrow('Only Admin may manage reminders.');
});

test('only an admin has the Admin tab', async () => {
  const emu = register();
  for (const user of [CLERK, MANAGER]) {
    const s = await open(emu, user);
    expect(await s.page.locator('[data-tab]').count()).toBeGreaterThan(0);
    expect(await s.page.locator('[data-tab="admin"]').count()).toBe(0);
    expect(await s.page.locator('[data-section="admin"]').count()).toBe(0);
    await s.close();
  }
  const s = await open(emu, ADMIN);
  expect(await text(s.page, '[data-tab="admin"]')).toBe('Admin');
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('an admin turns reminders on and off; the status says whose account runs them and when', async () => {
  const emu = register();
  const s = await open(emu, ADMIN);
  const { page } = s;
  await openAdmin(s);
  expect(s.calls).toEqual([{ name: 'reminderStatus', args: [{}] }]);
  expect(await text(page, '.reminder-status .state')).toBe('Reminders are off.');
  expect(await page.locator('.zone-warning').count()).toBe(0);
  expect(await page.locator('button.turn-off').isDisabled()).toBe(true);

  await page.locator('button.turn-on').click();
  await page.locator('.reminder-status .runs-as').waitFor();
  expect(await text(page, '.reminder-status .runs-as')).toBe(`Runs as ${ADMIN}`);
  expect(await text(page, '.reminder-status .state')).toBe('Reminders are on.');
  expect(await text(page, '.reminder-status .meta')).toBe('Daily at 09:00 (Asia/Shanghai)');
  expect(await text(page, '.notice.ok')).toBe('Reminders are on.');
  expect(dailyTriggers(emu)).toHaveLength(1);
  expect(dailyTriggers(emu)[0]).toMatchObject({ creator: ADMIN });
  expect(await page.locator('button.turn-on').isDisabled()).toBe(true);

  await page.locator('button.turn-off').click();
  await page.waitForSelector('.notice.ok >> text=Reminders are off.');
  expect(await text(page, '.reminder-status .state')).toBe('Reminders are off.');
  expect(await page.locator('.reminder-status .runs-as').count()).toBe(0);
  expect(dailyTriggers(emu)).toHaveLength(0);
  expect(s.calls.map((c) => [c.name, c.args])).toEqual([
    ['reminderStatus', [{}]],
    ['turnRemindersOn', [{}]],
    ['turnRemindersOff', [{}]],
  ]);
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('another admin’s trigger: the status names them, turning on is refused, and Take over moves the run to you', async () => {
  const emu = register();
  emu.run(OWNER, 'turnRemindersOn');
  const s = await open(emu, ADMIN);
  const { page } = s;
  await openAdmin(s);
  expect(await text(page, '.reminder-status .state')).toBe('Reminders are on.');
  expect(await text(page, '.reminder-status .runs-as')).toBe(`Runs as ${OWNER}`);
  expect(await text(page, '.reminder-status .last-success')).toBe('No successful run yet.');
  expect(await page.locator('button.take-over').isVisible()).toBe(true);
  // A plain "turn on" never takes over by accident: the server refuses it in the message area.
  await page.evaluate(() => {
    (document.querySelector('button.turn-on') as HTMLButtonElement).disabled = false;
  });
  await page.locator('button.turn-on').click();
  await page.locator('.notice.error').waitFor();
  expect(await text(page, '.notice.error')).toContain(`Reminders run as ${OWNER}`);
  await page.locator('button.take-over').click();
  await page.waitForSelector('.notice.ok >> text=Reminders now run from your account.');
  expect(await text(page, '.reminder-status .runs-as')).toBe(`Runs as ${ADMIN}`);
  expect(await page.locator('button.take-over').isVisible()).toBe(false);
  // The owner's trigger stays listed (only its creator could delete it) and sends nothing from now on.
  expect(
    dailyTriggers(emu)
      .map((t) => t.creator)
      .sort(),
  ).toEqual([ADMIN, OWNER]);
  expect(s.calls.map((c) => [c.name, c.args])).toEqual([
    ['reminderStatus', [{}]],
    ['turnRemindersOn', [{}]],
    ['turnRemindersOn', [{ takeOver: true }]],
  ]);
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('a run that sent nothing: the status shows why and since when nothing succeeded', async () => {
  const emu = register();
  emu.run(OWNER, 'turnRemindersOn');
  const team = emu.spreadsheet.values('Team');
  expect(team[1][0]).toBe(OWNER);
  emu.transferOwnership(MANAGER);
  const sheet = workbook(emu).getActive().getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet;
  sheet.getRange(2, 4).setValue(false);
  emu.advanceClock('2026-11-26T02:00:00Z');
  const s = await open(emu, ADMIN);
  const { page } = s;
  await openAdmin(s);
  expect(await text(page, '.reminder-status .runner-warning')).toBe(
    `${OWNER} is no longer an active Admin, so nothing is sent. Take over to send from your account.`,
  );
  expect(await text(page, '.reminder-status .silent-warning')).toContain(
    'No successful run since 2026-11-23 08:00',
  );
  expect(await text(page, '.reminder-status .last-failure')).toBe(
    `Last failure (2026-11-26 09:00): ${OWNER} is no longer an active Admin on Team, so the daily run sent nothing. An Admin can take reminders over.`,
  );
  expect(emu.outbox).toEqual([]);
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('a time-zone mismatch is shown as a warning naming both zones', async () => {
  const emu = register({ scriptTimeZone: 'America/New_York' });
  const s = await open(emu, ADMIN);
  await openAdmin(s);
  const warning = await text(s.page, '.zone-warning');
  expect(warning).toContain('Asia/Shanghai');
  expect(warning).toContain('America/New_York');
  expect(await s.page.locator('.zone-warning').isVisible()).toBe(true);
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('the preview lists who gets what and sends and writes nothing; the test email goes to the admin', async () => {
  const emu = register();
  const s = await open(emu, ADMIN, 540);
  const { page } = s;
  await openAdmin(s);
  await page.locator('button.turn-on').click();
  await page.locator('.reminder-status .runs-as').waitFor();
  const before = stateOf(emu);

  await page.locator('button.preview').click();
  await page.locator('.reminder-preview ul.emails li').first().waitFor();
  const emails = page.locator('.reminder-preview ul.emails li');
  expect(await emails.evaluateAll((li) => li.map((e) => e.getAttribute('data-id')))).toEqual([
    'C-000001',
    'C-000002',
    'C-000003',
  ]);
  expect(await emails.first().textContent()).toContain('C-000001 → customer0@example.net');
  expect(await emails.first().locator('.meta').textContent()).toBe(
    'Please check the details we hold for you',
  );
  const digest = page.locator('.reminder-preview ul.digests li');
  expect(await digest.getAttribute('data-recipient')).toBe(MANAGER);
  expect(await digest.locator('.meta').textContent()).toBe('3 customers, 0 property, 0 follow-ups');
  expect(await text(page, '.reminder-preview .note')).toBe(`${TODAY}: a preview, nothing was sent.`);
  expect(emu.outbox).toEqual([]);
  expect(stateOf(emu)).toBe(before);
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/sidebar-admin-en.png`, fullPage: true });

  await page.locator('button.test-mail').click();
  await page.locator('.notice.ok').waitFor();
  expect(await text(page, '.notice.ok')).toBe(
    `Test reminder sent to ${ADMIN}: “Please check the details we hold for you”`,
  );
  expect(emu.outbox.map((m) => m.to)).toEqual([[ADMIN]]);
  expect(s.calls.map((c) => [c.name, c.args])).toEqual([
    ['reminderStatus', [{}]],
    ['turnRemindersOn', [{}]],
    ['previewReminders', [{}]],
    ['sendTestReminder', [{}]],
  ]);
  expect(s.pageErrors).toEqual([]);
  await s.close();
});

test('in Chinese: the 管理 tab, the time-zone warning and the preview', async () => {
  const emu = register({ scriptTimeZone: 'America/New_York', zh: [ADMIN] });
  const s = await open(emu, ADMIN, 540);
  const { page } = s;
  expect(await text(page, '[data-tab="admin"]')).toBe('管理');
  await openAdmin(s);
  await page.locator('button.turn-on').click();
  await page.locator('.reminder-status .runs-as').waitFor();
  expect(await text(page, '.reminder-status .runs-as')).toBe(`以 ${ADMIN} 的账户运行`);
  expect(await text(page, '.zone-warning')).toBe(
    '时区不一致：表格为 Asia/Shanghai，脚本为 America/New_York。提醒按表格的时区发送。',
  );
  await page.locator('button.preview').click();
  await page.locator('.reminder-preview ul.emails li').first().waitFor();
  expect(await page.locator('.reminder-preview h3').first().textContent()).toBe('客户邮件（3）');
  expect(emu.outbox).toEqual([]);
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/sidebar-admin-zh.png`, fullPage: true });
  expect(s.pageErrors).toEqual([]);
  await s.close();
});
