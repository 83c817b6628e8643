// Civil-date arithmetic: day numbers round-trip, invalid dates are refused, months clamp at month end.
import fc from 'fast-check';
import {
  addMonths,
  civilFromDayNumber,
  dayNumber,
  parseCivil,
} from '../../../../src/domain/reminders/civil-date';

describe('dayNumber', () => {
  test('counts days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01')).toBe(11017);
    expect(dayNumber('2026-05-15')).toBe(20588);
  });

  test('refuses what is not a calendar date', () => {
    for (const bad of [
      '2026-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-04-31',
      '2025-4-1',
      '',
      '20250401',
      null,
      5,
    ])
      expect(dayNumber(bad)).toBeNull();
    expect(parseCivil('2024-02-29')).toEqual([2024, 2, 29]);
  });

  test('round-trips through civilFromDayNumber and agrees with UTC calendar arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400_000, max: 2_900_000 }), (n) => {
        const date = civilFromDayNumber(n);
        expect(dayNumber(date)).toBe(n);
        // UTC has no daylight saving, so it is a fair oracle for the civil calendar.
        expect(date).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('addMonths', () => {
  test.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-05-15', 120, '2036-05-15'],
    ['2026-05-15', -5, '2025-12-15'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  test('refuses an invalid date or a fractional count', () => {
    expect(addMonths('2026-02-30', 1)).toBeNull();
    expect(addMonths('2026-01-01', 1.5)).toBeNull();
  });
});
