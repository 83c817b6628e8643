// Every global of dist/Code.js called through google.script.run by every kind of caller: nothing is written, sent or scheduled unless allowed.
/// <reference types="google-apps-script" />

import { readFileSync } from 'node:fs';
import { fillDueCustomers } from '../fixtures/due-register';
import { topLevelFunctions } from '../helpers/bundle-analysis';
import { callAs, saved } from '../helpers/call-as';
import { stateOf, teamRegister, workbook } from '../helpers/register';
import { ADMIN, CLERK, MANAGER, OWNER, TEAM, VIEWER } from '../helpers/users';

const INACTIVE = 'former.admin@example.com';
const OUTSIDER = 'editor.not.on.team@example.com';
const FILE_VIEWER = 'reader@example.com';
const DAY = '2026-11-23';

/** Each kind of caller and the role the register should see in them (null: none). */
const CALLERS: Record<string, { email: string; role: string | null }> = {
  owner: { email: OWNER, role: 'Admin' },
  admin: { email: ADMIN, role: 'Admin' },
  manager: { email: MANAGER, role: 'Manager' },
  clerk: { email: CLERK, role: 'Clerk' },
  'Team viewer': { email: VIEWER, role: null },
  'inactive admin': { email: INACTIVE, role: null },
  'editor not on Team': { email: OUTSIDER, role: null },
  'viewer of the file': { email: FILE_VIEWER, role: null },
};

type Emu = ReturnType<typeof teamRegister>;
interface Fixture {
  emu: Emu;
  pending: string;
  approved: string;
  propertyId: string;
  purchase: { id: string; version: string };
  daily: string;
  guard: string;
}

const versionOf = (f: Fixture, id: string) =>
  (f.emu.run(OWNER, 'getCustomer', { id }) as { version: string }).version;

/**
 * Who may change anything through each global, with the arguments a caller would send. 'reads' changes
 * nothing for anyone; 'trigger' globals change nothing for any caller, whatever event object is passed,
 * except the trigger's own creator passing its real ID (which only they can see).
 */
type Rule = { may: 'reads' | 'trigger' | readonly string[]; args: (f: Fixture) => unknown[][] };
const STAFF = ['Admin', 'Manager', 'Clerk'];
const MANAGERS = ['Admin', 'Manager'];
const ADMINS = ['Admin'];
const none = () => [[]];
const forged = (real: (f: Fixture) => string) => (f: Fixture) => [
  [],
  [{ triggerUid: 'x' }],
  [{ triggerUid: real(f), authMode: 'FULL' }],
];
const customer = { customerType: 'individual', name: 'Mallory', status: 'active', email: 'm@x.com' };

