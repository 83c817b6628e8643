// The import dialog and the sheets it may read: dist/import.html served with its boot data, and a sheet's cells as shown.
import { BOOT_MARKER, bootScript } from '../shared/boot';
import type { ImportBoot } from '../shared/rpc';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A modal dialog wide enough for the preview table; like the sidebar, the page is not evaluated as a template. */
export function showImportDialog(boot: ImportBoot, title: string) {
  const page = HtmlService.createHtmlOutputFromFile('import').getContent();
  const html = HtmlService.createHtmlOutput(page.replace(BOOT_MARKER, () => bootScript(boot)))
    .setWidth(960)
    .setHeight(680);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

export function sheetNames(ss: Spreadsheet): string[] {
  return ss.getSheets().map((s) => s.getName());
}

/** Every cell of a sheet as the person sees it (display values): what a CSV export of it would hold. */
export function sheetText(ss: Spreadsheet, name: string): string[][] | null {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  if (sheet.getLastRow() === 0) return [];
  return sheet.getDataRange().getDisplayValues();
}
