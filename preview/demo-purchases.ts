// The demo register's purchases: most paid on time, some paid late, some overdue now, a few not yet due.
import type { DemoCustomer, DemoValues } from './demo-data';
import { daysAgo, prng } from './demo-data';

export interface DemoPurchase {
  customer: number;
  daysAgo: number;
  values: DemoValues;
}

const PRODUCTS = ['product', 'service', 'repair', 'subscription', 'consulting'];
const CHANNELS = ['store', 'online', 'phone', 'onSite'];

/**
 * About 320 purchases over the approved customers. Its own seed, so adding purchases left every other
 * part of the demo (and the screenshots of it) as it was.
 */
export function demoPurchases(customers: readonly DemoCustomer[], now: number): DemoPurchase[] {
  const r = prng(4217);
  const out: DemoPurchase[] = [];
  const buyers = customers.flatMap((c, i) => (c.approvedDaysAgo === undefined ? [] : [i]));
  for (let k = 0; k < 320; k++) {
    const c = r.pick(buyers);
    const zh = /[\u4e00-\u9fff]/.test(String(customers[c].values.name));
    const ago = r.int(0, Math.min(300, customers[c].enteredDaysAgo));
    const term = r.pick([0, 7, 14, 30, 30, 60]);
    const dueAgo = ago - term;
    // paid on time, paid late, unpaid (overdue once its due date has passed), written off
    const fate = r.weighted([
      ['onTime', 70],
      ['late', 15],
      ['unpaid', 14],
      ['writtenOff', 1],
    ] as const);
    const values: DemoValues = {
      date: daysAgo(now, ago),
      amount: r.int(2, 400) * (zh ? 50 : 10),
      currency: zh || r.next() < 0.6 ? 'CNY' : r.pick(['USD', 'EUR', 'GBP', 'HKD']),
      productType: r.pick(PRODUCTS),
      channel: r.pick(CHANNELS),
      paymentMethod: zh
        ? r.pick(['wechatPay', 'alipay', 'transfer', 'invoice'])
        : r.pick(['card', 'transfer', 'invoice', 'cash']),
      invoiceNo: `INV${r.digits(6)}`,
      enteredBy: r.pick(['clerk@example.com', 'manager@example.com']),
    };
    if (term) values.dueDate = daysAgo(now, dueAgo);
    if (fate === 'onTime' && dueAgo >= 0)
      values.paidDate = daysAgo(now, Math.max(dueAgo, ago - r.int(0, term)));
    if (fate === 'late' && dueAgo > 1) values.paidDate = daysAgo(now, Math.max(0, dueAgo - r.int(1, 20)));
    if (fate === 'writtenOff' && dueAgo > 30) values.paymentState = 'writtenOff';
    out.push({ customer: c, daysAgo: ago, values });
  }
  return out;
}
