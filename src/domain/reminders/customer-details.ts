// The details a review email lists for a customer, labelled in the register's language.
import type { ListRegistry } from '../../schema';
import { customer as customerType, defaultLists } from '../../schema';
import type { Lang } from '../i18n';
import { t } from '../i18n';
import type { Row } from './row';
import { text } from './row';

export interface DetailLine {
  label: string;
  value: string;
}

const PLAIN_FIELDS = ['name', 'company', 'phone', 'email'] as const;
const LIST_FIELDS = ['preferredChannel', 'productPreference', 'promotionPreference'] as const;

function fieldLabel(key: string, lang: Lang): string {
  return customerType.fields.find((f) => f.key === key)?.labels[lang] ?? key;
}

/** The label of a list item in the language; an item no longer in the list shows as stored. */
export function listLabel(lists: ListRegistry, list: string, key: string, lang: Lang): string {
  if (key === '') return '';
  const decl = Object.getOwnPropertyDescriptor(lists, list)?.value as ListRegistry[string] | undefined;
  return decl?.items.find((item) => item.key === key)?.labels[lang] ?? key;
}

// Chinese addresses run from the country down; English ones from the street up.
function address(customer: Row, lang: Lang, lists: ListRegistry): string {
  const country = listLabel(lists, 'countries', text(customer, 'country'), lang);
  const [region, city, street, postcode] = ['region', 'city', 'street', 'postcode'].map((k) =>
    text(customer, k),
  );
  const parts =
    lang === 'zh' ? [country, region, city, street, postcode] : [street, city, region, postcode, country];
  return parts.filter((p) => p !== '').join(lang === 'zh' ? ' ' : ', ');
}

/** Every line is present, blank ones marked "not on file", so the customer can see what is missing too. */
export function customerDetails(customer: Row, lang: Lang, lists: ListRegistry = defaultLists): DetailLine[] {
  const line = (label: string, value: string): DetailLine => ({
    label,
    value: value.replace(/\s+/g, ' ').trim() || t(lang, 'reminderNotOnFile'),
  });
  const listField = (key: string) => {
    const list = customerType.fields.find((f) => f.key === key)?.list ?? key;
    return line(fieldLabel(key, lang), listLabel(lists, list, text(customer, key), lang));
  };
  return [
    ...PLAIN_FIELDS.map((key) => line(fieldLabel(key, lang), text(customer, key))),
    line(t(lang, 'reminderAddress'), address(customer, lang, lists)),
    ...LIST_FIELDS.map(listField),
  ];
}
