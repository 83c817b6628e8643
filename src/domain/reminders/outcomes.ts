// The Reminder log rows and record fields the adapter writes around each send, so every run records them alike.
import type { PlannedDigest, PlannedEmail } from './plan';
import type { LogRow } from './reminder-log';
import { sendingMark } from './reminder-log';
import { text } from './row';

type SendOutcome = 'sending' | 'sent' | 'failed';

/**
 * Write the 'sending' rows of a batch before sending it and overwrite them with the outcome after: a run
 * killed in between leaves 'sending', which the next plan reads as "unknown whether sent".
 */
export function emailLogRow(email: PlannedEmail, outcome: SendOutcome, detail = ''): LogRow {
  return {
    record: email.customerId,
    recipient: email.recipient,
    kind: 'customerReview',
    cycle: email.cycle,
    outcome,
    detail,
  };
}

export function digestLogRow(digest: PlannedDigest, outcome: SendOutcome, detail = ''): LogRow {
  return {
    record: '',
    recipient: digest.recipient,
    kind: 'managerDigest',
    cycle: digest.cycle,
    outcome,
    detail,
  };
}

/** Written on the customer's row before the send, like the log's 'sending' row: a cleared log cannot undo it. */
export function sendingFields(email: PlannedEmail): { reviewCycle: string } {
  return { reviewCycle: sendingMark(email.cycle) };
}

/** A send that failed or was never attempted: the row gets back the cycle it had. */
export function unsentFields(email: PlannedEmail): { reviewCycle: string } {
  return { reviewCycle: text(email.customer, 'reviewCycle') };
}

/** The customer's own record of the reminder; its stored cycle alone is enough to stop a second email. */
export function remindedFields(
  email: PlannedEmail,
  now: string,
): { lastReminded: string; reviewCycle: string } {
  return { lastReminded: now, reviewCycle: email.cycle };
}
