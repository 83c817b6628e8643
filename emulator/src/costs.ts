// The cost model that turns counted service calls into modelled milliseconds: estimates, not measurements.
//
// Calibrated on the figures in shared/gas-behaviour.md section 9: Google's best-practices page says a
// 100×100 grid read and written cell by cell (20,000 calls) takes about 70 s, and one batched read plus
// one batched write about 1 s. 3.5 ms per document call and 0.05 ms per cell reproduce both
// (20,000 × 3.55 ms ≈ 71 s; 2 × 3.5 ms + 20,000 × 0.05 ms ≈ 1 s). Mail and round-trip figures are
// users' reports (0.5–10 s per google.script.run call). Call counts are exact; these numbers are not.

export const costs = {
  /** Fixed cost of one SpreadsheetApp document call (getRange, getValues, setValues, ...). */
  sheetCallMs: 3.5,
  /** Added per cell a call reads or writes. */
  perCellMs: 0.05,
  /** One MailApp.sendEmail. */
  sendEmailMs: 250,
  /** Any other service call (properties, cache, lock, triggers, session). */
  otherCallMs: 2,
  /** Loading the bundle at the start of every execution, per KB of Code.js. */
  loadPerKbMs: 0.25,
  /** Fixed start-up of an execution. */
  startMs: 40,
  /** The browser-to-server round trip of one google.script.run call, on top of the execution. */
  scriptRunRoundTripMs: 600,
} as const;

/** The modelled cost of one call. */
export function callCost(service: string, method: string, cells: number): number {
  if (service === 'SpreadsheetApp') return costs.sheetCallMs + cells * costs.perCellMs;
  if (service === 'MailApp' && method === 'sendEmail') return costs.sendEmailMs;
  return costs.otherCallMs;
}
