// The edges of the domain's comparisons, each pinned on both sides: a `<` turned into `<=` must fail a test.
import { formatId } from '../../../src/domain/ids';
import { dayNumber } from '../../../src/domain/reminders/civil-date';
import { followUpsDue, propertyDue } from '../../../src/domain/reminders/digest-items';
import { reviewMonths } from '../../../src/domain/reminders/review-schedule';
import { mailbox } from '../../../src/domain/reminders/row';
import { settings } from './reminders/fixtures';

const TODAY = '2026-05-15';
const now = dayNumber(TODAY) as number;
const noCustomers = new Map<string, Record<string, unknown>>();

describe('review cadence', () => {
  test('120 months is the longest cadence taken; 121 means the setting is ignored', () => {
    expect(reviewMonths(settings({ reviewMonthsActive: 120 }), 'active', 'regular')).toBe(120);
    expect(reviewMonths(settings({ reviewMonthsActive: 121 }), 'active', 'regular')).toBeNull();
    expect(reviewMonths(settings({ reviewMonthsActive: 1 }), 'active', 'regular')).toBe(1);
    expect(reviewMonths(settings({ reviewMonthsActive: 0 }), 'active', 'regular')).toBeNull();
  });
});

describe('yearly IDs', () => {
  test('the year must have four digits: 1000 and 9999 are taken, 999 and 10000 refused', () => {
    const f = { style: 'yearly' as const, prefix: 'QY' };
    expect(formatId(f, 1, 1000)).toBe('QY1000000001');
    expect(formatId(f, 1, 9999)).toBe('QY9999000001');
    expect(() => formatId(f, 1, 999)).toThrow(RangeError);
    expect(() => formatId(f, 1, 10000)).toThrow(RangeError);
  });
});

describe('property due back', () => {
  const item = (expectedReturn: string) => ({ id: 'P-1', item: 'Laptop', customerId: 'C-1', expectedReturn });

  test('an item due back exactly `warningDays` ahead is listed; one day later is not yet', () => {
    expect(propertyDue([item('2026-05-22')], now, 7, noCustomers)).toHaveLength(1);
    expect(propertyDue([item('2026-05-23')], now, 7, noCustomers)).toHaveLength(0);
  });
});

describe('follow-ups due', () => {
  const asked = { id: 'I-1', customerId: 'C-1', date: '2026-05-01', nextFollowUp: TODAY };

  test('a follow-up is due on its day, not the day before', () => {
    expect(followUpsDue([asked], now, noCustomers)).toHaveLength(1);
    expect(followUpsDue([asked], now - 1, noCustomers)).toHaveLength(0);
  });

  test('an interaction on the follow-up day answers it; one the day before does not', () => {
    const visit = (date: string) => ({ id: 'I-2', customerId: 'C-1', date, nextFollowUp: '' });
    expect(followUpsDue([asked, visit(TODAY)], now, noCustomers)).toHaveLength(0);
    expect(followUpsDue([asked, visit('2026-05-14')], now, noCustomers)).toHaveLength(1);
  });
});

describe('email addresses', () => {
  test('254 characters is the longest address mailed; 255 is refused', () => {
    const at = (n: number) =>
      `${'a'.repeat(64)}@${'b'.repeat(n - 64 - 1 - 4 - 63 * 2 - 2)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`;
    expect(at(254)).toHaveLength(254);
    expect(mailbox(at(254))).toBe(at(254));
    expect(mailbox(at(255))).toBeNull();
  });
});
