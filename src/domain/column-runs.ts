// Which contiguous column blocks to read for a set of columns: few reads, few wasted cells.

export interface Run {
  first: number;
  last: number;
}

/** Groups 1-based columns into at most `maxRuns` contiguous runs, merging the closest neighbours first. */
export function columnRuns(columns: readonly number[], maxRuns: number): Run[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last.last + 1) last.last = c;
    else runs.push({ first: c, last: c });
  }
  while (runs.length > Math.max(1, maxRuns)) {
    let best = 0;
    for (let i = 1; i < runs.length - 1; i++) {
      if (runs[i + 1].first - runs[i].last < runs[best + 1].first - runs[best].last) best = i;
    }
    runs.splice(best, 2, { first: runs[best].first, last: runs[best + 1].last });
  }
  return runs;
}
