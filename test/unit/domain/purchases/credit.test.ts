// Credit figures and payment states from purchases: the rules the daily run and every save share.
import { creditFigures, overdueTick } from '../../../../src/domain/purchases/credit';
import { paymentStateOf } from '../../../../src/domain/purchases/payment-state';

const TODAY = '2026-11-23';
const p = (o: Record<string, unknown>) => ({
  customerId: 'C-1',
  amount: 100,
  currency: 'CNY',
  date: '2026-10-01',
  dueDate: null,
  paidDate: null,
  paymentState: null,
  ...o,
});

describe('paymentStateOf', () => {
  test.each([
    [{ paidDate: '2026-11-01' }, 'paid'],
    [{ dueDate: '2026-11-22' }, 'overdue'],
    [{ dueDate: TODAY }, 'due'],
    [{ dueDate: null, date: TODAY }, 'due'],
    [{ dueDate: null, date: '2026-11-01' }, 'overdue'],
    [{ dueDate: '2026-11-01', paymentState: 'writtenOff' }, 'writtenOff'],
  ])('%j → %s', (o, state) => {
    expect(paymentStateOf(p(o), TODAY)).toBe(state);
  });
});

describe('creditFigures', () => {
  test('a customer without purchases has no entry; IDs match in any case', () => {
    const f = creditFigures([p({ customerId: ' c-1 ' })], TODAY, 'CNY');
    expect([...f.keys()]).toEqual(['c-1']);
  });

  test('other currencies count but are not added to the default-currency sums', () => {
    const f = creditFigures(
      [
        p({ amount: 10.1, paidDate: '2026-10-01' }),
        p({ amount: 20.2, currency: 'USD', dueDate: '2026-11-01' }),
      ],
      TODAY,
      'CNY',
    ).get('c-1');
    expect(f).toMatchObject({
      purchaseCount: 2,
      purchaseTotal: 10.1,
      overdueAmount: 0,
      overdueDerived: true,
    });
  });

  test('a written-off debt leaves the overdue amount but stays an episode and counts against the rate', () => {
    const f = creditFigures(
      [
        p({ dueDate: '2026-10-10', paymentState: 'writtenOff' }),
        p({ dueDate: '2026-10-10', paidDate: '2026-10-09' }),
      ],
      TODAY,
      'CNY',
    ).get('c-1');
    expect(f).toMatchObject({ overdueAmount: 0, overdueEpisodes: 1, onTimeRate: 0.5, overdueDerived: false });
  });

  test('nothing fallen due yet: no rate rather than 0 %', () => {
    expect(creditFigures([p({ dueDate: '2026-12-01' })], TODAY, 'CNY').get('c-1')?.onTimeRate).toBeNull();
  });
});

describe('overdueTick', () => {
  test.each([
    // current, last derived, derived → tick
    [false, false, true, true],
    [true, true, false, false],
    [false, true, true, false],
    [false, true, false, false],
    [true, false, false, true],
  ])('%s / %s / %s → %s', (current, last, derived, tick) => {
    expect(overdueTick(current, last, derived)).toBe(tick);
  });
});
