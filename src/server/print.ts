// Print entry points: the customer record card (any role, redacted by role) and a property receipt (staff), as HTML and PDF.
import { t } from '../domain/i18n';
import { customerCardHtml, propertyReceiptHtml } from '../domain/print/printouts';
import { pdfBase64 } from '../gas/pdf';
import { loadRecord } from '../gas/records';
import { relatedRows } from '../gas/related';
import { localTime } from '../gas/session';
import { property, purchase, ROLES, STAFF } from '../schema';
import type { Printout } from '../shared/rpc';
import { actions } from './actions';
import { UserError } from './caller';
import { authorize, type Context, settingsOf } from './context';
import { cardCustomer } from './customer-card';
import { parseRequest, requests } from './requests';

/** Enough rows for one page; the sheet holds the rest. */
const ON_PAGE = 20;

function printout(c: Context, name: string, html: string): Printout {
  // A file name of ID and date only: a customer's name in it would travel with every copy.
  const filename = `${name}-${localTime(new Date(), c.tz).slice(0, 10)}`;
  return { filename: `${filename}.pdf`, html, pdf: pdfBase64(html, filename) };
}

const printed = (c: Context) => ({ user: c.email, time: localTime(new Date(), c.tz) });

export function printCustomerCard(arg: unknown): Printout {
  const c = authorize(ROLES, actions.readRegister);
  const req = parseRequest(requests.printCustomerCard, arg, c.lang);
  const found = cardCustomer(c, req.id);
  const id = String(found.values.id);
  const html = customerCardHtml(
    {
      customer: found.values,
      property: relatedRows(c.ss, property, 'customerId', id, c.tz, ON_PAGE).rows,
      purchases: relatedRows(c.ss, purchase, 'customerId', id, c.tz, ON_PAGE).rows,
    },
    c.role,
    req.lang,
    printed(c),
  );
  return printout(c, id, html);
}

export function printPropertyReceipt(arg: unknown): Printout {
  const c = authorize(STAFF, actions.handleProperty);
  const req = parseRequest(requests.printPropertyReceipt, arg, c.lang);
  const item = loadRecord(c.ss, property, req.id, c.tz);
  if (!item)
    throw new UserError(t(c.lang, 'recordNotFound', { record: property.labels[c.lang], id: req.id }));
  const owner = cardCustomer(c, String(item.values.customerId ?? ''));
  const settings = settingsOf(c);
  const terms = String(settings[req.lang === 'zh' ? 'receiptTermsZh' : 'receiptTermsEn'] ?? '');
  const html = propertyReceiptHtml(
    item.values,
    { id: String(owner.values.id), name: String(owner.values.name ?? '') },
    String(settings.senderName ?? ''),
    terms,
    req.lang,
    printed(c),
  );
  return printout(c, String(item.values.id), html);
}
