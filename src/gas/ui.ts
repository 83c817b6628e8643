// The spreadsheet UI adapter: the add-on menu, the sidebar page with its boot data, and the person's language.
import { type Lang, langFromLocale } from '../domain/i18n';
import { BOOT_MARKER, bootScript } from '../shared/boot';
import type { BootData } from '../shared/rpc';
import { userLocale } from './session';

export interface MenuItem {
  caption: string;
  functionName: string;
}

/**
 * The menu goes under Extensions with createAddonMenu(), the one call that works both ways the add-on is
 * installed: as an Editor add-on the sub-menu bears the add-on's name, in a bound script the project's title.
 */
export function addMenu(items: (MenuItem | null)[]) {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) {
    if (item) menu.addItem(item.caption, item.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}

/** In AuthMode.NONE (an add-on installed but not yet used in this file) nothing of the document may be read. */
export function isAuthModeNone(authMode: unknown): boolean {
  return String(authMode) === String(ScriptApp.AuthMode.NONE);
}

/** The language of the person's Google account: readable in every auth mode, unlike their email. */
export function uiLang(): Lang {
  return langFromLocale(userLocale());
}

/** A message in a dialog, with an OK button. */
export function alert(text: string) {
  SpreadsheetApp.getUi().alert(text);
}

/** Asks a yes-or-no question in a dialog; true for yes. */
export function askYesNo(title: string, prompt?: string): boolean {
  const ui = SpreadsheetApp.getUi();
  const answer =
    prompt === undefined
      ? ui.alert(title, ui.ButtonSet.YES_NO)
      : ui.alert(title, prompt, ui.ButtonSet.YES_NO);
  return answer === ui.Button.YES;
}

/** Serves dist/sidebar.html as it was built (it is not a template: the bundle may contain `<?`), with boot data inlined. */
export function showSidebar(boot: BootData, title: string) {
  const page = HtmlService.createHtmlOutputFromFile('sidebar').getContent();
  const html = HtmlService.createHtmlOutput(page.replace(BOOT_MARKER, () => bootScript(boot))).setTitle(
    title,
  );
  SpreadsheetApp.getUi().showSidebar(html);
}
