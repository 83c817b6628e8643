// The spreadsheet UI adapter: the menu, the sidebar page with its boot data, and alerts.
import { BOOT_MARKER, type BootData, bootScript } from '../shared/boot';

export interface MenuItem {
  caption: string;
  functionName: string;
}

export function addMenu(title: string, items: (MenuItem | null)[]) {
  const menu = SpreadsheetApp.getUi().createMenu(title);
  for (const item of items) {
    if (item) menu.addItem(item.caption, item.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** Serves dist/sidebar.html as it was built (it is not a template: the bundle may contain `<?`), with boot data inlined. */
export function showSidebar(boot: BootData) {
  const page = HtmlService.createHtmlOutputFromFile('sidebar').getContent();
  const html = HtmlService.createHtmlOutput(page.replace(BOOT_MARKER, () => bootScript(boot))).setTitle(
    boot.title,
  );
  SpreadsheetApp.getUi().showSidebar(html);
}
