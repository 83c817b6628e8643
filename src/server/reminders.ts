// Reminder entry points: turn on/off and take over (Admin), the daily trigger and its continuations, preview and a test email.
import { type Lang, t } from '../domain/i18n';
import { mayRun, type RunFailure, registerLang, renderCustomerEmail, silentSince } from '../domain/reminders';
import { roleOf } from '../domain/roles';
import { stalledCareJobs } from '../gas/care-state';
import { remainingQuota, sendMail } from '../gas/mail';
import { planToday, type RunReport, runReminders as runOnce } from '../gas/reminder-run';
import { readHistory, readRunner, recordFailure, recordRunner, recordSuccess } from '../gas/reminder-state';
import {
  CONTINUE,
  clearContinuations,
  deleteOwnTrigger,
  ensureDailyTrigger,
  hasDailyTrigger,
  RUN,
  removeReminderTriggers,
  scheduleContinuation,
} from '../gas/reminder-triggers';
import {
  activeSpreadsheet,
  effectiveUser,
  localTime,
  scriptTimeZone,
  spreadsheetOwner,
  withDocumentLock,
} from '../gas/session';
import { readTeam } from '../gas/team';
import { ownTriggerId } from '../gas/trigger-origin';
import { ADMIN_ONLY } from '../schema';
import type { Api, ReminderPreview, ReminderStatus } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { careDaily } from './care-daily';
import { authorize, type Context, settingsOf } from './context';
import { creditAfterReminders } from './purchases';
import { parseRequest, requests } from './requests';

// The shapes are the sidebar's contract (JSON only); re-exported for the menu and tests.
export type { ReminderPreview, ReminderStatus };

/** The Settings hour, as a trigger can take it. */
function reminderHour(c: Context): number {
  return Math.min(23, Math.max(0, Math.round(Number(settingsOf(c).reminderHour ?? 9))));
}

function failureText(f: RunFailure, lang: Lang): string {
  return f.reason === 'notAdmin'
    ? t(lang, 'reminderRunNotAdmin', { account: f.account })
    : t(lang, 'reminderRunError', { detail: f.detail });
}

function status(c: Context, hour = reminderHour(c)): ReminderStatus {
  const runner = readRunner();
  const runsAs = runner?.by ?? '';
  const history = readHistory();
  const silent = runner ? silentSince(history, Date.now()) : null;
  const zone = scriptTimeZone();
  return {
    // Only the caller's own triggers are visible; for another admin's, the record is all there is.
    on: runsAs === c.email ? hasDailyTrigger() : runsAs !== '',
    runsAs,
    hour,
    spreadsheetTimeZone: c.tz,
    scriptTimeZone: zone,
    timeZonesDiffer: zone !== c.tz,
    runnerIsAdmin: runsAs !== '' && mayRun(roleOf(runsAs, c.owner, c.team)),
    lastSuccess: history.lastSuccess ? localTime(history.lastSuccess, c.tz) : null,
    lastFailure: history.lastFailure
      ? { at: localTime(history.lastFailure.at, c.tz), message: failureText(history.lastFailure, c.lang) }
      : null,
    silentSince: silent ? localTime(silent, c.tz) : null,
    canTakeOver: runsAs !== '' && runsAs !== c.email,
  };
}

export function reminderStatus(req?: unknown): ReminderStatus {
  const c = authorize(ADMIN_ONLY, actions.manageReminders);
  parseRequest(requests.reminderStatus, req ?? {}, c.lang);
  return status(c);
}

/**
 * Installs exactly one daily trigger at the Settings hour in the spreadsheet's time zone, as the caller;
 * running it again repairs it. While another admin runs reminders it takes them over only when asked to:
 * their trigger cannot be deleted from here (only its creator can), so the record of who runs reminders
 * changes and their trigger, finding it is no longer the runner, sends nothing and deletes itself.
 */
export function turnRemindersOn(req?: unknown): ReminderStatus {
  const c = authorize(ADMIN_ONLY, actions.manageReminders);
  const { takeOver } = parseRequest(requests.turnRemindersOn, req ?? {}, c.lang);
  const hour = reminderHour(c);
  withDocumentLock(() => {
    const runner = readRunner();
    const other = runner && runner.by !== c.email ? runner : null;
    if (other && !takeOver) throw new UserError(t(c.lang, 'remindersOwnedByOther', { owner: other.by }));
    const uid = ensureDailyTrigger(hour, c.tz);
    recordRunner(
      { by: c.email, uid, ...(other ? { replaced: { by: other.by, uid: other.uid } } : {}) },
      new Date(),
    );
  });
  return status(c, hour);
}

