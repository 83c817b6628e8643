// The built sidebar's care section against the built server in the emulator: a Manager's data check and safe fixes, an Admin's backup, compare and restore.
/// <reference types="google-apps-script" />
import type { Browser } from 'playwright-core';
import type { Emulator } from '../../emulator/src';
import { fillDueCustomers } from '../fixtures/due-register';
import { launchBrowser } from '../helpers/browser';
import { columnsOf, recordsOf, teamRegister, workbook } from '../helpers/register';
import { openSidebar } from '../helpers/sidebar-harness';
import { ADMIN, MANAGER } from '../helpers/users';

const TODAY = '2026-11-23';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function register(): Emulator {
  const emu = teamRegister({ now: `${TODAY}T00:00:00Z` });
  fillDueCustomers(emu, 6, { due: 0, today: TODAY, rows: { 0: { phone: '138 0013 8000' } } });
  return emu;
}

function setName(emu: Emulator, row: number, name: string) {
  const sheet = workbook(emu).getActive().getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
  sheet.getRange(row, columnsOf(sheet).name).setValue(name);
}

test('a Manager runs the data check from the Care tab, sees the scores and applies the safe fix', async () => {
  const emu = register();
  const s = await openSidebar(browser, emu, MANAGER);
  try {
    expect(await s.ready()).toBe(0);
    await s.page.click('[data-tab="care"]');
    await s.page.click('button.run-check');
    await s.page.waitForSelector('ul.scores li[data-sheet="Customers"]');
    expect(await s.page.textContent('ul.scores li[data-sheet="Customers"]')).toBe('Customers: 83.3%');
    await s.page.click('button.apply-fixes');
    await s.page.waitForSelector('.notice.ok:has-text("Safe fixes applied")');
    expect(recordsOf(emu, 'Customers')[0].phone).toBe('+8613800138000');
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('an Admin backs up, compares and restores a ticked record from the Admin tab', async () => {
  const emu = register();
  const s = await openSidebar(browser, emu, ADMIN);
  try {
    await s.ready();
    await s.page.click('[data-tab="admin"]');
    await s.page.click('button.list-backups');
    await s.page.waitForSelector('ul.backups li.note');
    await s.page.click('button.back-up');
    await s.page.waitForSelector('ul.backups li[data-id] button.compare');
    setName(emu, 2, 'Overwritten');
    await s.page.click('ul.backups li[data-id] button.compare');
    await s.page.waitForSelector('.sheet-diff[data-sheet="Customers"] label:has-text("C-000001: name")');
    await s.page.check('.sheet-diff[data-sheet="Customers"] label:has-text("C-000001: name") input');
    await s.page.click('button.restore');
    await s.page.waitForSelector('.notice.ok:has-text("Restored 1 records")');
    expect(recordsOf(emu, 'Customers')[0].name).toBe('Customer 0');
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('an Admin backs up, compares and restores a register too large for one call: the sidebar asks again until done', async () => {
  const emu = teamRegister({ now: `${TODAY}T00:00:00Z` });
  fillDueCustomers(emu, 14, { due: 0, today: TODAY });
  const s = await openSidebar(browser, emu, ADMIN);
  try {
    await s.ready();
    await s.page.click('[data-tab="admin"]');
    // Four rows a step and every part 200 s to write: one step a call, so Back up now takes several calls.
    emu.scriptProperties['cr.backup.rows'] = '4';
    emu.hooks.extraCost = (info) => (info.method === 'createFile' ? 200 * 1000 : 0);
    await s.page.click('button.back-up');
    await s.page.waitForSelector('ul.backups li[data-id] button.compare');
    expect(emu.meter.executions.filter((e) => e.fn === 'backupNow').length).toBeGreaterThan(3);
    expect(await s.page.textContent('ul.backups li[data-id]')).toContain('14');
    emu.hooks.extraCost = undefined;
    setName(emu, 2, 'Overwritten');
    setName(emu, 13, 'Also overwritten');
    // Four rows a step and every read 50 s: a call compares one block or two, so it takes several.
    emu.scriptProperties['cr.restore.rows'] = '4';
    emu.hooks.extraCost = (info) => (info.method === 'Range.getValues' ? 50 * 1000 : 0);
    await s.page.click('ul.backups li[data-id] button.compare');
    const customers = '.sheet-diff[data-sheet="Customers"]';
    await s.page.waitForSelector(`${customers} label:has-text("C-000012: name")`);
    expect(await s.page.textContent(`${customers} p`)).toBe('Customers: 2 changed, 0 deleted, 0 added since');
    expect(emu.meter.executions.filter((e) => e.fn === 'compareBackup').length).toBeGreaterThan(2);
    await s.page.check(`${customers} label:has-text("Restore the whole sheet") input`);
    await s.page.click('button.restore');
    await s.page.waitForSelector('.notice.ok:has-text("Restored 2 records and 0 whole sheets in")');
    expect(emu.meter.executions.filter((e) => e.fn === 'restoreBackup').length).toBeGreaterThan(1);
    const names = recordsOf(emu, 'Customers').map((r) => r.name);
    expect([names[0], names[11]]).toEqual(['Customer 0', '客户 11']);
    expect(s.pageErrors).toEqual([]);
  } finally {
    emu.hooks.extraCost = undefined;
    await s.close();
  }
});
