// The bench scenarios, one per budget the issues set.
/// <reference types="google-apps-script" />
import type { Emulator } from '../../emulator/src';
import { fillDueCustomers } from '../../test/fixtures/due-register';
import { fillCustomers, oldBundleDir } from '../../test/fixtures/old-register';
import { workbook } from '../../test/helpers/register';
import { ADMIN, CLERK, MANAGER, OWNER } from '../../test/helpers/users';
import { importScenario } from './import';
import type { Scenario } from './scenario';

/** A current register with a clerk on the team and `rows` customers. */
function register(emu: Emulator, rows: number) {
  emu.run(OWNER, 'setUpRegister');
  const team = workbook(emu).getActive().getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet;
  team.getRange(3, 1, 1, 4).setValues([[CLERK, 'Chen', 'Clerk', true]]);
  // A fixture write fires no onEdit guard: protections are re-applied as a hand edit of Team would.
  emu.run(OWNER, 'applyProtections');
  fillCustomers(emu, rows);
}

export const scenarios: Scenario[] = [
  {
    name: 'open',
    sizes: [0],
    async prepare() {},
    run(emu) {
      emu.open(OWNER);
    },
  },
  {
    name: 'setup',
    sizes: [0],
    async prepare() {},
    run(emu) {
      emu.run(OWNER, 'setUpRegister');
    },
  },
  {
    // A register built by schema version 0 with `rows` customers, upgraded by the current bundle.
    name: 'upgrade',
    sizes: [1000, 10000],
    async prepare(emu, rows) {
      emu.loadBundle(await oldBundleDir());
      emu.run(OWNER, 'setUpRegister');
      fillCustomers(emu, rows);
      emu.loadBundle('dist');
    },
    run(emu) {
      emu.run(OWNER, 'setUpRegister');
    },
  },
  {
    name: 'save-customer',
    sizes: [1000, 50000],
    async prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      emu.scriptRun(CLERK, 'createCustomer', {
        values: {
          customerType: 'individual',
          name: '张 伟',
          phone: '139 1234 5678',
          email: 'zhang.wei@example.cn',
          status: 'active',
        },
      });
    },
  },
  {
    name: 'search',
    sizes: [1000, 50000],
    async prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      emu.scriptRun(CLERK, 'findCustomers', { query: '客户 9' });
    },
  },
  {
    // Apply protections from scratch, as after a fresh setup, for a Team of 50: the sheet calls must not grow with customers.
    name: 'apply-protections',
    sizes: [1000, 10000],
    async prepare(emu, rows) {
      register(emu, rows);
      const ss = workbook(emu).getActive();
      const roles = ['Admin', 'Manager', 'Clerk', 'Clerk', 'Viewer'];
      const members = Array.from({ length: 50 }, (_, i) => [
        `staff${i + 1}@example.com`,
        `Staff ${i + 1}`,
        roles[i % 5],
        true,
      ]);
      for (const [email] of members) ss.addEditor(email as string);
      (ss.getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet)
        .getRange(4, 1, 50, 4)
        .setValues(members);
      const type = (t: string) => t as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
      for (const p of [...ss.getProtections(type('SHEET')), ...ss.getProtections(type('RANGE'))]) p.remove();
    },
    run(emu) {
      emu.run(OWNER, 'applyProtections');
    },
  },
  {
    // A day's reminders: the daily trigger and its continuations, every execution counted.
    name: 'reminders',
    sizes: [10000, 50000],
    async prepare(emu, rows) {
      emu.run(OWNER, 'setUpRegister');
      const team = workbook(emu).getActive().getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet;
      team.getRange(3, 1, 2, 4).setValues([
        [ADMIN, 'Ada', 'Admin', true],
        [MANAGER, 'Wang', 'Manager', true],
      ]);
      fillDueCustomers(emu, rows, { due: 1000, today: '2026-11-23' });
      emu.mail.setDailyQuota(1500);
      emu.run(ADMIN, 'turnRemindersOn');
    },
    run(emu) {
      emu.advanceClock('2026-11-23T03:00:00Z');
    },
  },
  importScenario,
];
