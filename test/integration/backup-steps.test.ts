// Backups taken in steps on dist/Code.js: across executions of the daily run, with rows sorted, added and killed under them.
/// <reference types="google-apps-script" />

import { Emulator } from '../../emulator/src';
import { columnLetter } from '../../src/domain/a1';
import { fillDueCustomers } from '../fixtures/due-register';
import { columnsOf, recordsOf, setSetting, teamRegister, workbook } from '../helpers/register';
import { ADMIN, OWNER } from '../helpers/users';

const TODAY = '2026-11-23';
const MORNING = `${TODAY}T00:00:00Z`;
const MINUTES_6 = 6 * 60 * 1000;

type Emu = ReturnType<typeof teamRegister>;
interface List {
  backups: { id: string; at: string; by: string; records: number }[];
  message: string;
  underWay: boolean;
}
interface Comparison {
  sheets: { sheet: string; added: number; removedCount: number; changedCount: number }[];
}

function sheetOf(emu: Emu, name: string) {
  return workbook(emu).getActive().getSheetByName(name) as GoogleAppsScript.Spreadsheet.Sheet;
}

/** Five customers, read two rows a step: three parts of Customers, then the closing step. */
function register() {
  const emu = teamRegister({ now: MORNING });
  fillDueCustomers(emu, 5, { due: 0, today: TODAY });
  emu.scriptProperties['cr.backup.rows'] = '2';
  return emu;
}

/** Back up now, again while it is under way, as the sidebar does. */
function backUpByHand(emu: Emu, between: (call: number) => void = () => {}): List {
  for (let call = 0; call < 20; call++) {
    const list = emu.scriptRun(ADMIN, 'backupNow', {}) as List;
    if (!list.underWay) return list;
    between(call);
  }
  throw new Error('The backup did not end in 20 calls.');
}

/** The snapshot's Customers rows, part by part, as record IDs. */
function snapshotIds(emu: Emu, manifestId: string): string[] {
  const manifest = JSON.parse(emu.drive.files.find((f) => f.id === manifestId)?.content ?? '{}');
  return manifest.parts
    .filter((p: { sheet: string }) => p.sheet === 'Customers')
    .flatMap((p: { file: string }) => {
      const part = JSON.parse(emu.drive.files.find((f) => f.id === p.file)?.content ?? '{}');
      return part.rows.map((r: unknown[]) => r[part.keys.indexOf('id')]);
    });
}

/** A person sorts the Customers rows by name, as from the Data menu. */
function sortByName(emu: Emu, ascending: boolean) {
  const sheet = sheetOf(emu, 'Customers');
  const a1 = `A2:${columnLetter(sheet.getLastColumn())}`;
  expect(emu.sortRange(OWNER, 'Customers', a1, { column: columnsOf(sheet).name, ascending })).toEqual({
    ok: true,
  });
}

const nothingDiffers = (c: Comparison) =>
  c.sheets.every((s) => s.added === 0 && s.removedCount === 0 && s.changedCount === 0);

/** Each step's part file takes 200 s to write: one step fits an execution, the next waits for a fresh one. */
const slowParts = (emu: Emu) => {
  emu.hooks.extraCost = (info) => (info.method === 'createFile' ? 200 * 1000 : 0);
};

