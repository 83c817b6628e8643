// A data check spread over executions: where it stands between steps, and how many rows a step reads.
import { type SheetScore, scoreOf } from './data-check';

export interface CheckProgress {
  /** When the check started (ISO): the time its report shows. */
  startedAt: string;
  /** The sheet being checked (index in the checked sheets' order) and its next data row (0-based). */
  sheet: number;
  from: number;
  /** Findings so far, those with a safe fix, and those already written to the Data check sheet. */
  findings: number;
  safe: number;
  listed: number;
  /** Records, and records with a finding, per checked sheet so far. */
  tally: { records: number; withProblems: number }[];
  /** The longest step so far (ms): what the next one is expected to take. */
  longestMs: number;
}

/**
 * Cells a step reads of the sheet it checks: about 50 s of the cost model (0.05 ms a cell), so a step of
 * Customers, with the duplicate keys of every row before it, stays near a minute and a few fit in each
 * execution whatever the register's size.
 */
const STEP_CELLS = 1_000_000;

/** Rows a step reads of a sheet `width` columns wide; `override` (a tuning knob) wins when set. */
export function stepRows(width: number, override: number | null): number {
  if (override !== null && override >= 1) return Math.floor(override);
  return Math.max(1, Math.floor(STEP_CELLS / Math.max(1, width)));
}

export function startCheck(at: string, sheets: number): CheckProgress {
  return {
    startedAt: at,
    sheet: 0,
    from: 0,
    findings: 0,
    safe: 0,
    listed: 0,
    tally: Array.from({ length: sheets }, () => ({ records: 0, withProblems: 0 })),
    longestMs: 0,
  };
}

export interface StepResult {
  records: number;
  withProblems: number;
  findings: number;
  safe: number;
  /** Finding rows written to the sheet by this step. */
  listed: number;
  /** The step reached the sheet's last row. */
  ended: boolean;
  tookMs: number;
}

/** Where the check stands after a step. */
export function afterStep(p: CheckProgress, r: StepResult): CheckProgress {
  const tally = p.tally.map((t, i) =>
    i === p.sheet ? { records: t.records + r.records, withProblems: t.withProblems + r.withProblems } : t,
  );
  return {
    ...p,
    sheet: r.ended ? p.sheet + 1 : p.sheet,
    from: r.ended ? 0 : p.from + r.records,
    findings: p.findings + r.findings,
    safe: p.safe + r.safe,
    listed: p.listed + r.listed,
    tally,
    longestMs: Math.max(p.longestMs, r.tookMs),
  };
}

export const isFinished = (p: CheckProgress) => p.sheet >= p.tally.length;

export function scoresOf(p: CheckProgress, sheetNames: readonly string[]): SheetScore[] {
  return p.tally.map((t, i) => ({
    sheet: sheetNames[i],
    records: t.records,
    withProblems: t.withProblems,
    score: scoreOf(t.records, t.withProblems),
  }));
}

/** A check left unfinished this long is started again: its first steps no longer say how the register is. */
const STALE_MS = 24 * 60 * 60 * 1000;

export const isStale = (p: CheckProgress, now: number) => now - Date.parse(p.startedAt) > STALE_MS;
