// The reminders' triggers: exactly one daily run at the Settings hour in the spreadsheet's time zone, and one-off continuations.

export const RUN = 'runReminders';
export const CONTINUE = 'continueReminders';

const mine = (handler: string) =>
  ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);

/** Installs the daily trigger, or repairs it: never two, always at `hour` in `timeZone`. Returns whether one was created. */
export function ensureDailyTrigger(hour: number, timeZone: string): boolean {
  const existing = mine(RUN);
  const props = PropertiesService.getDocumentProperties();
  const wanted = `${hour}@${timeZone}`;
  if (existing.length === 1 && props.getProperty('cr.reminders.schedule') === wanted) return false;
  for (const t of existing) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(RUN).timeBased().everyDays(1).atHour(hour).inTimezone(timeZone).create();
  props.setProperty('cr.reminders.schedule', wanted);
  return true;
}

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

export function hasDailyTrigger(): boolean {
  return mine(RUN).length > 0;
}
