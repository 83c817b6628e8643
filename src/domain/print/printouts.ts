// The printed customer record card and property receipt: self-contained HTML (no external request) for the print dialog or Apps Script's PDF conversion.

import type { Role } from '../../schema';
import {
  customer,
  defaultLists,
  type FieldDecl,
  property,
  purchase,
  type RecordType,
  type WireValue,
} from '../../schema';
import { creditFields } from '../../schema/credit';
import { redactCustomer, seesCredit } from '../customer-card';
import { type Lang, t } from '../i18n';
import { escapeHtml } from '../reminders/template';

type Values = Record<string, WireValue>;

/** A value as a person reads it in `lang`: list items by their label, ticks as ✓, rates as percentages. */
function shown(field: FieldDecl, value: WireValue | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  if (field.type === 'list' && field.list)
    return defaultLists[field.list]?.items.find((i) => i.key === value)?.labels[lang] ?? String(value);
  if (field.type === 'boolean') return value === true ? '✓' : '—';
  if (field.format === '0%' && typeof value === 'number') return `${Math.round(value * 100)}%`;
  return String(value);
}

function rows(rt: RecordType, values: Values, lang: Lang, keys?: readonly string[]): string {
  const fields = keys ? keys.flatMap((k) => rt.fields.filter((f) => f.key === k)) : rt.fields;
  return fields
    .map((f) => [f, shown(f, values[f.key], lang)] as const)
    .filter(([, text]) => text !== '')
    .map(([f, text]) => `<tr><th>${escapeHtml(f.labels[lang])}</th><td>${escapeHtml(text)}</td></tr>`)
    .join('');
}

const STYLE =
  'body{font-family:"Noto Sans","Noto Sans CJK SC","Microsoft YaHei",Arial,sans-serif;font-size:11pt;margin:24px;color:#111}' +
  'h1{font-size:16pt;margin:0 0 4px}h2{font-size:12pt;margin:18px 0 6px;border-bottom:1px solid #999}' +
  'table{border-collapse:collapse;width:100%}th{text-align:left;width:36%;padding:3px 8px 3px 0;vertical-align:top;font-weight:600}' +
  'td{padding:3px 0;white-space:pre-wrap}.list td,.list th{border-bottom:1px solid #ddd;width:auto;padding:3px 6px}' +
  '.sign{display:flex;gap:32px;margin-top:40px}.sign div{flex:1;border-top:1px solid #111;padding-top:4px}' +
  '.foot{margin-top:24px;font-size:9pt;color:#555}';

function page(lang: Lang, title: string, body: string, footer: string): string {
  return `<!DOCTYPE html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}<p class="foot">${escapeHtml(footer)}</p></body></html>`;
}

function table(rt: RecordType, records: readonly Values[], keys: readonly string[], lang: Lang): string {
  if (!records.length) return `<p>${escapeHtml(t(lang, 'printNone'))}</p>`;
  const fields = keys.flatMap((k) => rt.fields.filter((f) => f.key === k));
  const head = fields.map((f) => `<th>${escapeHtml(f.labels[lang])}</th>`).join('');
  const body = records
    .map((r) => `<tr>${fields.map((f) => `<td>${escapeHtml(shown(f, r[f.key], lang))}</td>`).join('')}</tr>`)
    .join('');
  return `<table class="list"><tr>${head}</tr>${body}</table>`;
}

export interface Printed {
  /** Who printed it and when ('yyyy-mm-dd hh:mm'), in the footer. */
  user: string;
  time: string;
}

const DETAILS = customer.fields.filter(
  (f) => !f.system || ['id', 'recordState', 'lastReviewed', 'nextReviewDue'].includes(f.key),
);
const CREDIT = [
  'creditRating',
  'overdue',
  ...creditFields.filter((f) => f.key !== 'overdueDerived').map((f) => f.key),
];

/** The customer record card, redacted for `role`: what they may not see on the card is not printed either. */
export function customerCardHtml(
  card: { customer: Values; property: readonly Values[]; purchases: readonly Values[] },
  role: Role,
  lang: Lang,
  printed: Printed,
): string {
  const c = redactCustomer(card.customer, role);
  const title = t(lang, 'printCardTitle');
  const body =
    `<h1>${escapeHtml(title)}: ${escapeHtml(String(c.name ?? ''))}</h1>` +
    `<table>${rows(
      customer,
      c,
      lang,
      DETAILS.map((f) => f.key),
    )}</table>` +
    (seesCredit(role)
      ? `<h2>${escapeHtml(t(lang, 'printCredit'))}</h2><table>${rows(customer, c, lang, CREDIT)}</table>`
      : '') +
    `<h2>${escapeHtml(t(lang, 'printPropertyHeld'))}</h2>` +
    table(
      property,
      card.property.filter((p) => p.state !== 'returned'),
      ['id', 'item', 'serial', 'receivedDate', 'expectedReturn'],
      lang,
    ) +
    `<h2>${escapeHtml(t(lang, 'printPurchases'))}</h2>` +
    table(
      purchase,
      card.purchases,
      ['date', 'amount', 'currency', 'productType', 'dueDate', 'paymentState'],
      lang,
    );
  return page(lang, title, body, t(lang, 'printPrinted', { ...printed }));
}

const RECEIPT_KEYS = [
  'item',
  'kind',
  'quantity',
  'specification',
  'serial',
  'condition',
  'receivedDate',
  'receivedBy',
  'expectedReturn',
];

/** The receipt handed to the customer for an item of property, with the terms from Settings and space to sign. */
export function propertyReceiptHtml(
  item: Values,
  owner: { id: string; name: string },
  business: string,
  terms: string,
  lang: Lang,
  printed: Printed,
): string {
  const title = t(lang, 'printReceiptTitle');
  const body =
    `<h1>${escapeHtml(business)}: ${escapeHtml(title)}</h1>` +
    `<table><tr><th>${escapeHtml(t(lang, 'printReceiptNo'))}</th><td>${escapeHtml(String(item.id ?? ''))}</td></tr>` +
    `<tr><th>${escapeHtml(t(lang, 'printCustomer'))}</th><td>${escapeHtml(`${owner.name} (${owner.id})`)}</td></tr>` +
    `${rows(property, item, lang, RECEIPT_KEYS)}</table>` +
    (terms ? `<h2>${escapeHtml(t(lang, 'printTerms'))}</h2><p>${escapeHtml(terms)}</p>` : '') +
    `<div class="sign"><div>${escapeHtml(t(lang, 'printCustomerSignature'))}</div>` +
    `<div>${escapeHtml(t(lang, 'printStaffSignature'))}</div><div>${escapeHtml(t(lang, 'printDate'))}</div></div>`;
  return page(lang, title, body, t(lang, 'printPrinted', { ...printed }));
}
