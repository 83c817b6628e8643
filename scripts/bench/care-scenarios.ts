// Bench scenarios of the register's care at 100,000 customers with their history: the data check in steps, the dashboard, a backup and a restore's comparison in steps.
/// <reference types="google-apps-script" />
import type { Emulator } from '../../emulator/src';
import type { BackupComparison, BackupList, DataCheckReport, StepCursor } from '../../src/shared/rpc';
import { MANAGER, OWNER } from '../../test/helpers/users';
import { register as historyRegister } from './fixture';
import type { Scenario } from './scenario';

/**
 * The longest a care job may take: the daily run starts any job in an execution under a minute old, and a
 * job must end by 5.5 minutes (src/domain/care/schedule.ts), so 4.5 minutes always fits in a fresh one.
 */
const FITS_A_FRESH_EXECUTION_MS = 4.5 * 60 * 1000;

/**
 * The register as the daily run's bench has it after a year of use (scripts/bench/fixture.ts): `rows` customers,
 * 3% due, an interaction each plus the follow-up visits, property for one in ten, a year of Reminder log.
 */
function register(emu: Emulator, rows: number) {
  historyRegister(emu, rows, {
    due: Math.round(rows * 0.03),
    logDays: 365,
    logPerDay: Math.ceil(rows / 365),
  });
}

/** The check from the menu, again until it is done: each call runs the steps that fit, as the daily run does. */
const MAX_CALLS = 20;

/** Back up now until the backup is complete, as the sidebar calls it. */
function backUp(emu: Emulator) {
  for (let call = 0; call < MAX_CALLS; call++)
    if (!(emu.scriptRun(OWNER, 'backupNow', {}) as BackupList).underWay) return;
  throw new Error(`The backup did not end in ${MAX_CALLS} calls.`);
}

export const careScenarios: Scenario[] = [
  {
    name: 'data-check',
    sizes: [1000, 100000],
    // Steps of about a million cells each, as many as fit in an execution: every execution ends in time, however
    // many the register needs. A step's calls are fixed; its cells are its block's.
    budget: { maxSheetCalls: 200, maxExecutionMs: FITS_A_FRESH_EXECUTION_MS },
    async prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      for (let call = 0; call < MAX_CALLS; call++)
        if ((emu.scriptRun(MANAGER, 'runDataCheck', {}) as DataCheckReport).done) return;
      throw new Error(`The data check did not end in ${MAX_CALLS} calls.`);
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
    // Back up now, called again while the backup is under way (as the sidebar does): steps of about a million
    // cells each, as many as fit an execution, so every execution ends in time however large the register.
    budget: { maxSheetCalls: 200, maxExecutionMs: FITS_A_FRESH_EXECUTION_MS },
    async prepare(emu, rows) {
      register(emu, rows);
    },
    run(emu) {
      backUp(emu);
    },
  },
  {
    name: 'restore-preview',
    sizes: [1000, 100000],
    // Listing the snapshots, then comparing one with the register in steps of about a million cells each, as
    // many blocks as fit an execution: every execution ends in time. Calls are fixed per block (the sheet, its
    // header check, its last row, the block; a sheet's ID column at its first block), at most five blocks fit in
    // an execution by time, plus the small sheets read whole: 60 a call, whatever the register's size.
    budget: { maxSheetCalls: 60, maxExecutionMs: FITS_A_FRESH_EXECUTION_MS },
    async prepare(emu, rows) {
      register(emu, rows);
      // However backups are taken (in one call, or in steps while one is under way), one ends here.
      for (let call = 0; (emu.scriptRun(OWNER, 'backupNow', {}) as BackupList).underWay; call++)
        if (call >= MAX_CALLS) throw new Error(`The backup did not end in ${MAX_CALLS} calls.`);
    },
    run(emu) {
      const { backups } = emu.scriptRun(OWNER, 'listBackups', {}) as BackupList;
      let next: StepCursor | null = null;
      for (let call = 0; call < MAX_CALLS; call++) {
        next = (
          emu.scriptRun(
            OWNER,
            'compareBackup',
            next ? { id: backups[0].id, next } : { id: backups[0].id },
          ) as BackupComparison
        ).next;
        if (!next) return;
      }
      throw new Error(`The comparison did not end in ${MAX_CALLS} calls.`);
    },
  },
];
