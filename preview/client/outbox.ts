// The Outbox: every email the add-on sent, listed newest first; the text part as text, the HTML part in a sandboxed frame.
/// <reference lib="dom" />
import type { MailView } from '../wire';
import { get } from './api';
import { byId, el } from './dom';

/** Emails may name remote images or fonts: the frame loads nothing, so opening one makes no request. */
const MAIL_CSP =
  '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">';

/** An instant as the spreadsheet's clock shows it ("2026-11-24 09:00:04"), so the Outbox agrees with the clock control. */
export function localTime(iso: string, timeZone: string, seconds = true): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  try {
    // Swedish writes dates as yyyy-mm-dd hh:mm:ss.
    return new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    }).format(at);
  } catch {
    return iso;
  }
}

function detail(m: MailView, timeZone: string): HTMLElement {
  const from = m.name ? `${m.name} <${m.from}>` : m.from;
  const rows: [string, string][] = [
    ['From', from],
    ['To', m.to.join(', ')],
    ...(m.cc.length ? ([['Cc', m.cc.join(', ')]] as [string, string][]) : []),
    ['Sent', `${localTime(m.at, timeZone)} (${timeZone})`],
  ];
  const headers = el('dl', { className: 'mail-headers' });
  for (const [k, v] of rows) headers.append(el('dt', { text: k }), el('dd', { text: v }));
  const out = el('article', { className: 'mail' }, el('h3', { text: m.subject || '(no subject)' }), headers);
  if (m.htmlBody !== undefined) {
    const frame = el('iframe', { className: 'mail-html', attrs: { sandbox: '', title: 'HTML part' } });
    frame.srcdoc = MAIL_CSP + m.htmlBody;
    out.append(el('h4', { text: 'HTML part' }), frame);
  }
  out.append(el('h4', { text: 'Text part' }), textPart(m.body));
  return out;
}

/**
 * The text part, with links to this preview's own pages (the customer page of a review email) made
 * clickable: they open in a new tab of the preview. Any other address stays text: the preview requests nothing outside.
 */
function textPart(body: string): HTMLElement {
  const pre = el('pre', { className: 'mail-text' });
  const own = /https?:\/\/\S+/g;
  let last = 0;
  for (let m = own.exec(body); m; m = own.exec(body)) {
    pre.append(body.slice(last, m.index));
    if (m[0].startsWith(`${location.origin}/`)) {
      const a = el('a', { text: m[0], attrs: { href: m[0], target: '_blank', rel: 'noopener' } });
      pre.append(a);
    } else pre.append(m[0]);
    last = m.index + m[0].length;
  }
  pre.append(body.slice(last));
  return pre;
}

/** Opens the Outbox; times are shown in `timeZone`, the spreadsheet's, like the clock. */
export async function showOutbox(timeZone: string) {
  const mails = (await get<MailView[]>('/api/outbox')).slice().reverse();
  const list = byId('outbox-list');
  const view = byId('outbox-mail');
  view.replaceChildren(
    el('p', { className: 'muted', text: mails.length ? 'Choose an email.' : 'No email sent yet.' }),
  );
  list.replaceChildren(
    ...mails.map((m) => {
      const button = el(
        'button',
        { className: 'mail-item' },
        el('strong', { text: m.subject || '(no subject)' }),
        el('span', { text: `To ${m.to.join(', ')}` }),
        el('span', { className: 'muted', text: localTime(m.at, timeZone, false) }),
      );
      button.addEventListener('click', () => {
        list.querySelector('.current')?.classList.remove('current');
        button.classList.add('current');
        view.replaceChildren(detail(m, timeZone));
      });
      return el('li', {}, button);
    }),
  );
  byId<HTMLDialogElement>('outbox').showModal();
}
