// Backups on dist/Code.js: snapshots in the admin's Drive on the Settings cadence, kept N, compared and restored by record or sheet, audited.
/// <reference types="google-apps-script" />
import { fillDueCustomers } from '../fixtures/due-register';
import { columnsOf, recordsOf, stateOf, teamRegister, workbook } from '../helpers/register';
import { ADMIN, CLERK, MANAGER, OWNER } from '../helpers/users';

const TODAY = '2026-11-23';
const MORNING = `${TODAY}T00:00:00Z`;

type Emu = ReturnType<typeof teamRegister>;
type List = { backups: { id: string; at: string; by: string; records: number }[] };
type Comparison = {
  sheets: { sheet: string; added: number; removed: string[]; changed: { id: string; fields: string[] }[] }[];
};

function sheetOf(emu: Emu, name: string) {
  return workbook(emu).getActive().getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
}

function setCell(emu: Emu, sheetName: string, row: number, key: string, value: unknown) {
  const sheet = sheetOf(emu, sheetName);
  sheet.getRange(row, columnsOf(sheet)[key]).setValue(value);
}

function setting(emu: Emu, key: string, value: unknown) {
  const settings = sheetOf(emu, 'Settings');
  const col = columnsOf(settings);
  const keys = settings
    .getRange(2, col.key, settings.getLastRow() - 1, 1)
    .getValues()
    .map((r) => r[0]);
  settings.getRange(keys.indexOf(key) + 2, col.value).setValue(value);
}

function register() {
  const emu = teamRegister({ now: MORNING });
  fillDueCustomers(emu, 5, { due: 0, today: TODAY });
  return emu;
}

const sheetDiff = (c: Comparison, name: string) => c.sheets.find((s) => s.sheet === name);

