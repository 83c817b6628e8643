// The review schedule: cadence from status and tier, the next due date and the current review cycle.
import type { Settings } from '../../schema';
import { addMonths, parseCivil } from './civil-date';
import type { Row } from './row';
import { integerSetting, text } from './row';

/** Settings key of the cadence for each customerStatus item. */
const STATUS_CADENCE_SETTING: Readonly<Record<string, string>> = {
  prospect: 'reviewMonthsProspect',
  active: 'reviewMonthsActive',
  inactive: 'reviewMonthsInactive',
  dormant: 'reviewMonthsDormant',
  lost: 'reviewMonthsLost',
};

const VIP_CADENCE_SETTING = 'reviewMonthsVip';

const MAX_MONTHS = 120;

function months(settings: Settings, key: string): number | null {
  const n = integerSetting(settings, key);
  return n !== null && n >= 1 && n <= MAX_MONTHS ? n : null;
}

/**
 * Months between reviews, or null for never. A status whose cadence is blank (prospect and lost by
 * default) is never reviewed even for a VIP: emailing someone the business has lost, or never had, is
 * the mistake to avoid. Otherwise the VIP cadence applies when it is shorter than the status's.
 */
export function reviewMonths(settings: Settings, status: string, tier: string): number | null {
  const key = Object.getOwnPropertyDescriptor(STATUS_CADENCE_SETTING, status)?.value as string | undefined;
  const byStatus = key === undefined ? null : months(settings, key);
  if (byStatus === null) return null;
  const vip = tier === 'vip' ? months(settings, VIP_CADENCE_SETTING) : null;
  return vip !== null && vip < byStatus ? vip : byStatus;
}

function cadenceOf(settings: Settings, customer: Row): number | null {
  return reviewMonths(settings, text(customer, 'status'), text(customer, 'tier'));
}

/** `from` plus whole calendar months, clamped at month end; throws on input the adapter should never pass. */
export function nextReviewDue(from: string, monthsAhead: number): string {
  if (!Number.isInteger(monthsAhead) || monthsAhead < 1)
    throw new RangeError(`Review months must be a positive whole number: ${monthsAhead}`);
  const due = parseCivil(from) ? addMonths(from, monthsAhead) : null;
  if (due === null) throw new RangeError(`Not a yyyy-mm-dd date: ${from}`);
  return due;
}

/**
 * "Next review due" for a record approved or reviewed on `from`, or null when its status is never
 * reviewed (the adapter then clears the cell).
 */
export function scheduleNextReview(settings: Settings, customer: Row, from: string): string | null {
  const n = cadenceOf(settings, customer);
  return n === null ? null : nextReviewDue(from, n);
}

/**
 * The current review cycle is named by the due date it answers. Confirming a review moves "next review
 * due" and so opens a new cycle, while the record's stored cycle and the Reminder log keep pointing at
 * the old one; that comparison is what stops a second email for one cycle.
 */
export function reviewCycle(customer: Row): string | null {
  const due = text(customer, 'nextReviewDue');
  return parseCivil(due) ? due : null;
}
