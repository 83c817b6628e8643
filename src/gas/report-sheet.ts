// A sheet the add-on rewrites whole (Data check, Dashboard): one clear and one block write, whatever the register's size.

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sheet, created at the end of the tabs when missing. */
function reportSheet(ss: Spreadsheet, name: string): Sheet {
  return ss.getSheetByName(name) ?? ss.insertSheet(name, ss.getSheets().length);
}

/**
 * Replaces the sheet's content with `grid` (rows padded to one width). Columns in `textColumns` (1-based)
 * are plain text first, so a value someone typed as '=…' or '007' is shown as typed, never run or parsed.
 */
export function writeReport(
  ss: Spreadsheet,
  name: string,
  grid: unknown[][],
  textColumns: readonly number[],
  widths: readonly number[] = [],
) {
  const sheet = reportSheet(ss, name);
  sheet.clearContents();
  const width = Math.max(1, ...grid.map((r) => r.length));
  const rows = grid.map((r) => [...r, ...new Array(width - r.length).fill('')]);
  if (rows.length > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  if (width > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  for (const c of textColumns) sheet.getRange(1, c, Math.max(rows.length, 1), 1).setNumberFormat('@');
  if (rows.length) sheet.getRange(1, 1, rows.length, width).setValues(rows);
  widths.forEach((w, i) => {
    sheet.setColumnWidth(i + 1, w);
  });
  return sheet;
}

/**
 * Writes `grid` from sheet row `first` on, leaving the rest of the sheet as it is: a report written in steps
 * (its head rewritten, findings appended). Text columns as in writeReport; `width` pads every row.
 */
export function writeReportRows(
  ss: Spreadsheet,
  name: string,
  first: number,
  grid: unknown[][],
  textColumns: readonly number[],
  width: number,
) {
  if (!grid.length) return;
  const sheet = reportSheet(ss, name);
  const last = first + grid.length - 1;
  if (last > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), last - sheet.getMaxRows());
  for (const c of textColumns) sheet.getRange(first, c, grid.length, 1).setNumberFormat('@');
  sheet
    .getRange(first, 1, grid.length, width)
    .setValues(grid.map((r) => [...r, ...new Array(width - r.length).fill('')]));
}
