// The Reminder log rows and record fields the adapter writes around each send, so every run records them alike.
import type { PlannedDigest, PlannedEmail } from './plan';
import type { LogRow } from './reminder-log';

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
