// A purchase's payment state from its dates: paid once a paid date is set, overdue past its due date, due before; written off is a person's decision.
import type { WireValue } from '../../schema';

type PaymentState = 'paid' | 'due' | 'overdue' | 'writtenOff';

/** When payment falls due: the due date, or the purchase date when none was agreed. */
export function dueOf(p: { date?: WireValue; dueDate?: WireValue }): string | null {
  const due = p.dueDate || p.date;
  return typeof due === 'string' && due ? due : null;
}

/** `today` is 'yyyy-mm-dd' in the spreadsheet's time zone; dates compare as text in that form. */
export function paymentStateOf(
  p: { date?: WireValue; dueDate?: WireValue; paidDate?: WireValue; paymentState?: WireValue },
  today: string,
): PaymentState {
  if (p.paymentState === 'writtenOff') return 'writtenOff';
  if (p.paidDate) return 'paid';
  const due = dueOf(p);
  return due !== null && due < today ? 'overdue' : 'due';
}
