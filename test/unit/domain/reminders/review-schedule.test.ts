// The review schedule: cadence per status and tier, month-end arithmetic, cycles, due and overdue days.
import fc from 'fast-check';
import { addMonths, civilFromDayNumber, dayNumber } from '../../../../src/domain/reminders/civil-date';
import {
  nextReviewDue,
  reviewCycle,
  reviewMonths,
  scheduleNextReview,
} from '../../../../src/domain/reminders/review-schedule';
import { customer, settings } from './fixtures';

describe('reviewMonths with the default settings', () => {
  const s = settings();
  test.each([
    ['active', 'regular', 3],
    ['active', 'key', 3],
    ['active', '', 3],
    ['inactive', 'regular', 6],
    ['dormant', 'regular', 12],
    ['prospect', 'regular', null],
    ['lost', 'regular', null],
    ['active', 'vip', 1],
    ['inactive', 'vip', 1],
    ['dormant', 'vip', 1],
    // A VIP the business has lost, or never won, is still not emailed.
    ['prospect', 'vip', null],
    ['lost', 'vip', null],
    ['', 'vip', null],
    ['unknownStatus', 'regular', null],
    ['constructor', 'regular', null],
  ])('%s / %s → %p', (status, tier, expected) => {
    expect(reviewMonths(s, status, tier)).toBe(expected);
  });
});

describe('reviewMonths with edited settings', () => {
  test('VIP only overrides a status cadence when it is shorter', () => {
    const s = settings({ reviewMonthsVip: 6, reviewMonthsActive: 3, reviewMonthsDormant: 12 });
    expect(reviewMonths(s, 'active', 'vip')).toBe(3);
    expect(reviewMonths(s, 'dormant', 'vip')).toBe(6);
  });

  test('a blank VIP cadence leaves the status cadence', () => {
    expect(reviewMonths(settings({ reviewMonthsVip: null }), 'active', 'vip')).toBe(3);
  });

  test('an admin may turn on reviews of prospects; numbers typed as text count', () => {
    expect(reviewMonths(settings({ reviewMonthsProspect: '24' }), 'prospect', 'regular')).toBe(24);
  });

  test('a cadence that is not a whole number of months from 1 to 120 means never', () => {
    for (const bad of [0, -1, 1.5, 121, 'x', '', true, null])
      expect(reviewMonths(settings({ reviewMonthsActive: bad }), 'active', 'regular')).toBeNull();
  });

  test('a setting missing from the sheet falls back to its default', () => {
    expect(reviewMonths({}, 'dormant', 'regular')).toBe(12);
  });
});

describe('nextReviewDue', () => {
  test('clamps to the end of a shorter month', () => {
    expect(nextReviewDue('2026-01-31', 1)).toBe('2026-02-28');
    expect(nextReviewDue('2028-01-31', 1)).toBe('2028-02-29');
    expect(nextReviewDue('2026-10-31', 1)).toBe('2026-11-30');
    expect(nextReviewDue('2026-05-15', 3)).toBe('2026-08-15');
  });

  test('is after the start and within the months plus three days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('1950-01-01') ?? 0, max: dayNumber('2150-12-31') ?? 0 }),
        fc.integer({ min: 1, max: 120 }),
        (day, months) => {
          const from = civilFromDayNumber(day);
          const due = nextReviewDue(from, months);
          const dueDay = dayNumber(due) ?? Number.NaN;
          expect(dueDay).toBeGreaterThan(day);
          // m months on without clamping: the first of the month moved m months, plus the day of month less one.
          const unclamped =
            (dayNumber(addMonths(`${from.slice(0, 8)}01`, months)) ?? Number.NaN) + Number(from.slice(8)) - 1;
          expect(dueDay).toBeLessThanOrEqual(unclamped);
          expect(unclamped - dueDay).toBeLessThanOrEqual(3);
        },
      ),
    );
  });

  test('refuses a non-date or a non-positive count', () => {
    expect(() => nextReviewDue('2026-02-30', 1)).toThrow(RangeError);
    expect(() => nextReviewDue('2026-02-01', 0)).toThrow(RangeError);
    expect(() => nextReviewDue('2026-02-01', 2.5)).toThrow(RangeError);
  });
});

describe('scheduleNextReview', () => {
  test('uses the customer’s cadence, or clears the date when it is never reviewed', () => {
    const s = settings();
    expect(scheduleNextReview(s, customer({ tier: 'vip' }), '2026-01-31')).toBe('2026-02-28');
    expect(scheduleNextReview(s, customer({ status: 'dormant' }), '2026-01-31')).toBe('2027-01-31');
    expect(scheduleNextReview(s, customer({ status: 'lost' }), '2026-01-31')).toBeNull();
  });
});

describe('cycle and lateness', () => {
  test('the cycle is the due date it answers; none without a valid due date', () => {
    expect(reviewCycle(customer())).toBe('2026-05-01');
    expect(reviewCycle(customer({ nextReviewDue: '' }))).toBeNull();
    expect(reviewCycle(customer({ nextReviewDue: 'soon' }))).toBeNull();
  });

  test('a confirmed review moves the due date and so opens a new cycle', () => {
    const before = customer();
    const after = { ...before, nextReviewDue: nextReviewDue('2026-05-10', 3), lastReviewed: '2026-05-10' };
    expect(reviewCycle(after)).toBe('2026-08-10');
    expect(reviewCycle(after)).not.toBe(reviewCycle(before));
  });
});
