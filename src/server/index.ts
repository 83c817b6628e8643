// Every Apps Script global of the add-on: build turns each export into a top-level function Apps Script can find.

import type { Served } from '../shared/rpc';
import * as backups from './backups';
import * as care from './care';
import * as changeRequests from './change-requests';
import * as card from './customer-card';
import * as customers from './customers';
import { entryPoint } from './entry';
import * as form from './form';
import * as holdings from './holdings';
import * as imports from './import';
import { buildMenu } from './menu';
import * as work from './my-work';
import * as print from './print';
import * as purchases from './purchases';
import * as reminders from './reminders';
import * as values from './values';

// What people call from the sidebar or the menu goes through entryPoint: a bug reaches them as a short
// message in their language and leaves its stack in the log. Trigger handlers stay bare, so a failing
// run keeps its own error in the failure email Apps Script sends.
/** The sidebar's functions, checked against its contract: one missing, extra or returning another shape does not compile. */
const sidebar = {
  approveCustomer: entryPoint(customers.approveCustomer),
  confirmReview: entryPoint(customers.confirmReview),
  createCustomer: entryPoint(customers.createCustomer),
  findCustomers: entryPoint(customers.findCustomers),
  getCustomer: entryPoint(customers.getCustomer),
  listPendingReview: entryPoint(customers.listPendingReview),
  returnCustomer: entryPoint(customers.returnCustomer),
  updateCustomer: entryPoint(customers.updateCustomer),
  findProperty: entryPoint(holdings.findProperty),
  logInteraction: entryPoint(holdings.logInteraction),
  receiveProperty: entryPoint(holdings.receiveProperty),
  updateProperty: entryPoint(holdings.updateProperty),
  previewReminders: entryPoint(reminders.previewReminders),
  reminderStatus: entryPoint(reminders.reminderStatus),
  sendTestReminder: entryPoint(reminders.sendTestReminder),
  turnRemindersOff: entryPoint(reminders.turnRemindersOff),
  turnRemindersOn: entryPoint(reminders.turnRemindersOn),
  checkPhone: entryPoint(values.checkPhone),
  runDataCheck: entryPoint(care.runDataCheck),
  applyDataFixes: entryPoint(care.applyDataFixes),
  refreshDashboard: entryPoint(care.refreshDashboard),
  backupNow: entryPoint(backups.backupNow),
  listBackups: entryPoint(backups.listBackups),
  compareBackup: entryPoint(backups.compareBackup),
  restoreBackup: entryPoint(backups.restoreBackup),
  decideChanges: entryPoint(changeRequests.decideChanges),
  listChangeRequests: entryPoint(changeRequests.listChangeRequests),
  myWork: entryPoint(work.myWork),
  customerCard: entryPoint(card.customerCard),
  printCustomerCard: entryPoint(print.printCustomerCard),
  printPropertyReceipt: entryPoint(print.printPropertyReceipt),
  recordPurchase: entryPoint(purchases.recordPurchase),
  updatePurchase: entryPoint(purchases.updatePurchase),
  writeOffPurchase: entryPoint(purchases.writeOffPurchase),
  checkImport: entryPoint(imports.checkImport),
  importCustomers: entryPoint(imports.importCustomers),
  readImportSheet: entryPoint(imports.readImportSheet),
  finishImport: entryPoint(imports.finishImport),
} satisfies Served;

export const {
  approveCustomer,
  confirmReview,
  createCustomer,
  findCustomers,
  getCustomer,
  listPendingReview,
  returnCustomer,
  updateCustomer,
  findProperty,
  logInteraction,
  receiveProperty,
  updateProperty,
  previewReminders,
  reminderStatus,
  sendTestReminder,
  turnRemindersOff,
  turnRemindersOn,
  checkPhone,
  runDataCheck,
  applyDataFixes,
  refreshDashboard,
  backupNow,
  listBackups,
  compareBackup,
  restoreBackup,
  decideChanges,
  listChangeRequests,
  myWork,
  customerCard,
  printCustomerCard,
  printPropertyReceipt,
  recordPurchase,
  updatePurchase,
  writeOffPurchase,
  checkImport,
  importCustomers,
  readImportSheet,
  finishImport,
} = sidebar;
export const openImport = entryPoint(imports.openImport);
export const openForm = entryPoint(form.openForm);
export { menuBackupNow, menuRefreshDashboard, menuRunDataCheck } from './care-menu';
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
export { doGet, doPost } from './web-app';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen) {
  buildMenu(e?.authMode);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  buildMenu(e?.authMode);
}