describe('backups', () => {
  test('a snapshot goes to the admin’s Drive as one file; another account cannot open it', () => {
    const emu = register();
    const list = emu.scriptRun(ADMIN, 'backupNow', {}) as List;
    expect(list.backups).toEqual([{ id: expect.any(String), at: '2026-11-23 08:00', by: ADMIN, records: 5 }]);
    expect(emu.drive.files).toHaveLength(1);
    expect(emu.drive.files[0]).toMatchObject({ owner: ADMIN, mimeType: 'application/json' });
    const snapshot = JSON.parse(emu.drive.files[0].content);
    expect(Object.keys(snapshot.sheets).sort()).toEqual([
      'Customers',
      'Interactions',
      'Lists',
      'Property',
      'Settings',
      'Team',
    ]);
    expect(() => emu.scriptRun(OWNER, 'compareBackup', { id: list.backups[0].id })).toThrow(
      /in the Google Drive of admin@example.com/,
    );
  });

  test('compare shows what changed, was deleted and was added since; restoring chosen records puts them back, audited', () => {
    const emu = register();
    const { backups } = emu.scriptRun(ADMIN, 'backupNow', {}) as List;
    const id = backups[0].id;
    setCell(emu, 'Customers', 2, 'name', 'Overwritten');
    setCell(emu, 'Customers', 3, 'email', 'wrong@example.net');
    sheetOf(emu, 'Customers').deleteRow(5);
    emu.scriptRun(CLERK, 'createCustomer', {
      values: { customerType: 'individual', name: 'New since', status: 'active' },
    });
    const diff = emu.scriptRun(ADMIN, 'compareBackup', { id }) as Comparison;
    expect(sheetDiff(diff, 'Customers')).toEqual({
      sheet: 'Customers',
      label: 'Customers',
      byRecord: true,
      added: 1,
      removed: ['C-000004'],
      removedCount: 1,
      changed: [
        { id: 'C-000001', fields: ['name'] },
        { id: 'C-000002', fields: ['email'] },
      ],
      changedCount: 2,
    });
    const report = emu.scriptRun(ADMIN, 'restoreBackup', {
      id,
      records: [
        { sheet: 'Customers', id: 'C-000001' },
        { sheet: 'Customers', id: 'C-000004' },
      ],
    }) as { records: number };
    expect(report.records).toBe(2);
    const customers = recordsOf(emu, 'Customers');
    expect(customers.find((c) => c.id === 'C-000001')?.name).toBe('Customer 0');
    expect(customers.find((c) => c.id === 'C-000002')?.email).toBe('wrong@example.net');
    expect(customers.find((c) => c.id === 'C-000004')?.name).toBe('客户 3');
    expect(customers.some((c) => c.name === 'New since')).toBe(true);
    const audit = recordsOf(emu, 'Audit').filter((a) => a.source === 'Restore from backup');
    expect(audit.map((a) => [a.action, a.record, a.field, a.oldValue, a.newValue])).toEqual([
      ['Update', 'C-000001', 'name', 'Overwritten', 'Customer 0'],
      ['Create', 'C-000004', '', '', ''],
    ]);
  });

  test('a whole sheet is restored as it was: Team rows and Settings values', () => {
    const emu = register();
    const { backups } = emu.scriptRun(ADMIN, 'backupNow', {}) as List;
    setCell(emu, 'Team', 4, 'role', 'Admin');
    setting(emu, 'reminderHour', 17);
    const diff = emu.scriptRun(ADMIN, 'compareBackup', { id: backups[0].id }) as Comparison;
    expect(sheetDiff(diff, 'Team')?.changed).toEqual([{ id: MANAGER, fields: ['role'] }]);
    expect(sheetDiff(diff, 'Settings')?.changed).toEqual([{ id: 'reminderHour', fields: ['value'] }]);
    emu.scriptRun(ADMIN, 'restoreBackup', { id: backups[0].id, sheets: ['Team', 'Settings'] });
    expect(recordsOf(emu, 'Team').find((m) => m.email === MANAGER)?.role).toBe('Manager');
    expect(recordsOf(emu, 'Settings').find((s) => s.key === 'reminderHour')?.value).toBe(9);
    const after = emu.scriptRun(ADMIN, 'compareBackup', { id: backups[0].id }) as Comparison;
    expect(after.sheets.every((s) => s.changed.length === 0 && s.removed.length === 0)).toBe(true);
  });

  test('taken by the daily run on the Settings cadence; the oldest beyond the count kept go to the Drive trash', () => {
    const emu = register();
    setting(emu, 'backupEveryDays', 2);
    setting(emu, 'backupsKept', 2);
    emu.run(ADMIN, 'turnRemindersOn');
    for (let day = 23; day <= 29; day++) emu.advanceClock(`2026-11-${day}T01:30:00Z`);
    const list = emu.scriptRun(ADMIN, 'listBackups', {}) as List;
    expect(list.backups.map((b) => b.at)).toEqual(['2026-11-29 09:00', '2026-11-27 09:00']);
    expect(emu.drive.files.map((f) => f.trashed)).toEqual([true, true, false, false]);
    expect(
      emu
        .triggers()
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['guardEdit', 'runReminders']);
  });

  test('a backup that would not end in the time left waits for a fresh execution, judged by what the last one took', () => {
    const emu = register();
    setting(emu, 'backupEveryDays', 1);
    emu.run(ADMIN, 'turnRemindersOn');
    // A large register: writing the snapshot takes 230 s of the execution's six minutes.
    let slowStart = false;
    emu.hooks.extraCost = (info) => {
      if (info.method === 'createFile') return 230 * 1000;
      if (info.method !== 'getRemainingDailyQuota' || !slowStart) return 0;
      slowStart = false;
      return 140 * 1000;
    };
    emu.advanceClock(`${TODAY}T01:30:00Z`);
    expect((emu.scriptRun(ADMIN, 'listBackups', {}) as List).backups).toHaveLength(1);
    // The next morning the reminders take 140 s first: 140 s + 230 s would pass six minutes, so the backup
    // waits for the continuation a minute later and runs there, whole.
    slowStart = true;
    emu.advanceClock('2026-11-24T01:30:00Z');
    const list = emu.scriptRun(ADMIN, 'listBackups', {}) as List;
    expect(list.backups.map((b) => b.at)).toEqual(['2026-11-24 09:03', '2026-11-23 09:00']);
    // No execution died half-way: every snapshot in the Drive is a listed one.
    expect(emu.drive.files).toHaveLength(2);
    emu.hooks.extraCost = undefined;
  });

  test('a first scheduled backup of a register too large for one execution is not started on a guess', () => {
    const emu = register();
    setting(emu, 'backupEveryDays', 1);
    emu.run(ADMIN, 'turnRemindersOn');
    // Rows down to 125,000: by the cost of reading a cell, a snapshot would take over five minutes.
    const customers = workbook(emu)
      .getActive()
      .getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    customers.insertRowsAfter(customers.getMaxRows(), 125000 - customers.getMaxRows());
    customers.getRange(125000, columnsOf(customers).notes).setValue('far down');
    emu.advanceClock(`${TODAY}T01:30:00Z`);
    expect(emu.drive.files).toHaveLength(0);
    expect(emu.logs.some((l) => /Care job backup not started: it takes about \d+/.test(l))).toBe(true);
    expect(emu.meter.executions.every((e) => !e.error)).toBe(true);
    emu.advanceClock('2026-11-24T01:30:00Z');
    const digest = emu.outbox.find((m) => m.to[0] === ADMIN && m.subject.includes('2026-11-24'));
    expect(digest?.body).toMatch(/no longer starts the scheduled backup: it takes about 5\.\d min/);
  });

  test('a backup whose last run took more than a fresh execution has is not started whole again', () => {
    const emu = register();
    setting(emu, 'backupEveryDays', 1);
    emu.run(ADMIN, 'turnRemindersOn');
    // The register has grown: writing the snapshot took 280 s, more than the 270 s any execution can give a job.
    emu.hooks.extraCost = (info) => (info.method === 'createFile' ? 280 * 1000 : 0);
    emu.advanceClock(`${TODAY}T01:30:00Z`);
    expect((emu.scriptRun(ADMIN, 'listBackups', {}) as List).backups).toHaveLength(1);
    emu.advanceClock('2026-11-24T01:30:00Z');
    // Not started, and no continuation left waiting for a time that never comes.
    expect((emu.scriptRun(ADMIN, 'listBackups', {}) as List).backups).toHaveLength(1);
    expect(emu.drive.files).toHaveLength(1);
    expect(emu.triggers().some((t) => t.handler === 'continueReminders')).toBe(false);
    expect(emu.logs.some((l) => /Care job backup not started/.test(l))).toBe(true);
    expect(emu.meter.executions.every((e) => !e.error)).toBe(true);
    // The admins are told in the next morning's digest, in the register's language, with what to do instead.
    emu.advanceClock('2026-11-25T01:30:00Z');
    const note = (day: string) =>
      emu.outbox
        .filter((m) => m.to[0] === ADMIN && m.subject.includes(day))
        .map((m) => m.body.split('\n')[0]);
    expect(note('2026-11-25')).toEqual([
      expect.stringMatching(
        /^Note for admins: the daily run no longer starts the scheduled backup: it takes about 4\.\d min, more than one execution of the daily run can give it\. Run it with Back up now in the add-on’s menu, where it has a whole execution to itself\.$/,
      ),
    ]);
    // A backup taken by hand that ends in time tells the daily run it fits again, and the note goes.
    emu.hooks.extraCost = undefined;
    emu.scriptRun(ADMIN, 'backupNow', {});
    emu.advanceClock('2026-11-26T01:30:00Z');
    const list = emu.scriptRun(ADMIN, 'listBackups', {}) as List;
    expect(list.backups[0].at).toBe('2026-11-26 09:00');
    expect(note('2026-11-26').join('')).not.toMatch(/no longer starts/);
  });

  test('a backup stopped half-way with its execution is known to take longer than any execution has', () => {
    const emu = register();
    setting(emu, 'backupEveryDays', 1);
    emu.run(ADMIN, 'turnRemindersOn');
    // Writing the snapshot takes seven minutes: Apps Script stops the daily run in the middle of it.
    emu.hooks.extraCost = (info) => (info.method === 'createFile' ? 420 * 1000 : 0);
    emu.advanceClock(`${TODAY}T01:30:00Z`);
    expect(emu.meter.executions.at(-1)?.error).toMatch(/Exceeded maximum execution time/);
    emu.hooks.extraCost = undefined;
    // The next mornings it is not started again to die the same way.
    emu.advanceClock('2026-11-25T01:30:00Z');
    expect((emu.scriptRun(ADMIN, 'listBackups', {}) as List).backups).toHaveLength(0);
    expect(emu.logs.filter((l) => /Care job backup not started/.test(l))).toHaveLength(2);
    expect(emu.meter.executions.slice(-3).every((e) => !e.error)).toBe(true);
  });

  test.each([
    ['manager', MANAGER],
    ['clerk', CLERK],
  ])('a %s is refused everything, and nothing is written or saved', (_kind, who) => {
    const emu = register();
    const { backups } = emu.scriptRun(ADMIN, 'backupNow', {}) as List;
    const id = backups[0].id;
    for (const [fn, arg] of [
      ['backupNow', {}],
      ['listBackups', {}],
      ['compareBackup', { id }],
      ['restoreBackup', { id, sheets: ['Team'] }],
    ] as const) {
      const before = stateOf(emu);
      expect(() => emu.scriptRun(who, fn, arg)).toThrow(/Only Admin/);
      expect(stateOf(emu)).toBe(before);
    }
  });

  test('a restore naming an unknown sheet or nothing at all is refused before anything is written', () => {
    const emu = register();
    const { backups } = emu.scriptRun(ADMIN, 'backupNow', {}) as List;
    const before = stateOf(emu);
    expect(() => emu.scriptRun(ADMIN, 'restoreBackup', { id: backups[0].id, sheets: ['Audit'] })).toThrow();
    expect(() => emu.scriptRun(ADMIN, 'restoreBackup', { id: backups[0].id })).toThrow(
      /Choose records or sheets/,
    );
    expect(stateOf(emu)).toBe(before);
  });
});
