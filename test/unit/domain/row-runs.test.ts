// Rows grouped into blocks for one call each: what the credit run's writes and the reads of picked rows share.
import { readGap, rowRuns } from '../../../src/domain/row-runs';

test('rows within `near` of a run join it, the rows between coming along; farther rows start a run', () => {
  expect(rowRuns([10, 2, 3, 7, 30], 3)).toEqual([
    { first: 2, count: 2 },
    { first: 7, count: 4 },
    { first: 30, count: 1 },
  ]);
  expect(rowRuns([10, 2, 3, 7, 30], 64)).toEqual([{ first: 2, count: 29 }]);
});

test('repeated rows count once; no rows, no runs', () => {
  expect(rowRuns([5, 5, 6], 1)).toEqual([{ first: 5, count: 2 }]);
  expect(rowRuns([5, 6], 0)).toHaveLength(2);
  expect(rowRuns([], 3)).toEqual([]);
});

test('the gap bridged follows the width read: a call costs what about 70 cells do, a separate read two calls', () => {
  // Two columns: rows 60 apart are cheaper read along (120 cells) than read apart (two calls, 140 cells).
  expect(readGap(2)).toBe(70);
  expect(readGap(21)).toBe(6);
  expect(readGap(33)).toBe(4);
  // Never less than neighbours: adjacent rows always share a read.
  expect(readGap(500)).toBe(1);
  expect(rowRuns([2, 62, 200], readGap(2))).toEqual([
    { first: 2, count: 61 },
    { first: 200, count: 1 },
  ]);
});
