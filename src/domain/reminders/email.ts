// The customer review email rendered from the Settings templates: a header-safe subject, plain text and escaped HTML.
import type { ListRegistry, Settings } from '../../schema';
import type { Lang } from '../i18n';
import { isLang, t } from '../i18n';
import type { ReviewLinks } from '../review-link/links';
import { say } from '../review-link/text';
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

/** The customer's own language when the record names one, else the register's. */
export function customerLang(customer: Row, settings: Settings): Lang {
  const own = text(customer, 'language');
  return isLang(own) ? own : registerLang(settings);
}

/**
 * Sender name (the Chinese one for a Chinese email, when set) and reply-to from Settings, made header-safe:
 * an admin's typo must not break the headers either.
 */
export function senderOf(
  settings: Settings,
  lang: Lang = registerLang(settings),
): { name: string; replyTo: string | null } {
  const zh = lang === 'zh' ? textSetting(settings, 'senderNameZh') : '';
  return {
    name: headerLine(zh.trim() !== '' ? zh : textSetting(settings, 'senderName'), 100),
    replyTo: mailbox(textSetting(settings, 'replyTo')),
  };
}

function linksText(links: ReviewLinks, lang: Lang): string {
  return [
    `${say(lang, 'confirmButton')}: ${links.confirm}`,
    `${say(lang, 'changeLink')}: ${links.correct}`,
    `${say(lang, 'stopLink')}: ${links.stop}`,
  ].join('\n');
}

function linksHtml(links: ReviewLinks, lang: Lang): string {
  const a = (href: string, label: string) =>
    `<p><a href="${escapeHtml(href)}" style="font-weight:bold">${escapeHtml(label)}</a></p>`;
  return (
    a(links.confirm, say(lang, 'confirmButton')) +
    a(links.correct, say(lang, 'changeLink')) +
    a(links.stop, say(lang, 'stopLink'))
  );
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
  /** Signed links to the customer page; absent when no web app is deployed (the email asks for a reply). */
  links?: ReviewLinks;
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
  const lang = customerLang(customer, settings);
  const to = mailbox(options.to ?? text(customer, 'email'));
  if (to === null) throw new RangeError('The customer has no valid email address to send to.');
  const sender = senderOf(settings, lang);
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
  const links = options.links;
  return {
    to,
    subject: headerLine(fillTemplate(subject, values)),
    body: plainText(fillTemplate(body, values)) + (links ? `\n\n${linksText(links, lang)}` : ''),
    htmlBody: htmlDocument(
      templateToHtml(body, values, { details: detailsHtml(lines) }) + (links ? linksHtml(links, lang) : ''),
      lang,
    ),
    name: sender.name,
    replyTo: sender.replyTo,
  };
}

/** A minimal document; the charset is declared so Chinese survives clients that ignore the MIME header. */
export function htmlDocument(inner: string, lang: Lang): string {
  return `<!DOCTYPE html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif">${inner}</body></html>`;
}
