// Purchases and overdue amounts per month, one pair of columns per currency: amounts in different currencies are never added together.
import type { ListRegistry } from '../../schema';
import { paymentStateOf } from '../purchases/payment-state';
import { isDayCell, itemKey, type SheetCells, str } from './data-check';

/** More currencies than this would make the chart unreadable: the ones most used are shown. */
const MAX_CURRENCIES = 3;

interface Env {
  lists: ListRegistry;
  today: string;
  defaultCurrency: string;
  /** The label of the row that holds amounts overdue since before the first month shown. */
  earlier: string;
}

const dayOf = (v: unknown) => (isDayCell(v) ? v.day : '');

/**
 * Rows [month, purchases, overdue, purchases, overdue…] for `months` ('yyyy-mm', oldest first), by the
 * month a purchase was made and, for what is overdue today, the month it fell due. Amounts overdue since
 * before the first month lead in one row of their own, so an old debt is not hidden by the window.
 */
export function purchaseMonths(purchases: SheetCells, months: readonly string[], env: Env) {
  const col = purchases.columns;
  const index = new Map(months.map((m, i) => [m, i]));
  const first = months[0] ?? '';
  // Whole cents, so that sums of amounts such as 0.1 + 0.2 stay exact.
  const empty = () => ({ bought: months.map(() => 0), overdue: months.map(() => 0), earlier: 0, count: 0 });
  const cents = new Map<string, ReturnType<typeof empty>>();
  for (let i = 0; i < purchases.count; i++) {
    const amount = col.amount?.[i];
    if (typeof amount !== 'number' || !Number.isFinite(amount)) continue;
    const raw = str(col.currency?.[i]);
    const currency =
      (raw ? itemKey(env.lists, 'currency', raw) || raw.toUpperCase() : '') || env.defaultCurrency;
    let c = cents.get(currency);
    if (!c) {
      c = empty();
      cents.set(currency, c);
    }
    const date = dayOf(col.date?.[i]);
    const at = index.get(date.slice(0, 7));
    const value = Math.round(amount * 100);
    if (at !== undefined) {
      c.bought[at] += value;
      c.count++;
    }
    const facts = {
      date,
      dueDate: dayOf(col.dueDate?.[i]),
      paidDate: dayOf(col.paidDate?.[i]) || str(col.paidDate?.[i]),
      paymentState: itemKey(env.lists, 'paymentState', col.paymentState?.[i]),
    };
    if (paymentStateOf(facts, env.today) !== 'overdue') continue;
    const due = (facts.dueDate || date).slice(0, 7);
    const dueAt = index.get(due);
    if (dueAt !== undefined) c.overdue[dueAt] += value;
    else if (due < first) c.earlier += value;
  }
  const currencies = [...cents]
    .filter(([k, c]) => c.count > 0 || c.earlier > 0 || c.overdue.some(Boolean) || k === env.defaultCurrency)
    .sort(
      (a, b) =>
        Number(b[0] === env.defaultCurrency) - Number(a[0] === env.defaultCurrency) ||
        b[1].count - a[1].count,
    )
    .slice(0, MAX_CURRENCIES);
  if (!currencies.length) currencies.push([env.defaultCurrency, empty()]);
  const rows: (string | number)[][] = months.map((m, i) => [
    m,
    ...currencies.flatMap(([, c]) => [c.bought[i] / 100, c.overdue[i] / 100]),
  ]);
  if (currencies.some(([, c]) => c.earlier > 0))
    rows.unshift([env.earlier, ...currencies.flatMap(([, c]) => ['', c.earlier / 100])]);
  return { currencies: currencies.map(([k]) => k), rows };
}
