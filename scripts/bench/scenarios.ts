// The bench scenarios, one per budget issue 15 sets: sidebar actions, set up and protections, the sidebar, the daily run.
/// <reference types="google-apps-script" />
import { readFileSync } from 'node:fs';
import type { Emulator } from '../../emulator/src';
import { fillCustomers, oldBundleDir } from '../../test/fixtures/old-register';
import { columnsOf, workbook } from '../../test/helpers/register';
import { ADMIN, CLERK, MANAGER, OWNER } from '../../test/helpers/users';
import { careScenarios } from './care-scenarios';
import { register, TODAY } from './fixture';
import { importScenario } from './import';
import { myWorkScenario } from './my-work';
import { purchaseScenarios } from './purchases';
import type { Budget, Scenario } from './scenario';

const SIZES = [1000, 100000];
/** A sidebar action: the same calls and cells at both sizes, and quick. */
const ACTION: Budget = { sameAtSizes: 0.05, maxExecutionMs: 2000 };
/** Set up, upgrade and protections: few calls whatever the size. */
const STRUCTURE: Budget = { maxSheetCalls: 150, sameAtSizes: 0.05 };
/** Every execution of the daily run well inside Apps Script's 6 minutes. */
const RUN_MS = 4 * 60 * 1000;

type Save = { ok: boolean; version?: string; id?: string };

/** A record in the middle of the register, loaded as the sidebar would before editing it. */
function loaded(emu: Emulator, user: string, id: string) {
  return emu.scriptRun(user, 'getCustomer', { id }) as { version: string };
}

/** Customers due today are in today's cycle exactly: the day before, none of them is due yet. */
function dueToday(emu: Emulator, due: number) {
  const sheet = workbook(emu).getActive().getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
  sheet
    .getRange(2, columnsOf(sheet).nextReviewDue, due, 1)
    .setValues(Array.from({ length: due }, () => [TODAY]));
}

/** 3% of customers due: 3,000 at 100,000. */
const dueAt = (rows: number) => Math.round(rows * 0.03);

function reminders(name: string, logDays: number): Scenario {
  return {
    name,
    sizes: SIZES,
    budget:
      logDays > 0
        ? { maxExecutionMs: RUN_MS, like: { scenario: 'reminders-day1', within: 0.1 } }
        : { maxExecutionMs: RUN_MS },
    start: '2026-11-22T00:00:00Z',
    prepare(emu, rows) {
      // A year of history: each day's reminders (a 365th of the register) logged under cycles now closed.
      register(emu, rows, { due: dueAt(rows), logDays, logPerDay: Math.ceil(rows / 365) });
      dueToday(emu, dueAt(rows));
      emu.run(ADMIN, 'turnRemindersOn');
      // Yesterday's run, unmeasured: a register that has been running keeps its log the way the run leaves it.
      emu.advanceClock('2026-11-22T03:00:00Z');
    },
    run(emu) {
      emu.advanceClock('2026-11-23T03:00:00Z');
    },
  };
}

