// The demo register's purchases show what the credit figures are for: payments on time, late, overdue now and not yet due.
import { demoRegister } from '../../../preview/demo-data';
import { dueOf, paymentStateOf } from '../../../src/domain/purchases/payment-state';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';

test('some purchases were paid late, some are overdue now, some not yet due; all for approved customers', () => {
  const demo = demoRegister(NOW);
  const late = demo.purchases.filter(
    (p) => p.values.paidDate && String(p.values.paidDate) > String(dueOf(p.values)),
  );
  const states = demo.purchases.map((p) => paymentStateOf(p.values, TODAY));
  expect(late.length).toBeGreaterThan(10);
  expect(states.filter((s) => s === 'overdue').length).toBeGreaterThan(10);
  expect(states.filter((s) => s === 'due').length).toBeGreaterThan(5);
  expect(states.filter((s) => s === 'paid').length).toBeGreaterThan(states.length / 2);
  for (const p of demo.purchases) expect(demo.customers[p.customer].approvedDaysAgo).toBeDefined();
});
