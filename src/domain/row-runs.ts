// Which blocks of rows to read or write for a set of scattered rows: one call per block, few cells wasted between.

interface RowRun {
  first: number;
  count: number;
}

/**
 * Sorted rows grouped into runs: a row at most `near` rows after the end of a run joins it, the rows
 * between coming along. A caller picks `near` where the cells carried between cost about what a call costs.
 */
export function rowRuns(rows: readonly number[], near: number): RowRun[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: RowRun[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r - (last.first + last.count - 1) <= near) last.count = r - last.first + 1;
    else runs.push({ first: r, count: 1 });
  }
  return runs;
}

/** A sheet call costs about what 70 cells moved cost (3.5 ms against 0.05 ms a cell, emulator/src/costs.ts). */
const CALL_CELLS = 70;
/** A separate block read is two calls: the range, then its values. */
const READ_CALLS = 2;

/**
 * The `near` for reading rows `width` cells wide: the rows between two wanted ones are read along while they
 * cost less than the two calls of a separate read. Narrow reads bridge wide gaps; a whole row, only a few.
 */
export function readGap(width: number): number {
  return Math.max(1, Math.floor((CALL_CELLS * READ_CALLS) / Math.max(1, width)));
}