const RULES: Record<string, Rule> = {
  onOpen: { may: 'reads', args: () => [[], [{ authMode: 'FULL' }]] },
  onInstall: { may: 'reads', args: () => [[], [{ authMode: 'FULL' }]] },
  openForm: { may: 'reads', args: none },
  checkPhone: { may: STAFF, args: () => [[{ phone: '0755 8888 8889' }]] },
  getCustomer: { may: 'reads', args: (f) => [[{ id: f.approved }]] },
  findCustomers: { may: 'reads', args: () => [[{ query: 'Customer' }]] },
  findProperty: { may: 'reads', args: (f) => [[{ customerId: f.approved }]] },
  listPendingReview: { may: 'reads', args: () => [[{}]] },
  customerCard: { may: 'reads', args: (f) => [[{ id: f.approved }]] },
  printCustomerCard: { may: 'reads', args: (f) => [[{ id: f.approved, lang: 'zh' }]] },
  printPropertyReceipt: { may: 'reads', args: (f) => [[{ id: f.propertyId, lang: 'en' }]] },
  reminderStatus: { may: 'reads', args: () => [[{}]] },
  previewReminders: { may: 'reads', args: () => [[{}]] },
  createCustomer: { may: STAFF, args: () => [[{ values: customer, confirmDuplicate: true }]] },
  updateCustomer: {
    may: STAFF,
    args: (f) => [[{ id: f.approved, version: versionOf(f, f.approved), changes: { notes: 'changed' } }]],
  },
  confirmReview: {
    may: STAFF,
    args: (f) => [[{ id: f.approved, version: versionOf(f, f.approved), how: 'phone' }]],
  },
  approveCustomer: { may: MANAGERS, args: (f) => [[{ id: f.pending, version: versionOf(f, f.pending) }]] },
  returnCustomer: {
    may: MANAGERS,
    args: (f) => [[{ id: f.pending, version: versionOf(f, f.pending), comment: 'no' }]],
  },
  logInteraction: {
    may: STAFF,
    args: (f) => [[{ values: { date: DAY, customerId: f.approved, kind: 'consultation', summary: 'Hi' } }]],
  },
  receiveProperty: {
    may: STAFF,
    args: (f) => [
      [{ values: { customerId: f.approved, item: 'Watch', receivedDate: DAY, state: 'received' } }],
    ],
  },
  updateProperty: {
    may: STAFF,
    args: (f) => {
      const held = f.emu.run(OWNER, 'findProperty', { customerId: f.approved }) as {
        results: { id: string; version: string }[];
      };
      const p = held.results.find((r) => r.id === f.propertyId);
      return [[{ id: f.propertyId, version: p?.version, changes: { location: 'Safe' } }]];
    },
  },
  runDataCheck: { may: MANAGERS, args: () => [[{}]] },
  applyDataFixes: { may: MANAGERS, args: () => [[{}]] },
  menuRunDataCheck: { may: MANAGERS, args: none },
  refreshDashboard: { may: STAFF, args: () => [[{}]] },
  menuRefreshDashboard: { may: STAFF, args: none },
  backupNow: { may: ADMINS, args: () => [[{}]] },
  menuBackupNow: { may: ADMINS, args: none },
  listBackups: { may: 'reads', args: () => [[{}]] },
  compareBackup: { may: 'reads', args: () => [[{ id: 'drive-file-1' }]] },
  restoreBackup: { may: ADMINS, args: () => [[{ id: 'drive-file-1', sheets: ['Team'] }]] },
  listChangeRequests: { may: 'reads', args: () => [[{}]] },
  myWork: { may: 'reads', args: () => [[{}]] },
  decideChanges: { may: MANAGERS, args: () => [[{ ids: ['R-000001'], decision: 'apply' }]] },
  recordPurchase: {
    may: STAFF,
    args: (f) => [[{ values: { date: DAY, customerId: f.approved, amount: 10, dueDate: '2026-11-01' } }]],
  },
  updatePurchase: {
    may: STAFF,
    args: (f) => [[{ id: f.purchase.id, version: f.purchase.version, changes: { paidDate: DAY } }]],
  },
  writeOffPurchase: {
    may: MANAGERS,
    args: (f) => [[{ id: f.purchase.id, version: f.purchase.version }]],
  },
  checkImport: { may: 'reads', args: () => [[{ rows: [{ line: 1, values: customer }] }]] },
  importCustomers: {
    may: MANAGERS,
    args: () => [
      [
        {
          importId: 'entry-walk',
          rows: [{ line: 1, values: customer }],
          approve: true,
          duplicates: 'import',
        },
      ],
    ],
  },
  openImport: { may: 'reads', args: none },
  readImportSheet: { may: 'reads', args: () => [[{ sheet: 'Old list' }], [{ sheet: 'Team' }]] },
  finishImport: { may: MANAGERS, args: () => [[{ importId: 'entry-walk', file: 'x.csv' }]] },
  setUpRegister: { may: ADMINS, args: none },
  applyProtections: { may: ADMINS, args: none },
  checkProtections: { may: ADMINS, args: () => [[{ repair: true }]] },
  turnRemindersOn: { may: ADMINS, args: () => [[{}], [{ takeOver: true }]] },
  turnRemindersOff: { may: ADMINS, args: () => [[{}]] },
  sendTestReminder: { may: ADMINS, args: () => [[{}]] },
  menuSetUpRegister: { may: ADMINS, args: none },
  menuApplyProtections: { may: ADMINS, args: none },
  menuCheckProtections: { may: ADMINS, args: none },
  menuTurnRemindersOn: { may: ADMINS, args: none },
  menuTurnRemindersOff: { may: ADMINS, args: none },
  runReminders: { may: 'trigger', args: forged((f) => f.daily) },
  continueReminders: { may: 'trigger', args: forged((f) => f.daily) },
  guardEdit: { may: 'trigger', args: forged((f) => f.guard) },
  // The web app's entries, called from a page with made-up events: a link that is not signed acts on nothing.
  doGet: { may: 'reads', args: (f) => [[], [{ parameter: forgedLink(f) }]] },
  doPost: {
    may: 'reads',
    args: (f) => [[], [{ parameter: forgedLink(f) }], [{ parameter: { ...forgedLink(f), a: 'stop' } }]],
  },
};

