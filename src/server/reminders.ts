// Reminder entry points: turn on/off (Admin), the daily trigger and its continuations, preview and a test email.
import { t } from '../domain/i18n';
import { registerLang, renderCustomerEmail } from '../domain/reminders';
import { planToday, type RunReport, runReminders as runOnce } from '../gas/reminder-run';
import {
  clearContinuations,
  ensureDailyTrigger,
  hasDailyTrigger,
  removeReminderTriggers,
  scheduleContinuation,
} from '../gas/reminder-triggers';
import { ADMIN_ONLY } from '../schema';
import type { Api, ReminderPreview, ReminderStatus } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { authorize, settingsOf } from './context';

// The shapes are the sidebar's contract (JSON only); re-exported for the menu and tests.
export type { ReminderPreview, ReminderStatus };

const OWNER = 'cr.reminders.owner';

/** The Settings hour, as a trigger can take it. */
function reminderHour(c: ReturnType<typeof authorize>): number {
  return Math.min(23, Math.max(0, Math.round(Number(settingsOf(c).reminderHour ?? 9))));
}

function status(c: ReturnType<typeof authorize>, hour = reminderHour(c)): ReminderStatus {
  const props = PropertiesService.getDocumentProperties();
  const owner = props.getProperty(OWNER) ?? '';
  const scriptTimeZone = Session.getScriptTimeZone();
  return {
    // Only the owner's own triggers are visible; for another admin's, the record is all there is.
    on: owner === c.email ? hasDailyTrigger() : owner !== '',
    runsAs: owner,
    hour,
    spreadsheetTimeZone: c.tz,
    scriptTimeZone,
    timeZonesDiffer: scriptTimeZone !== c.tz,
  };
}

export function reminderStatus(_req?: unknown): ReminderStatus {
  return status(authorize(ADMIN_ONLY, actions.manageReminders));
}

/** Installs exactly one daily trigger at the Settings hour in the spreadsheet's time zone; running it again repairs it. */
export function turnRemindersOn(_req?: unknown): ReminderStatus {
  const c = authorize(ADMIN_ONLY, actions.manageReminders);
  const props = PropertiesService.getDocumentProperties();
  const owner = props.getProperty(OWNER);
  // Triggers belong to the person who made them; another admin's cannot be seen or repaired from here.
  if (owner && owner !== c.email) throw new UserError(t(c.lang, 'remindersOwnedByOther', { owner }));
  const hour = reminderHour(c);
  ensureDailyTrigger(hour, c.tz);
  props.setProperty(OWNER, c.email);
  return status(c, hour);
}

export function turnRemindersOff(_req?: unknown): ReminderStatus {
  const c = authorize(ADMIN_ONLY, actions.manageReminders);
  const props = PropertiesService.getDocumentProperties();
  const owner = props.getProperty(OWNER);
  if (owner && owner !== c.email) throw new UserError(t(c.lang, 'remindersOwnedByOther', { owner }));
  removeReminderTriggers();
  props.deleteProperty(OWNER);
  return status(c);
}

function run(): RunReport {
  const startedAt = Date.now();
  const report = runOnce(SpreadsheetApp.getActive(), startedAt);
  // Stopped by the clock: pick up a minute later. Done, or stopped by the quota: tomorrow's run goes on.
  if (report.stoppedFor === 'time') scheduleContinuation();
  else if (report.stoppedFor !== 'busy') clearContinuations();
  console.log(`Reminders ${report.today}: ${JSON.stringify(report)}`);
  return report;
}

/** The daily trigger's handler (runs as the admin who turned reminders on). */
export function runReminders(): RunReport {
  return run();
}

/** The one-off continuation's handler. */
export function continueReminders(): RunReport {
  return run();
}

/** A dry run: who would get what today, sending nothing and writing nothing. */
export function previewReminders(_req?: unknown): ReminderPreview {
  const c = authorize(ADMIN_ONLY, actions.manageReminders);
  const { plan, settings } = planToday(c.ss, c.email, MailApp.getRemainingDailyQuota());
  return {
    today: plan.today,
    emails: plan.emails.map((e) => ({
      customerId: e.customerId,
      recipient: e.recipient,
      subject: renderCustomerEmail(e.customer, settings).subject,
      daysOverdue: e.daysOverdue,
    })),
    digests: plan.digests.map((d) => ({
      recipient: d.recipient,
      customers: d.customers.length,
      property: d.property.length,
      followUps: d.followUps.length,
    })),
    deferred: plan.deferred.length,
    skipped: plan.log.map((r) => ({ record: r.record, outcome: r.outcome })),
  };
}

/** Sends the first customer email of today's plan (or a sample) to the admin asking, to see what customers get. */
export function sendTestReminder(_req?: unknown): ReturnType<Api['sendTestReminder']> {
  const c = authorize(ADMIN_ONLY, actions.manageReminders);
  const { plan, settings } = planToday(c.ss, c.email, MailApp.getRemainingDailyQuota());
  const sample = plan.emails[0]?.customer ?? {
    id: 'C-000000',
    name: registerLang(settings) === 'zh' ? '示例客户' : 'Sample Customer',
    email: c.email,
  };
  const mail = renderCustomerEmail(sample, settings, { to: c.email });
  MailApp.sendEmail(mail.to, mail.subject, mail.body, {
    htmlBody: mail.htmlBody,
    name: mail.name,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
  });
  return { to: mail.to, subject: mail.subject };
}
