// The Outbox: every email the add-on sent, listed newest first; the text part as text, the HTML part in a sandboxed frame.
/// <reference lib="dom" />
import type { MailView } from '../wire';
import { get } from './api';
import { byId, el } from './dom';

/** Emails may name remote images or fonts: the frame loads nothing, so opening one makes no request. */
const MAIL_CSP =
  '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">';

function detail(m: MailView): HTMLElement {
  const from = m.name ? `${m.name} <${m.from}>` : m.from;
  const rows: [string, string][] = [
    ['From', from],
    ['To', m.to.join(', ')],
    ...(m.cc.length ? ([['Cc', m.cc.join(', ')]] as [string, string][]) : []),
    ['Sent', m.at],
  ];
  const headers = el('dl', { className: 'mail-headers' });
  for (const [k, v] of rows) headers.append(el('dt', { text: k }), el('dd', { text: v }));
  const out = el('article', { className: 'mail' }, el('h3', { text: m.subject || '(no subject)' }), headers);
  if (m.htmlBody !== undefined) {
    const frame = el('iframe', { className: 'mail-html', attrs: { sandbox: '', title: 'HTML part' } });
    frame.srcdoc = MAIL_CSP + m.htmlBody;
    out.append(el('h4', { text: 'HTML part' }), frame);
  }
  out.append(el('h4', { text: 'Text part' }), el('pre', { className: 'mail-text', text: m.body }));
  return out;
}

export async function showOutbox() {
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
        el('span', { className: 'muted', text: m.at.replace('T', ' ').slice(0, 16) }),
      );
      button.addEventListener('click', () => {
        list.querySelector('.current')?.classList.remove('current');
        button.classList.add('current');
        view.replaceChildren(detail(m));
      });
      return el('li', {}, button);
    }),
  );
  byId<HTMLDialogElement>('outbox').showModal();
}