function forgedLink(f: Fixture) {
  return { a: 'confirm', c: f.approved, r: '2026-11-20', x: '2026-12-31', s: 'A'.repeat(43) };
}

function fixture(): Fixture {
  const emu = teamRegister({
    now: '2026-11-23T00:00:00Z',
    editors: [...TEAM, INACTIVE, OUTSIDER],
    viewers: [FILE_VIEWER],
  });
  const team = workbook(emu).getActive().getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet;
  team.getRange(7, 1, 1, 4).setValues([[INACTIVE, 'Former Admin', 'Admin', false]]);
  fillDueCustomers(emu, 6, { due: 3, today: DAY });
  const { id: pending } = saved(
    callAs(emu, CLERK, 'createCustomer', {
      values: { customerType: 'individual', name: 'Pat Pending', status: 'active' },
    }),
  );
  const { id: propertyId } = saved(
    callAs(emu, CLERK, 'receiveProperty', {
      values: { customerId: 'C-000001', item: 'Watch', receivedDate: DAY, state: 'received' },
    }),
  );
  const purchase = saved(
    callAs(emu, CLERK, 'recordPurchase', {
      values: { customerId: 'C-000001', date: DAY, amount: 10, dueDate: '2026-11-01' },
    }),
  );
  emu.run(ADMIN, 'turnRemindersOn');
  const uid = (handler: string) => emu.triggers().find((t) => t.handler === handler)?.id as string;
  return {
    emu,
    pending,
    approved: 'C-000001',
    propertyId,
    purchase,
    daily: uid('runReminders'),
    guard: uid('guardEdit'),
  };
}

const exported = topLevelFunctions(readFileSync('dist/Code.js', 'utf8')).filter((n) => !n.endsWith('_'));

test('every global of the bundle has a rule here, so a new entry point cannot escape this test', () => {
  expect([...exported].sort()).toEqual(Object.keys(RULES).sort());
});

describe.each(Object.entries(CALLERS))('called through google.script.run by the %s', (_kind, who) => {
  let f: Fixture;
  beforeAll(() => {
    f = fixture();
  });
  const refused = Object.entries(RULES).filter(
    ([, r]) => r.may === 'reads' || r.may === 'trigger' || !who.role || !r.may.includes(who.role),
  );

  test.each(refused.map(([name, rule]) => [name, rule] as const))(
    '%s writes, sends and schedules nothing',
    (name, rule) => {
      for (const args of rule.args(f)) {
        const uid = (args[0] as { triggerUid?: string } | undefined)?.triggerUid;
        // The trigger's creator may start their own handler with its real ID: only they can see it.
        if (name === 'runReminders' && who.email === ADMIN && uid === f.daily) continue;
        const before = stateOf(f.emu);
        try {
          f.emu.scriptRun(who.email, name, ...args);
        } catch {
          // A refusal may be an error; what matters is what it left behind.
        }
        expect({ name, args, unchanged: stateOf(f.emu) === before }).toEqual({ name, args, unchanged: true });
      }
    },
  );
});
