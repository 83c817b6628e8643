// The lines of a staff digest: customers due for review, property due back, interactions due a follow-up.

import { dayNumber } from './civil-date';
import type { Blocker } from './eligibility';
import type { Row } from './row';
import { text } from './row';

/** Why a due customer is listed, so staff know whether they have anything to do. */
export type DigestNote =
  | 'emailToday'
  | 'emailedThisCycle'
  | 'unknownWhetherSent'
  | 'sendFailed'
  | 'deferred'
  | 'duplicateId'
  | 'consentWithdrawn'
  | Blocker;

export interface DigestCustomer {
  id: string;
  name: string;
  nextReviewDue: string;
  daysOverdue: number;
  note: DigestNote;
  /** The address, channel, error text or time the note refers to. */
  detail: string;
}

export interface DigestProperty {
  id: string;
  item: string;
  customerId: string;
  customerName: string;
  expectedReturn: string;
  /** Negative while the return date is still ahead. */
  daysLate: number;
}

export interface DigestFollowUp {
  id: string;
  customerId: string;
  customerName: string;
  kind: string;
  summary: string;
  nextFollowUp: string;
  daysOverdue: number;
}

export interface Routed<T> {
  /** Staff emails to try in order; the first on the team wins. */
  candidates: string[];
  item: T;
}

/** Items not yet back with their customer whose expected return is past or within `warningDays`. */
export function propertyDue(
  rows: readonly Row[],
  now: number,
  warningDays: number,
  customers: ReadonlyMap<string, Row>,
): Routed<DigestProperty>[] {
  const out: Routed<DigestProperty>[] = [];
  for (const row of rows) {
    if (text(row, 'state') === 'returned' || text(row, 'returnedDate') !== '') continue;
    const expected = dayNumber(text(row, 'expectedReturn'));
    if (expected === null || expected - now > warningDays) continue;
    const customerId = text(row, 'customerId');
    const customer = customers.get(customerId);
    out.push({
      candidates: [
        text(row, 'responsible'),
        customer ? text(customer, 'owner') : '',
        text(row, 'receivedBy'),
      ],
      item: {
        id: text(row, 'id'),
        item: text(row, 'item'),
        customerId,
        customerName: customer ? text(customer, 'name') : '',
        expectedReturn: text(row, 'expectedReturn'),
        daysLate: now - expected,
      },
    });
  }
  return out;
}

/**
 * Follow-ups whose date has come and that no later interaction with the customer has answered: recording
 * the follow-up visit is what closes one, so an old date does not nag for ever.
 */
export function followUpsDue(
  rows: readonly Row[],
  now: number,
  customers: ReadonlyMap<string, Row>,
): Routed<DigestFollowUp>[] {
  const latest = new Map<string, number>();
  for (const row of rows) {
    const day = dayNumber(text(row, 'date'));
    const id = text(row, 'customerId');
    if (day !== null && day > (latest.get(id) ?? -Infinity)) latest.set(id, day);
  }
  const out: Routed<DigestFollowUp>[] = [];
  for (const row of rows) {
    const due = dayNumber(text(row, 'nextFollowUp'));
    if (due === null || due > now) continue;
    const customerId = text(row, 'customerId');
    if ((latest.get(customerId) ?? -Infinity) >= due) continue;
    const customer = customers.get(customerId);
    out.push({
      candidates: [customer ? text(customer, 'owner') : '', text(row, 'staff')],
      item: {
        id: text(row, 'id'),
        customerId,
        customerName: customer ? text(customer, 'name') : '',
        kind: text(row, 'kind'),
        summary: text(row, 'summary'),
        nextFollowUp: text(row, 'nextFollowUp'),
        daysOverdue: now - due,
      },
    });
  }
  return out;
}
