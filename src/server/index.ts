// Every Apps Script global of the add-on: build turns each export into a top-level function Apps Script can find.
import * as customers from './customers';
import { entryPoint } from './entry';
import * as form from './form';
import * as holdings from './holdings';
import * as imports from './import';
import { buildMenu } from './menu';
import * as reminders from './reminders';

// What people call from the sidebar or the menu goes through entryPoint: a bug reaches them as a short
// message in their language and leaves its stack in the log. Trigger handlers stay bare, so a failing
// run keeps its own error in the failure email Apps Script sends.
export const approveCustomer = entryPoint(customers.approveCustomer);
export const checkCustomer = entryPoint(customers.checkCustomer);
export const confirmReview = entryPoint(customers.confirmReview);
export const createCustomer = entryPoint(customers.createCustomer);
export const findCustomers = entryPoint(customers.findCustomers);
export const getCustomer = entryPoint(customers.getCustomer);
export const listPendingReview = entryPoint(customers.listPendingReview);
export const returnCustomer = entryPoint(customers.returnCustomer);
export const updateCustomer = entryPoint(customers.updateCustomer);
export const openForm = entryPoint(form.openForm);
export const checkImport = entryPoint(imports.checkImport);
export const finishImport = entryPoint(imports.finishImport);
export const importCustomers = entryPoint(imports.importCustomers);
export const openImport = entryPoint(imports.openImport);
export const readImportSheet = entryPoint(imports.readImportSheet);
export const findProperty = entryPoint(holdings.findProperty);
export const logInteraction = entryPoint(holdings.logInteraction);
export const receiveProperty = entryPoint(holdings.receiveProperty);
export const updateProperty = entryPoint(holdings.updateProperty);
export const previewReminders = entryPoint(reminders.previewReminders);
export const reminderStatus = entryPoint(reminders.reminderStatus);
export const sendTestReminder = entryPoint(reminders.sendTestReminder);
export const turnRemindersOff = entryPoint(reminders.turnRemindersOff);
export const turnRemindersOn = entryPoint(reminders.turnRemindersOn);
export {
  menuApplyProtections,
  menuCheckProtections,
  menuSetUpRegister,
  menuTurnRemindersOff,
  menuTurnRemindersOn,
} from './menu-actions';
export { applyProtections, checkProtections, guardEdit } from './protections';
export { continueReminders, runReminders } from './reminders';
export { setUpRegister } from './setup';
export { checkPhone } from './values';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen) {
  buildMenu(e?.authMode);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  buildMenu(e?.authMode);
}