export const scenarios: Scenario[] = [
  {
    name: 'open',
    sizes: [0],
    budget: { maxSheetCalls: 0 },
    prepare() {},
    run(emu) {
      emu.open(OWNER);
    },
  },
  {
    name: 'setup',
    sizes: [0],
    budget: { maxSheetCalls: 150 },
    prepare() {},
    run(emu) {
      emu.run(OWNER, 'setUpRegister');
    },
  },
  {
    // A register built by schema version 0 with `rows` customers, upgraded by the current bundle.
    name: 'upgrade',
    sizes: SIZES,
    budget: STRUCTURE,
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
    // Apply protections from scratch, as after a fresh setup, for a Team of 50.
    name: 'apply-protections',
    sizes: SIZES,
    budget: STRUCTURE,
    prepare(emu, rows) {
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
        .getRange(6, 1, 50, 4)
        .setValues(members);
      const type = (t: string) => t as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
      for (const p of [...ss.getProtections(type('SHEET')), ...ss.getProtections(type('RANGE'))]) p.remove();
    },
    run(emu) {
      emu.run(OWNER, 'applyProtections');
    },
  },
  {
    // The form served with its boot data: the size of what the browser loads, and the calls before it is usable.
    name: 'sidebar',
    sizes: [1000],
    budget: { maxKb: 150, maxRoundTrips: 0, maxExecutionMs: 2000 },
    prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      emu.run(CLERK, 'openForm');
    },
    extra(emu) {
      const html = emu.uiOf(CLERK).sidebars.at(-1)?.html ?? '';
      // Usable with no round trip when the served page already carries who the user is and their forms.
      const embedded = html.includes(JSON.stringify(CLERK)) && html.includes('"forms"');
      return {
        kb: Math.round((readFileSync('dist/sidebar.html').length / 1024) * 10) / 10,
        roundTrips: embedded ? 0 : 1,
      };
    },
  },
  {
    name: 'save-customer',
    sizes: SIZES,
    budget: ACTION,
    prepare(emu, rows) {
      register(emu, rows);
      // The first save after an upgrade seeds the ID counter from the column, once: measured is every save after.
      emu.scriptRun(CLERK, 'createCustomer', {
        values: { customerType: 'individual', name: 'Seed', status: 'active' },
      });
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
    name: 'check-duplicates',
    sizes: SIZES,
    budget: ACTION,
    prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      // A phone already on file: the save is refused with the customer who has it, and nothing is written.
      const r = emu.scriptRun(CLERK, 'createCustomer', {
        values: {
          customerType: 'individual',
          name: 'Customer 500',
          phone: '+8613900000500',
          status: 'active',
        },
      }) as { duplicates?: unknown[] };
      if (!r.duplicates?.length) throw new Error('the duplicate was not found');
    },
  },
  {
    name: 'load-customer',
    sizes: SIZES,
    budget: ACTION,
    prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      loaded(emu, CLERK, 'C-000500');
    },
  },
  {
    name: 'update-customer',
    sizes: SIZES,
    budget: ACTION,
    prepare(emu, rows) {
      register(emu, rows);
      const { version } = loaded(emu, CLERK, 'C-000500');
      (emu as Emulator & { benchVersion?: string }).benchVersion = version;
    },
    run(emu) {
      const version = (emu as Emulator & { benchVersion?: string }).benchVersion;
      const r = emu.scriptRun(CLERK, 'updateCustomer', {
        id: 'C-000500',
        version,
        changes: { city: '杭州', notes: 'Moved' },
      }) as Save;
      if (!r.ok) throw new Error(`update-customer failed: ${JSON.stringify(r)}`);
    },
  },
  {
    name: 'approve-customer',
    sizes: SIZES,
    budget: ACTION,
    prepare(emu, rows) {
      register(emu, rows);
      const made = emu.scriptRun(CLERK, 'createCustomer', {
        values: { customerType: 'company', name: 'Zhou', company: '杭州某公司', status: 'active' },
      }) as Save;
      (emu as Emulator & { benchTarget?: Save }).benchTarget = made;
    },
    run(emu) {
      const made = (emu as Emulator & { benchTarget?: Save }).benchTarget as Save;
      const r = emu.scriptRun(MANAGER, 'approveCustomer', { id: made.id, version: made.version }) as Save;
      if (!r.ok) throw new Error(`approve-customer failed: ${JSON.stringify(r)}`);
    },
  },
  {
    name: 'search',
    sizes: SIZES,
    budget: ACTION,
    prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      emu.scriptRun(CLERK, 'findCustomers', { query: '客户 9' });
    },
  },
  reminders('reminders-day1', 0),
  reminders('reminders-day365', 365),
  ...careScenarios,
  ...purchaseScenarios,
  importScenario,
  myWorkScenario,
];
