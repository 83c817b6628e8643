// What a bench scenario is: fixture building that is not measured, the measured step in the emulator, and its budget.
import type { Emulator } from '../../emulator/src';

/** Limits a scenario's rows must stay within; `npm run bench` exits non-zero when one is broken. */
export interface Budget {
  /** The most sheet calls any one execution may make. */
  maxSheetCalls?: number;
  /** The longest execution, modelled milliseconds. */
  maxExecutionMs?: number;
  /** Sheet calls and cells moved may differ between sizes by at most this fraction (0.05 = 5%). */
  sameAtSizes?: number;
  /** Cells moved and modelled time within this fraction of another scenario's at the same size. */
  like?: { scenario: string; within: number };
  /** The most kilobytes (1,024 bytes) the artifact may weigh. */
  maxKb?: number;
  /** The most google.script.run calls before the user can work. */
  maxRoundTrips?: number;
}

export interface Scenario {
  name: string;
  /** Register sizes (customers) to run at. */
  sizes: number[];
  budget: Budget;
  /** When the emulator's clock starts (default 2026-11-23T00:00:00Z, 08:00 in Shanghai). */
  start?: string;
  /** Builds the register at `rows` customers: not measured. */
  prepare(emu: Emulator, rows: number): Promise<void> | void;
  /** The measured step: everything the emulator's meter records from here on counts. */
  run(emu: Emulator, rows: number): void;
  /** Extra measures of the scenario's artifact (the sidebar's size, round trips before it is usable). */
  extra?(emu: Emulator): Partial<Pick<BenchRow, 'kb' | 'roundTrips'>>;
}

export interface BenchRow {
  scenario: string;
  rows: number;
  sheetCalls: number;
  mailCalls: number;
  /** Cells moved between the spreadsheet and the script. */
  cells: number;
  modelledMs: number;
  computeMs: number;
  heapMB: number;
  executions: number;
  maxExecutionMs: number;
  /** The most sheet calls any one execution made: budgets are per execution. */
  maxSheetCalls: number;
  /** Cells TextFinder scanned on Google's side (priced in modelledMs, never moved). */
  scanned: number;
  kb?: number;
  roundTrips?: number;
  /** Set when the scenario threw: the row breaks its budget. */
  error?: string;
}