describe('backups in steps', () => {
  test('the daily run takes a large backup a step at a time across its executions, none near the limit', () => {
    const emu = register();
    setSetting(emu, 'backupEveryDays', 1);
    emu.run(ADMIN, 'turnRemindersOn');
    slowParts(emu);
    const from = emu.meter.executions.length;
    emu.advanceClock(`${TODAY}T02:00:00Z`);
    emu.hooks.extraCost = undefined;
    const runs = emu.meter.executions.slice(from);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.every((e) => !e.error && e.modelledMs < MINUTES_6 - 30 * 1000)).toBe(true);
    const { backups } = emu.scriptRun(ADMIN, 'listBackups', {}) as List;
    expect(backups).toEqual([{ id: expect.any(String), at: '2026-11-23 09:00', by: ADMIN, records: 5 }]);
    expect(snapshotIds(emu, backups[0].id)).toEqual(recordsOf(emu, 'Customers').map((c) => c.id));
    expect(nothingDiffers(emu.scriptRun(ADMIN, 'compareBackup', { id: backups[0].id }) as Comparison)).toBe(
      true,
    );
  });

  test('by hand, each call takes the steps that fit and says how far it got', () => {
    const emu = register();
    slowParts(emu);
    const first = emu.scriptRun(ADMIN, 'backupNow', {}) as List;
    expect(first).toMatchObject({ underWay: true, backups: [] });
    expect(first.message).toBe(
      'Backup under way: 2 records read so far. It goes on with the next Back up now, or in the daily run.',
    );
    // The list says so too, without going on with it.
    expect(emu.scriptRun(ADMIN, 'listBackups', {})).toMatchObject({
      underWay: false,
      message: first.message,
    });
    const done = backUpByHand(emu);
    expect(done.message).toBe('Snapshot saved in your Google Drive: 5 records.');
    expect(emu.meter.executions.every((e) => !e.error)).toBe(true);
  });

  test('rows sorted under a backup are read again, so every record is in it once', () => {
    const emu = register();
    slowParts(emu);
    const list = backUpByHand(emu, (call) => {
      if (call === 0) sortByName(emu, false);
    });
    emu.hooks.extraCost = undefined;
    expect(emu.logs.some((l) => /rows of Customers moved while it read them; reading it again/.test(l))).toBe(
      true,
    );
    const ids = snapshotIds(emu, list.backups[0].id);
    expect([...ids].sort()).toEqual(
      recordsOf(emu, 'Customers')
        .map((c) => String(c.id))
        .sort(),
    );
    expect(new Set(ids).size).toBe(5);
    // The first pass's part is in the trash, not in the snapshot.
    expect(emu.drive.files.filter((f) => f.trashed)).toHaveLength(1);
    expect(
      nothingDiffers(emu.scriptRun(ADMIN, 'compareBackup', { id: list.backups[0].id }) as Comparison),
    ).toBe(true);
  });

  test('a customer added after Customers was read is in the snapshot: the closing step reads the rows added since', () => {
    const emu = register();
    slowParts(emu);
    let added = false;
    const list = backUpByHand(emu, (call) => {
      if (call !== 2 || added) return;
      added = true;
      emu.hooks.extraCost = undefined;
      emu.scriptRun(ADMIN, 'createCustomer', {
        values: { customerType: 'individual', name: 'Added mid-backup', status: 'active' },
      });
      slowParts(emu);
    });
    emu.hooks.extraCost = undefined;
    expect(added).toBe(true);
    expect(list.backups[0].records).toBe(6);
    expect(snapshotIds(emu, list.backups[0].id)).toHaveLength(6);
    expect(
      nothingDiffers(emu.scriptRun(ADMIN, 'compareBackup', { id: list.backups[0].id }) as Comparison),
    ).toBe(true);
  });

  test('a step killed with its execution is taken again by the next call, and nothing is read twice', () => {
    const emu = register();
    let kill = true;
    emu.hooks.extraCost = (info) => {
      if (info.method !== 'createFile' || !kill) return 0;
      if (emu.drive.files.length === 1) {
        kill = false;
        return 420 * 1000;
      }
      return 0;
    };
    emu.scriptProperties['cr.backup.rows'] = '2';
    expect(() => emu.scriptRun(ADMIN, 'backupNow', {})).toThrow(/Exceeded maximum execution time/);
    emu.hooks.extraCost = undefined;
    const list = backUpByHand(emu);
    expect(snapshotIds(emu, list.backups[0].id)).toEqual(recordsOf(emu, 'Customers').map((c) => c.id));
  });

  test('rows that keep moving stop the backup after three new starts, its files trashed, and the admin is told', () => {
    const emu = register();
    slowParts(emu);
    let ascending = true;
    const list = backUpByHand(emu, () => {
      ascending = !ascending;
      sortByName(emu, ascending);
    });
    emu.hooks.extraCost = undefined;
    expect(list).toMatchObject({ underWay: false, backups: [] });
    expect(list.message).toMatch(
      /^Rows kept moving \(sorted, inserted or deleted\) while the backup read them/,
    );
    expect(emu.drive.files.every((f) => f.trashed)).toBe(true);
    // The next backup starts afresh.
    expect(backUpByHand(emu).backups).toHaveLength(1);
  });

  test('another admin’s backup under way is left to them; after six hours without a step a new one starts, and its files go with its owner’s next backup', () => {
    const emu = register();
    slowParts(emu);
    expect((emu.scriptRun(ADMIN, 'backupNow', {}) as List).underWay).toBe(true);
    const busy = emu.scriptRun(OWNER, 'backupNow', {}) as List;
    expect(busy).toMatchObject({ underWay: false, backups: [] });
    expect(busy.message).toMatch(/^A backup by admin@example.com is under way/);
    emu.hooks.extraCost = undefined;
    emu.advanceClock({ ms: 6 * 60 * 60 * 1000 + 60 * 1000 });
    const mine = emu.scriptRun(OWNER, 'backupNow', {}) as List;
    expect(mine.backups).toEqual([expect.objectContaining({ by: OWNER, records: 5 })]);
    // The dropped backup's part is in the admin's Drive, out of the owner's reach: the admin's next backup trashes it.
    const dropped = () => emu.drive.files.filter((f) => f.owner === ADMIN).map((f) => f.trashed);
    expect(dropped()).toEqual([false]);
    backUpByHand(emu);
    expect(dropped()).toEqual([true, false, false, false, false]);
  });

  test('a register upgraded with an old “backup too long” note loses the note once a backup is complete', () => {
    const old = register();
    old.run(ADMIN, 'turnRemindersOn');
    const state = old.toJSON();
    // What the version before steps recorded when a backup outgrew an execution.
    state.properties.document['cr.care'] = JSON.stringify({
      stalled: { backup: 320000 },
      took: { backup: 320000 },
    });
    const emu = Emulator.fromJSON(state).loadBundle('dist');
    const note = (day: string) =>
      emu.outbox.filter((m) => m.to[0] === ADMIN && m.subject.includes(day)).map((m) => m.body);
    emu.advanceClock(`${TODAY}T01:30:00Z`);
    expect(note(TODAY).join('')).toMatch(/no longer starts the scheduled backup/);
    // The daily run takes the backup in steps all the same, and the next morning's digest has no note.
    expect((emu.scriptRun(ADMIN, 'listBackups', {}) as List).backups).toHaveLength(1);
    emu.advanceClock('2026-11-24T01:30:00Z');
    expect(note('2026-11-24').join('')).not.toMatch(/no longer starts/);
    expect(JSON.parse(emu.toJSON().properties.document['cr.care']).stalled).toEqual({});
  });

  /** Runs `act` once, in the middle of the first step of `fn`: just before it writes its first part file. */
  function duringFirstPart(emu: Emu, fn: string, act: () => void) {
    let done = false;
    emu.hooks.beforeCall = (info) => {
      if (done || info.fn !== fn || info.method !== 'createFile') return;
      done = true;
      act();
    };
  }

  test('a clerk’s save in the middle of a step goes through: a step reads its block without the lock', () => {
    const emu = register();
    let saved: unknown = null;
    duringFirstPart(emu, 'backupNow', () => {
      saved = emu.scriptRun(ADMIN, 'createCustomer', {
        values: { customerType: 'individual', name: 'Saved mid-step', status: 'active' },
      });
    });
    const list = backUpByHand(emu);
    emu.hooks.beforeCall = undefined;
    expect(saved).toMatchObject({ ok: true });
    // Added after its rows were read: the closing step reads it as a further part.
    expect(list.backups[0].records).toBe(6);
    expect(
      nothingDiffers(emu.scriptRun(ADMIN, 'compareBackup', { id: list.backups[0].id }) as Comparison),
    ).toBe(true);
  });

  test('a second Back up now beside the first takes the step once: the slower one’s file goes, no record twice', () => {
    const emu = register();
    let beside: List | null = null;
    duringFirstPart(emu, 'backupNow', () => {
      beside = emu.scriptRun(ADMIN, 'backupNow', {}) as List;
    });
    const list = backUpByHand(emu);
    emu.hooks.beforeCall = undefined;
    expect(beside).toMatchObject({ underWay: false, backups: [expect.objectContaining({ records: 5 })] });
    expect(list.backups).toHaveLength(1);
    expect(snapshotIds(emu, list.backups[0].id)).toEqual(recordsOf(emu, 'Customers').map((c) => c.id));
    // The first call's part of rows 1–2, written while the second took the whole backup, is in the trash.
    expect(emu.drive.files.filter((f) => f.trashed).map((f) => f.name)).toEqual([
      'Customer register backup 2026-11-23 0800 Customers 1.json',
    ]);
  });
});
