// The cost model that turns counted service calls into modelled milliseconds: estimates, not measurements.
//
// Every figure is an estimate from shared/gas-behaviour.md section 9; call counts are exact, these numbers
// are not. Sources:
// - Google's best-practices page: a 100×100 grid read and written cell by cell (20,000 calls) takes about
//   70 s, one batched read plus one batched write about 1 s. 3.5 ms per buffered document call and 0.05 ms
//   per cell reproduce both (20,000 × 3.55 ms ≈ 71 s; 2 × 3.5 ms + 20,000 × 0.05 ms ≈ 1 s).
// - Users' benchmarks: a `flush()` per row turns a 4,000-cell write from under 50 ms into about 12 s, and
//   `getLastRow()` in a loop costs 160 s against 0.8 s once: a call that must reach the spreadsheet (a read
//   after a write, a flush) costs tens of milliseconds, one served from the script's buffer a few.
// - PropertiesService `getProperty` ~30 ms (20–84), `setProperty` ~60 ms (43–231); CacheService `put`
//   ~90 ms, `get` ~3 ms; `MailApp.sendEmail` 0.3–1.2 s per message (users' measurements).
// - TextFinder searches on Google's side and returns only the matches (tanaikech's benchmarks): a call,
//   plus a small cost per cell scanned there. No published per-cell figure exists: 0.001 ms (a fiftieth of
//   moving a cell to the script) is this project's estimate.
// - The Sheets advanced service (Sheets.Spreadsheets.batchUpdate / get) is one HTTP request to the Sheets
//   API per call, not served from the script's buffer. No published latency for it from Apps Script exists:
//   300 ms a call, plus the per-cell cost for each request of a batch (its payload), is this project's
//   estimate (about a buffered call plus a sync, times the round trip of an outside request).
// - DriveApp moves a file's content between the script and Drive: no published throughput from Apps Script
//   exists; 10 MB/s (0.1 ms a KB) is this project's estimate. A blob holds at most 50 MB (52,428,800 bytes),
//   the limit users report for DriveApp.createFile and Blob (tanaikech, DownloadLargeFilesByUrl).
// - google.script.run: users report 0.5–10 s per call; 600 ms is the round trip on top of the execution.

export const costs = {
  /** Fixed cost of one SpreadsheetApp document call served from the script's buffer (getRange, setValues, ...). */
  sheetCallMs: 3.5,
  /** Added when a call must reach the spreadsheet: a read or a flush after writes not yet committed. */
  syncMs: 40,
  /** Added per cell a call moves between the spreadsheet and the script. */
  perCellMs: 0.05,
  /** Added per cell a TextFinder scans on Google's side (an estimate: no published figure). */
  scanCellMs: 0.001,
  /** One MailApp.sendEmail: the middle of the 0.3–1.2 s users report. */
  sendEmailMs: 750,
  /** PropertiesService reads and writes (getProperty ~30 ms, setProperty ~60 ms). */
  propertyReadMs: 30,
  propertyWriteMs: 60,
  /** CacheService put ~90 ms, get ~3 ms. */
  cachePutMs: 90,
  cacheGetMs: 3,
  /** One Sheets advanced-service request (batchUpdate or get): an estimate, see above. */
  sheetsApiCallMs: 300,
  /** Per KB of file content DriveApp writes or reads (an estimate: no published figure). */
  driveKbMs: 0.1,
  /** Any other service call (lock, triggers, session, quota). */
  otherCallMs: 2,
  /** Loading the bundle at the start of every execution, per KB of Code.js. */
  loadPerKbMs: 0.25,
  /** Fixed start-up of an execution. */
  startMs: 40,
  /** The browser-to-server round trip of one google.script.run call, on top of the execution. */
  scriptRunRoundTripMs: 600,
} as const;

/** What one call did: cells moved to or from the script, and cells a search scanned on Google's side. */
export interface CallLoad {
  cells: number;
  scanned?: number;
  /** The call had to reach the spreadsheet (writes were pending). */
  synced?: boolean;
}

/** Sheet methods that change the document: later reads must wait for them to be committed. */
const WRITE =
  /\.(set|insert|delete|append|clear|remove|add|protect|move|sort|hide|show|replace|merge|rename|uncheck|check$)/;
/** Sheet methods whose answer lives in the spreadsheet, not in the script's buffer. */
const READ =
  /\.(getValues?|getDisplayValues?|getFormulas?|getLastRow|getLastColumn|getMaxRows|getMaxColumns|getDataRange|find(All|Next|Previous))$/;

/** True when `method` writes the document (pending until a read or a flush commits it). */
export const isSheetWrite = (method: string) => WRITE.test(method);
/** True when `method` must reach the spreadsheet if writes are pending. */
export const needsSync = (method: string) => READ.test(method) || method === 'SpreadsheetApp.flush';

/** The modelled cost of one call. */
export function callCost(service: string, method: string, load: CallLoad): number {
  if (service === 'SpreadsheetApp')
    return (
      costs.sheetCallMs +
      (load.synced ? costs.syncMs : 0) +
      load.cells * costs.perCellMs +
      (load.scanned ?? 0) * costs.scanCellMs
    );
  if (service === 'Sheets') return costs.sheetsApiCallMs + load.cells * costs.perCellMs;
  if (service === 'MailApp' && method === 'sendEmail') return costs.sendEmailMs;
  if (service === 'PropertiesService')
    return /^get/.test(method) ? costs.propertyReadMs : costs.propertyWriteMs;
  if (service === 'CacheService') return /^get/.test(method) ? costs.cacheGetMs : costs.cachePutMs;
  return costs.otherCallMs;
}
