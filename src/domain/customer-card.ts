// What a customer card shows a role: credit figures and the manager-only fields only to those who may edit credit.
import { customer, type FieldDecl, type Role, type WireValue } from '../schema';
import { creditFields } from '../schema/credit';
import { canEdit } from './validation';

const creditRating = customer.fields.find((f) => f.key === 'creditRating') as FieldDecl;

/** Credit is shown to the roles that may set the rating: one rule for the card, its print and the sidebar. */
export function seesCredit(role: Role): boolean {
  return canEdit(creditRating, role);
}

/** The customer fields kept from a role that does not see credit: the rating, the tick and every figure. */
const CREDIT_KEYS = new Set<string>([
  ...customer.fields.filter((f) => f.editableBy.length && !f.editableBy.includes('Clerk')).map((f) => f.key),
  ...creditFields.map((f) => f.key),
]);

/** Whether a customer field is kept from `role` on the card, in its history and on paper. */
export function hiddenFrom(role: Role, key: string): boolean {
  return !seesCredit(role) && CREDIT_KEYS.has(key);
}

export function redactCustomer(values: Record<string, WireValue>, role: Role): Record<string, WireValue> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !hiddenFrom(role, k)));
}
