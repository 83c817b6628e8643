// Bench scenarios of the register's care: the data check, the dashboard refresh, a backup and a restore's comparison, each one execution at 100,000 customers.
/// <reference types="google-apps-script" />
import type { Emulator } from '../../emulator/src';
import type { BackupList } from '../../src/shared/rpc';
import { fillDueCustomers } from '../../test/fixtures/due-register';
import { workbook } from '../../test/helpers/register';
import { MANAGER, OWNER } from '../../test/helpers/users';
import type { Scenario } from './scenario';

/**
 * The longest a care job may take: the daily run starts any job in an execution under a minute old, and a
 * job must end by 5.5 minutes (src/domain/care/schedule.ts), so 4.5 minutes always fits in a fresh one.
 */
const FITS_A_FRESH_EXECUTION_MS = 4.5 * 60 * 1000;

/** A register with a Manager on the Team and `rows` approved customers, 1,000 of them due for review. */
function register(emu: Emulator, rows: number) {
  emu.run(OWNER, 'setUpRegister');
  const team = workbook(emu).getActive().getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet;
  team.getRange(3, 1, 1, 4).setValues([[MANAGER, 'Wang', 'Manager', true]]);
  fillDueCustomers(emu, rows, { due: 1000, today: '2026-11-23' });
}

export const careScenarios: Scenario[] = [
  {
    name: 'data-check',
    sizes: [1000, 100000],
    // A scan reads every row, so its cells grow with the register; its calls do not (49 at any size).
    budget: { maxSheetCalls: 60, maxExecutionMs: FITS_A_FRESH_EXECUTION_MS },
    async prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      emu.scriptRun(MANAGER, 'runDataCheck', {});
    },
  },
  {
    name: 'dashboard',
    sizes: [1000, 100000],
    // Its calls are fixed: the tables' one write, and a few calls per chart to point it at its table.
    budget: { maxSheetCalls: 220, maxExecutionMs: FITS_A_FRESH_EXECUTION_MS },
    async prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      emu.scriptRun(MANAGER, 'refreshDashboard', {});
    },
  },
  {
    name: 'backup',
    sizes: [1000, 100000],
    // One consistent snapshot is one read of the whole register: its cells grow with it, its calls do not. The
    // daily run starts it only in an execution with the time it took last time still left.
    budget: { maxSheetCalls: 40, maxExecutionMs: FITS_A_FRESH_EXECUTION_MS },
    async prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      emu.scriptRun(OWNER, 'backupNow', {});
    },
  },
  {
    name: 'restore-preview',
    sizes: [1000, 100000],
    // Listing the snapshots, then comparing one with the register as it is now (both read whole).
    budget: { maxSheetCalls: 40, maxExecutionMs: FITS_A_FRESH_EXECUTION_MS },
    async prepare(emu, rows) {
      register(emu, rows);
      emu.scriptRun(OWNER, 'backupNow', {});
    },
    run(emu) {
      const { backups } = emu.scriptRun(OWNER, 'listBackups', {}) as BackupList;
      emu.scriptRun(OWNER, 'compareBackup', { id: backups[0].id });
    },
  },
];
