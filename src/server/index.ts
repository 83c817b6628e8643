// Every Apps Script global of the add-on: build turns each export into a top-level function Apps Script can find.
import { buildMenu } from './menu';

export {
  approveCustomer,
  checkCustomer,
  confirmReview,
  createCustomer,
  findCustomers,
  getCustomer,
  listPendingReview,
  returnCustomer,
  updateCustomer,
} from './customers';
export { openForm } from './form';
export { findProperty, logInteraction, receiveProperty, updateProperty } from './holdings';
export {
  menuApplyProtections,
  menuCheckProtections,
  menuSetUpRegister,
  menuTurnRemindersOff,
  menuTurnRemindersOn,
} from './menu-actions';
export { applyProtections, checkProtections, guardEdit } from './protections';
export {
  continueReminders,
  previewReminders,
  reminderStatus,
  runReminders,
  sendTestReminder,
  turnRemindersOff,
  turnRemindersOn,
} from './reminders';
export { setUpRegister } from './setup';
export { checkPhone } from './values';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen) {
  buildMenu(e?.authMode);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  buildMenu(e?.authMode);
}
