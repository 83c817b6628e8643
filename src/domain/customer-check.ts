// The one rule a customer's values are judged by, on every path that creates or edits one: the sidebar's save and the import.
import { customer, type ListRegistry, type Role, type Settings } from '../schema';
import type { Lang } from './i18n';
import { phoneRegion } from './phone-region';
import { validateRecord } from './validation';

export interface CustomerCheckEnv {
  lang: Lang;
  role: Role;
  mode: 'create' | 'update';
  lists: ListRegistry;
  today: string;
  settings: Settings;
}

/** Normalizes and validates a customer's values; a number without country code is read with the record's country or the default. */
export function checkCustomerValues(values: Record<string, unknown>, env: CustomerCheckEnv) {
  const { settings, ...rest } = env;
  return validateRecord(customer, values, { ...rest, phoneRegion: phoneRegion(values, settings) });
}
