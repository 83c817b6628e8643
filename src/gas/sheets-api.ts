// The Sheets advanced service: many changes to the file in one request, and one read of what they compare.
//
// Enabled in appsscript.json (dependencies.enabledAdvancedServices, userSymbol `Sheets`, v4) under the
// `spreadsheets` scope the manifest already lists. A batch is all or nothing: one invalid request, or one
// that touches a range the caller may not edit, and none is applied.

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type SheetsRequest = GoogleAppsScript.Sheets.Schema.Request;
type SheetsFile = GoogleAppsScript.Sheets.Schema.Spreadsheet;

/** Typed as optional because a project may not enable it; this one's manifest does (a test holds it). */
const service = () => Sheets as GoogleAppsScript.Sheets;

const ids = new WeakMap<Spreadsheet, string>();
/** The file's ID, asked for once per handle: every API call names it. */
function idOf(ss: Spreadsheet): string {
  let id = ids.get(ss);
  if (id === undefined) {
    id = ss.getId();
    ids.set(ss, id);
  }
  return id;
}

/**
 * Sends `requests` in one call. SpreadsheetApp keeps its writes in the script's buffer and the API does not
 * see them, so they are flushed first: a request may then refer to a sheet or column just added.
 */
export function batchUpdate(ss: Spreadsheet, requests: readonly SheetsRequest[]): void {
  if (!requests.length) return;
  SpreadsheetApp.flush();
  service().Spreadsheets.batchUpdate({ requests: [...requests] }, idOf(ss));
}

/**
 * The parts of the file a `fields` mask names, in one call, after SpreadsheetApp's pending writes; grid data
 * only of the sheets `ranges` names, when given.
 */
export function readFile(ss: Spreadsheet, fields: string, ranges?: readonly string[]): SheetsFile {
  SpreadsheetApp.flush();
  return service().Spreadsheets.get(idOf(ss), ranges ? { fields, ranges: [...ranges] } : { fields });
}
