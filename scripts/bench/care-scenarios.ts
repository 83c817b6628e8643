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

/** Calls `call` again until it says the work is done, as the sidebar and the menu do; at most MAX_CALLS times. */
function untilDone(what: string, call: () => boolean) {
  for (let n = 0; n < MAX_CALLS; n++) if (call()) return;
  throw new Error(`${what} did not end in ${MAX_CALLS} calls.`);
}

/** Back up now until the backup is complete, as the sidebar calls it. */
const backUp = (emu: Emulator) =>
  untilDone('The backup', () => !(emu.scriptRun(OWNER, 'backupNow', {}) as BackupList).underWay);

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
      untilDone('The data check', () => (emu.scriptRun(MANAGER, 'runDataCheck', {}) as DataCheckReport).done);
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
      backUp(emu);
    },
    run(emu) {
      const { id } = (emu.scriptRun(OWNER, 'listBackups', {}) as BackupList).backups[0];
      let next: StepCursor | null = null;
      untilDone('The comparison', () => {
        next = (emu.scriptRun(OWNER, 'compareBackup', next ? { id, next } : { id }) as BackupComparison).next;
        return !next;
      });
    },
  },
];
