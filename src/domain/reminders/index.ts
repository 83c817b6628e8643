// The review reminders' public face: schedule, plan, log rows and rendered emails, all pure data in and out.
export { addMonths, civilFromDayNumber, dayNumber, parseCivil } from './civil-date';
export type { DetailLine } from './customer-details';
export { customerDetails } from './customer-details';
export { renderDigestEmail } from './digest-email';
export type { DigestCustomer, DigestFollowUp, DigestNote, DigestProperty } from './digest-items';
export type { Blocker, Reachability } from './eligibility';
export { reachByEmail } from './eligibility';
export type { CustomerEmailOptions, OutgoingEmail } from './email';
export { registerLang, renderCustomerEmail } from './email';
export type { SendOutcome } from './outcomes';
export { digestLogRow, emailLogRow, remindedFields, sendingFields, unsentFields } from './outcomes';
export type { PlanCursor, PlanInput, PlannedDigest, PlannedEmail, ReminderPlan } from './plan';
export { planReminders } from './plan';
export type { CycleState, LogEntry, LogRow } from './reminder-log';
export { cycleState, SENDING_OUTCOME, sendingMark } from './reminder-log';
export {
  cadenceOf,
  daysOverdue,
  isDue,
  nextReviewDue,
  reviewCycle,
  reviewMonths,
  scheduleNextReview,
} from './review-schedule';
export type { Row } from './row';
export type { RunFailure, RunFailureReason, RunHistory } from './run-health';
export { mayRun, SILENT_AFTER_MS, silentSince } from './run-health';
