// The spreadsheet UI adapter: the menu, the sidebar page with its boot data, and alerts.
import { BOOT_MARKER, bootScript } from '../shared/boot';
import type { BootData } from '../shared/rpc';

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
export function showSidebar(boot: BootData, title: string) {
  const page = HtmlService.createHtmlOutputFromFile('sidebar').getContent();
  const html = HtmlService.createHtmlOutput(page.replace(BOOT_MARKER, () => bootScript(boot))).setTitle(
    title,
  );
  SpreadsheetApp.getUi().showSidebar(html);
}
