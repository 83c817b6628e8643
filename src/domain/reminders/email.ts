// The customer review email rendered from the Settings templates: a header-safe subject, plain text and escaped HTML.
import type { ListRegistry, Settings } from '../../schema';
import type { Lang } from '../i18n';
import { isLang, t } from '../i18n';
import type { DetailLine } from './customer-details';
import { customerDetails } from './customer-details';
import type { Row } from './row';
import { mailbox, setting, text, textSetting } from './row';
import { escapeHtml, fillTemplate, headerLine, plainText, templateToHtml } from './template';

/** What MailApp.sendEmail needs, as plain data; `replyTo` null means replies go to the sender. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo: string | null;
}

export function registerLang(settings: Settings): Lang {
  const value = setting(settings, 'language');
  return isLang(value) ? value : 'en';
}

/** Sender name and reply-to from Settings, made header-safe: an admin's typo must not break the headers either. */
export function senderOf(settings: Settings): { name: string; replyTo: string | null } {
  return {
    name: headerLine(textSetting(settings, 'senderName'), 100),
    replyTo: mailbox(textSetting(settings, 'replyTo')),
  };
}

function template(settings: Settings, key: string): string {
  const own = textSetting(settings, key);
  if (own.trim() !== '') return own;
  // A blanked required template falls back to the shipped one rather than sending an empty email.
  return textSetting({}, key);
}

function detailsText(lines: readonly DetailLine[], lang: Lang): string {
  const sep = t(lang, 'reminderFieldSeparator');
  return lines.map((l) => `${l.label}${sep}${l.value}`).join('\n');
}

function detailsHtml(lines: readonly DetailLine[]): string {
  const rows = lines
    .map(
      (l) =>
        `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(l.label)}</th><td>${escapeHtml(l.value)}</td></tr>`,
    )
    .join('');
  return `<table style="border-collapse:collapse">${rows}</table>`;
}

interface CustomerEmailOptions {
  /** Overrides the recipient, for "Send a test reminder to me". */
  to?: string;
  lists?: ListRegistry;
}

/**
 * The review email for one customer. Throws when there is no plain address to send to, which the plan has
 * already ruled out; a test send passes `to` explicitly.
 */
export function renderCustomerEmail(
  customer: Row,
  settings: Settings,
  options: CustomerEmailOptions = {},
): OutgoingEmail {
  const lang = registerLang(settings);
  const to = mailbox(options.to ?? text(customer, 'email'));
  if (to === null) throw new RangeError('The customer has no valid email address to send to.');
  const sender = senderOf(settings);
  const lines = customerDetails(customer, lang, options.lists);
  const values = {
    name: text(customer, 'name'),
    id: text(customer, 'id'),
    details: detailsText(lines, lang),
    senderName: sender.name,
    replyTo: sender.replyTo ?? '',
  };
  const suffix = lang === 'zh' ? 'Zh' : 'En';
  const subject = template(settings, `reminderSubject${suffix}`);
  const body = template(settings, `reminderBody${suffix}`);
  return {
    to,
    subject: headerLine(fillTemplate(subject, values)),
    body: plainText(fillTemplate(body, values)),
    htmlBody: htmlDocument(templateToHtml(body, values, { details: detailsHtml(lines) }), lang),
    name: sender.name,
    replyTo: sender.replyTo,
  };
}

/** A minimal document; the charset is declared so Chinese survives clients that ignore the MIME header. */
export function htmlDocument(inner: string, lang: Lang): string {
  return `<!DOCTYPE html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif">${inner}</body></html>`;
}
