// The review reminders' public face for the adapters: the plan, its log rows and the rendered emails.
export { renderDigestEmail } from './digest-email';
export type { OutgoingEmail } from './email';
export { registerLang, renderCustomerEmail } from './email';
export { digestLogRow, emailLogRow, remindedFields, sendingFields, unsentFields } from './outcomes';
export type { PlannedDigest, PlannedEmail, ReminderPlan, StalledJob } from './plan';
export { planReminders } from './plan';
export type { LogEntry, LogRow } from './reminder-log';
export { scheduleNextReview } from './review-schedule';
export type { Row } from './row';
export type { RunFailure, RunHistory } from './run-health';
export { mayRun, silentSince } from './run-health';
