// Backups on dist/Code.js: snapshots in the admin's Drive on the Settings cadence, kept N, compared and restored by record or sheet, audited.
/// <reference types="google-apps-script" />
import { fillDueCustomers } from '../fixtures/due-register';
import { columnsOf, recordsOf, setSetting, stateOf, teamRegister, workbook } from '../helpers/register';
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

function register() {
  const emu = teamRegister({ now: MORNING });
  fillDueCustomers(emu, 5, { due: 0, today: TODAY });
  return emu;
}

const sheetDiff = (c: Comparison, name: string) => c.sheets.find((s) => s.sheet === name);

describe('backups', () => {
  test('a snapshot goes to the admin’s Drive: a manifest and a part file of record rows; another account cannot open it', () => {
    const emu = register();
    const list = emu.scriptRun(ADMIN, 'backupNow', {}) as List & { underWay: boolean; message: string };
    expect(list.backups).toEqual([{ id: expect.any(String), at: '2026-11-23 08:00', by: ADMIN, records: 5 }]);
    expect(list).toMatchObject({
      underWay: false,
      message: 'Snapshot saved in your Google Drive: 5 records.',
    });
    // Five customers and nothing else: one part (Customers), then the manifest.
    expect(emu.drive.files.map((f) => [f.name, f.owner, f.mimeType])).toEqual([
      ['Customer register backup 2026-11-23 0800 Customers 1.json', ADMIN, 'application/json'],
      ['Customer register backup 2026-11-23 0800.json', ADMIN, 'application/json'],
    ]);
    const manifest = JSON.parse(emu.drive.files[1].content);
    expect(list.backups[0].id).toBe(emu.drive.files[1].id);
    expect(Object.keys(manifest.sheets).sort()).toEqual(['Lists', 'Settings', 'Team']);
    expect(manifest.parts).toEqual([{ sheet: 'Customers', file: emu.drive.files[0].id, rows: 5 }]);
    expect(JSON.parse(emu.drive.files[0].content).rows).toHaveLength(5);
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
    setSetting(emu, 'reminderHour', 17);
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
    setSetting(emu, 'backupEveryDays', 2);
    setSetting(emu, 'backupsKept', 2);
    emu.run(ADMIN, 'turnRemindersOn');
    for (let day = 23; day <= 29; day++) emu.advanceClock(`2026-11-${day}T01:30:00Z`);
    const list = emu.scriptRun(ADMIN, 'listBackups', {}) as List;
    expect(list.backups.map((b) => b.at)).toEqual(['2026-11-29 09:00', '2026-11-27 09:00']);
    // Each snapshot is a part and its manifest: those of the two oldest are in the trash, all of them.
    expect(
      emu.drive.files.map((f) => `${f.name.replace('Customer register backup ', '')} ${f.trashed}`),
    ).toEqual([
      '2026-11-23 0900 Customers 1.json true',
      '2026-11-23 0900.json true',
      '2026-11-25 0900 Customers 1.json true',
      '2026-11-25 0900.json true',
      '2026-11-27 0900 Customers 1.json false',
      '2026-11-27 0900.json false',
      '2026-11-29 0900 Customers 1.json false',
      '2026-11-29 0900.json false',
    ]);
    expect(
      emu
        .triggers()
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['guardEdit', 'runReminders']);
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
