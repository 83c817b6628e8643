// Sidebar entry point for checking one value as the server judges it: a phone number read with full metadata.
import { findListItem } from '../domain/field-value';
import { t } from '../domain/i18n';
import { readPhone } from '../domain/normalize';
import { customer, defaultLists, STAFF } from '../schema';
import type { PhoneCheck } from '../shared/rpc';
import { actions } from './actions';
import { authorize, phoneRegion, settingsOf } from './context';
import { parseRequest, requests } from './requests';

const phoneField = customer.fields.find((f) => f.key === 'phone');

/**
 * The sidebar carries only min metadata (its size budget), which checks little beyond length; this is the
 * verdict that counts, shown next to the field before saving, with the country a national number was read in.
 */
export function checkPhone(arg: unknown): PhoneCheck {
  const c = authorize(STAFF, actions.createCustomer);
  const req = parseRequest(requests.checkPhone, arg, c.lang);
  const r = readPhone(req.phone, phoneRegion({ country: req.country }, settingsOf(c)));
  if (!r.ok) {
    const field = phoneField?.labels[c.lang] ?? '';
    const key = r.reason === 'empty' ? 'required' : 'invalidPhone';
    return { ok: false, message: t(c.lang, key, { field, value: req.phone.trim().slice(0, 40) }) };
  }
  const region = r.assumedRegion ?? r.region;
  const country = region ? (findListItem(defaultLists.countries, region)?.labels[c.lang] ?? region) : '';
  return {
    ok: true,
    value: r.value,
    display: r.display,
    country,
    region: region ?? '',
    assumed: r.assumedRegion !== undefined,
  };
}
