// What confirming a customer's details writes, whoever confirms them (the customer's link or staff): one rule.
import type { Settings, WireValue } from '../schema';
import { scheduleNextReview } from './reminders';

/** Last reviewed is today; Next review due moves on by the cadence, which opens a new review cycle. */
export function confirmationStamp(
  settings: Settings,
  record: Readonly<Record<string, WireValue>>,
  today: string,
): { lastReviewed: string; nextReviewDue: string | null } {
  return { lastReviewed: today, nextReviewDue: scheduleNextReview(settings, record, today) };
}