/** Any Admin may turn reminders off: another admin's trigger is disarmed by the record, as for a takeover. */
export function turnRemindersOff(req?: unknown): ReminderStatus {
  const c = authorize(ADMIN_ONLY, actions.manageReminders);
  parseRequest(requests.turnRemindersOff, req ?? {}, c.lang);
  withDocumentLock(() => {
    removeReminderTriggers();
    recordRunner(null, new Date());
  });
  return status(c);
}

/**
 * What every run checks before it reads or sends anything: started by its own trigger (not by a page's
 * google.script.run, which would send from the caller's account), created by the admin on record as
 * running reminders, who is still an active Admin. A refused run by the runner records why, for every
 * admin to see; a trigger left behind by a takeover or a turn-off removes itself.
 */
function fromTrigger(handler: string, e: unknown): RunReport | null {
  const uid = ownTriggerId(handler, e);
  if (!uid) {
    console.log(`${handler} ignored: not started by its own trigger.`);
    return null;
  }
  const me = effectiveUser();
  const runner = readRunner();
  if (!runner || runner.by !== me) {
    removeReminderTriggers();
    return null;
  }
  if (handler === RUN && runner.uid && runner.uid !== uid) {
    deleteOwnTrigger(uid);
    return null;
  }
  const ss = activeSpreadsheet();
  const now = new Date();
  const owner = spreadsheetOwner(ss);
  if (!mayRun(roleOf(me, owner, readTeam(ss)))) {
    recordFailure({ at: now.toISOString(), reason: 'notAdmin', account: me, detail: '' });
    clearContinuations();
    return null;
  }
  const silent = silentSince(readHistory(), now.getTime());
  let report: RunReport;
  try {
    report = runOnce(ss, now.getTime(), { silentSince: silent, owner, careStalled: stalledCareJobs() });
  } catch (err) {
    const detail = String((err as Error)?.message ?? err).slice(0, 500);
    recordFailure({ at: now.toISOString(), reason: 'error', account: me, detail });
    throw err;
  }
  // Stopped by the clock: pick up a minute later. Done, or stopped by the quota: tomorrow's run goes on.
  if (report.stoppedFor === 'time') scheduleContinuation();
  else if (report.stoppedFor !== 'busy') clearContinuations();
  if (report.stoppedFor !== 'busy') recordSuccess(now);
  if (report.stoppedFor === 'done' || report.stoppedFor === 'quota') creditAfterReminders(ss, now.getTime());
  if (report.stoppedFor !== 'busy') careDaily(ss, now.getTime(), owner);
  console.log(`Reminders ${report.today}: ${JSON.stringify(report)}`);
  return report;
}

/** The daily trigger's handler (runs as the admin who turned reminders on). */
export function runReminders(e?: unknown): RunReport | null {
  return fromTrigger(RUN, e);
}

/** The one-off continuation's handler. */
export function continueReminders(e?: unknown): RunReport | null {
  return fromTrigger(CONTINUE, e);
}

/** A dry run: who would get what today, sending nothing and writing nothing. */
export function previewReminders(req?: unknown): ReminderPreview {
  const c = authorize(ADMIN_ONLY, actions.manageReminders);
  parseRequest(requests.previewReminders, req ?? {}, c.lang);
  const { plan, settings } = planToday(c.ss, c.email, remainingQuota(), { owner: c.owner });
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
export function sendTestReminder(req?: unknown): ReturnType<Api['sendTestReminder']> {
  const c = authorize(ADMIN_ONLY, actions.manageReminders);
  parseRequest(requests.sendTestReminder, req ?? {}, c.lang);
  const { plan, settings } = planToday(c.ss, c.email, remainingQuota(), { owner: c.owner });
  const sample = plan.emails[0]?.customer ?? {
    id: 'C-000000',
    name: registerLang(settings) === 'zh' ? '示例客户' : 'Sample Customer',
    email: c.email,
  };
  const mail = renderCustomerEmail(sample, settings, { to: c.email });
  sendMail(mail);
  return { to: mail.to, subject: mail.subject };
}
