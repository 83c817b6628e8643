// The region a phone number without a country code is read in: the record's country when it names one, else the register's default.
import { defaultLists, type Settings } from '../schema';
import { findListItem } from './field-value';

export function phoneRegion(values: Record<string, unknown>, settings: Settings): string {
  const country = values.country;
  if (typeof country === 'string' && country.trim()) {
    const item = findListItem(defaultLists.countries, country.trim());
    if (item) return item.key;
  }
  return String(settings.defaultPhoneRegion ?? 'CN');
}
