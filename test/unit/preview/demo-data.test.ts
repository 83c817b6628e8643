// The preview's demo register follows the add-on's own review cadence, VIP prospects and lost customers included.
import { demoRegister } from '../../../preview/demo-data';
import { addMonths } from '../../../src/domain/reminders/civil-date';
import { reviewMonths } from '../../../src/domain/reminders/review-schedule';
import { defaultSettings } from '../../../src/schema';

const NOW = Date.parse('2026-11-23T02:00:00Z');

test('every approved customer’s review dates are one domain cadence apart; no cadence, no review dates', () => {
  const settings = defaultSettings();
  const customers = demoRegister(NOW).customers;
  let vipWithoutCadence = 0;
  for (const c of customers) {
    const months = reviewMonths(settings, String(c.values.status), String(c.values.tier ?? ''));
    if (months === null) {
      expect([c.values.id ?? c.values.name, c.review]).toEqual([c.values.id ?? c.values.name, undefined]);
      if (c.values.tier === 'vip') vipWithoutCadence++;
    } else if (c.review) expect(addMonths(c.review.lastReviewed, months)).toBe(c.review.nextReviewDue);
  }
  // The case the demo used to get wrong (a VIP prospect reviewed monthly) is in the data.
  expect(vipWithoutCadence).toBeGreaterThan(0);
});
