// The reminders' triggers: exactly one daily run at the Settings hour in the spreadsheet's time zone, and one-off continuations.
import { PROPERTY_KEYS } from './property-keys';

export const RUN = 'runReminders';
export const CONTINUE = 'continueReminders';

// Apps Script lists only the triggers of the account running this code: another admin's are invisible here.
const mine = (handler: string) =>
  ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);

/** Installs the daily trigger, or repairs it: never two, always at `hour` in `timeZone`. Returns its ID. */
export function ensureDailyTrigger(hour: number, timeZone: string): string {
  const existing = mine(RUN);
  const props = PropertiesService.getDocumentProperties();
  const wanted = `${hour}@${timeZone}`;
  if (existing.length === 1 && props.getProperty(PROPERTY_KEYS.reminderSchedule) === wanted)
    return existing[0].getUniqueId();
  for (const t of existing) ScriptApp.deleteTrigger(t);
  const t = ScriptApp.newTrigger(RUN).timeBased().everyDays(1).atHour(hour).inTimezone(timeZone).create();
  props.setProperty(PROPERTY_KEYS.reminderSchedule, wanted);
  return t.getUniqueId();
}

/** Deletes this account's reminder triggers (another admin's cannot be deleted: the runner record disarms those). */
export function removeReminderTriggers() {
  for (const t of [...mine(RUN), ...mine(CONTINUE)]) ScriptApp.deleteTrigger(t);
}

/** One continuation a minute from now; spent ones are deleted first, as one-off triggers stay listed after firing. */
export function scheduleContinuation() {
  for (const t of mine(CONTINUE)) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(CONTINUE)
    .timeBased()
    .after(60 * 1000)
    .create();
}

export function clearContinuations() {
  for (const t of mine(CONTINUE)) ScriptApp.deleteTrigger(t);
}

/** Deletes one of this account's triggers by ID (a duplicate daily trigger found firing). */
export function deleteOwnTrigger(uid: string) {
  for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === uid) ScriptApp.deleteTrigger(t);
}

export function hasDailyTrigger(): boolean {
  return mine(RUN).length > 0;
}
