// The customer card: one call that gathers a customer's details, what hangs off them, credit by role and the latest changes.
import { hiddenFrom, redactCustomer, seesCredit } from '../domain/customer-card';
import type { Lang } from '../domain/i18n';
import { t } from '../domain/i18n';
import { recordVersion } from '../domain/record-codec';
import { loadRecord } from '../gas/records';
import { relatedRows } from '../gas/related';
import {
  customer,
  defaultLists,
  interaction,
  property,
  purchase,
  type RecordType,
  ROLES,
  recordTypes,
  type WireValue,
} from '../schema';
import { creditFields } from '../schema/credit';
import type { CardChange, CustomerCard, LoadedRecord } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { authorize, type Context } from './context';
import { parseRequest, requests } from './requests';

/** Enough to see what is going on; the sheet holds the rest. */
const LATEST = 20;
const CHANGES = 10;

const loaded = (values: Record<string, WireValue>): LoadedRecord => ({
  id: String(values.id ?? ''),
  values,
  version: recordVersion(values),
});

function related(c: Context, rt: RecordType, id: string) {
  const { total, rows } = relatedRows(c.ss, rt, 'customerId', id, c.tz, LATEST);
  return { total, records: rows.map(loaded) };
}

function listLabel(list: string, key: WireValue, lang: Lang) {
  return defaultLists[list]?.items.find((i) => i.key === key)?.labels[lang] ?? String(key ?? '');
}

/** Audit keeps list values by key: the card shows their label. */
function valueText(field: string, value: WireValue, lang: Lang) {
  const f = customer.fields.find((x) => x.key === field);
  return f?.type === 'list' && f.list ? listLabel(f.list, value, lang) : String(value ?? '');
}

/** Audit rows as people read them: actions, sources and field names in the caller's language. */
function changes(c: Context, id: string): CardChange[] {
  const fieldLabel = (key: string) =>
    key
      .split(', ')
      .map((k) => customer.fields.find((f) => f.key === k)?.labels[c.lang] ?? k)
      .join(', ');
  return relatedRows(c.ss, recordTypes.audit, 'record', id, c.tz, CHANGES).rows.map((r) => {
    const field = String(r.field ?? '');
    // What the viewer may not see on the card stays out of its history too.
    const hidden = field.split(', ').some((k) => hiddenFrom(c.role, k));
    return {
      time: String(r.time ?? ''),
      user: String(r.user ?? ''),
      action: listLabel('auditAction', r.action, c.lang),
      field: field ? fieldLabel(field) : '',
      oldValue: hidden ? '…' : valueText(field, r.oldValue, c.lang),
      newValue: hidden ? '…' : valueText(field, r.newValue, c.lang),
      source: listLabel('auditSource', r.source, c.lang),
    };
  });
}

/** The customer, or a refusal in the caller's language. */
export function cardCustomer(c: Context, id: string) {
  const found = loadRecord(c.ss, customer, id, c.tz);
  if (!found) throw new UserError(t(c.lang, 'unknownCustomer', { id }));
  return found;
}

export function customerCard(arg: unknown): CustomerCard {
  const c = authorize(ROLES, actions.readRegister);
  const req = parseRequest(requests.customerCard, arg, c.lang);
  const found = cardCustomer(c, req.id);
  const id = String(found.values.id);
  const credit = seesCredit(c.role)
    ? Object.fromEntries(
        ['creditRating', 'overdue', ...creditFields.map((f) => f.key)].map((k) => [
          k,
          found.values[k] ?? null,
        ]),
      )
    : null;
  return {
    customer: { id, values: redactCustomer(found.values, c.role), version: found.version },
    interactions: related(c, interaction, id),
    property: related(c, property, id),
    purchases: related(c, purchase, id),
    credit,
    changes: changes(c, id),
  };
}
