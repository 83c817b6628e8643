// Per-execution records of every service call, the cells it moved and the modelled time: what `npm run bench` reports.

export interface ExecutionRecord {
  id: number;
  fn: string;
  user: string;
  kind: string;
  startedAt: number;
  /** Modelled milliseconds from start to end (cost model + sleeps + lock waits). */
  modelledMs: number;
  /** Wall-clock milliseconds of the script's own code: the execution's time less what the emulated services took. */
  computeMs: number;
  /** Wall-clock milliseconds inside emulated service calls (their cost in Apps Script is modelledMs). */
  serviceMs: number;
  calls: Record<string, number>;
  sheetCalls: number;
  mailCalls: number;
  /** Cells moved between the spreadsheet and the script. */
  cells: number;
  /** Cells a TextFinder scanned on Google's side: priced, but never sent to the script. */
  scanned: number;
  /** Calls that had to reach the spreadsheet because writes were pending (a read after a write, a flush). */
  syncs: number;
  error?: string;
}

export class Meter {
  readonly executions: ExecutionRecord[] = [];

  start(
    rec: Omit<
      ExecutionRecord,
      | 'calls'
      | 'sheetCalls'
      | 'mailCalls'
      | 'cells'
      | 'scanned'
      | 'syncs'
      | 'modelledMs'
      | 'computeMs'
      | 'serviceMs'
    >,
  ) {
    const full: ExecutionRecord = {
      ...rec,
      calls: {},
      sheetCalls: 0,
      mailCalls: 0,
      cells: 0,
      scanned: 0,
      syncs: 0,
      modelledMs: 0,
      computeMs: 0,
      serviceMs: 0,
    };
    this.executions.push(full);
    return full;
  }

  static count(
    rec: ExecutionRecord,
    service: string,
    method: string,
    cells: number,
    scanned = 0,
    synced = false,
  ) {
    const key = `${service}.${method}`;
    rec.calls[key] = (rec.calls[key] ?? 0) + 1;
    // An advanced Sheets call is one request to the spreadsheet, like a SpreadsheetApp call: the same unit.
    if (service === 'SpreadsheetApp' || service === 'Sheets') rec.sheetCalls++;
    if (service === 'MailApp' && method === 'sendEmail') rec.mailCalls++;
    rec.cells += cells;
    rec.scanned += scanned;
    if (synced) rec.syncs++;
  }

  /** Sums of the executions recorded since `from` (an index into executions). */
  totals(from = 0) {
    const list = this.executions.slice(from);
    return {
      executions: list.length,
      sheetCalls: sum(list, (e) => e.sheetCalls),
      mailCalls: sum(list, (e) => e.mailCalls),
      cells: sum(list, (e) => e.cells),
      scanned: sum(list, (e) => e.scanned),
      maxCells: Math.max(0, ...list.map((e) => e.cells)),
      modelledMs: sum(list, (e) => e.modelledMs),
      maxExecutionMs: Math.max(0, ...list.map((e) => e.modelledMs)),
      maxSheetCalls: Math.max(0, ...list.map((e) => e.sheetCalls)),
      computeMs: sum(list, (e) => e.computeMs),
    };
  }

  get last(): ExecutionRecord | undefined {
    return this.executions[this.executions.length - 1];
  }
}

function sum<T>(list: T[], f: (t: T) => number) {
  return list.reduce((a, t) => a + f(t), 0);
}
