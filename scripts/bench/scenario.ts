// What a bench scenario is: fixture building that is not measured, then the measured step in the emulator.
import type { Emulator } from '../../emulator/src';

export interface Scenario {
  name: string;
  /** Register sizes (customers) to run at; the sheet calls of a scenario should not depend on them. */
  sizes: number[];
  /** Builds the register at `rows` customers: not measured. */
  prepare(emu: Emulator, rows: number): Promise<void>;
  /** The measured step: everything the emulator's meter records from here on counts. */
  run(emu: Emulator, rows: number): void;
}

export interface BenchRow {
  scenario: string;
  rows: number;
  sheetCalls: number;
  mailCalls: number;
  cells: number;
  modelledMs: number;
  computeMs: number;
  heapMB: number;
  executions: number;
  maxExecutionMs: number;
  /** The most sheet calls any one execution made: budgets are per execution. */
  maxSheetCalls: number;
}
