// Rows grouped into blocks for one call each: what the credit run's writes and the reads of picked rows share.
import { rowRuns } from '../../../src/domain/row-runs';

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
