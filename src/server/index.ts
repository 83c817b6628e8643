// Every Apps Script global of the add-on: build turns each export into a top-level function Apps Script can find.
import { showSidebar } from '../gas/ui';
import { buildMenu } from './menu';

export { menuSetUpRegister } from './menu-actions';
export { setUpRegister } from './setup';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen) {
  buildMenu(e?.authMode);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  buildMenu(e?.authMode);
}

export function openForm() {
  const user = Session.getActiveUser().getEmail();
  showSidebar({
    user,
    lang: /^zh/i.test(Session.getActiveUserLocale()) ? 'zh' : 'en',
    title: 'Customer Register',
  });
}
