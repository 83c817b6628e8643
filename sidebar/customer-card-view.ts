// The customer card under Find & edit: details, review state, credit (by role), interactions, property, purchases and latest changes; print and PDF.
import type { FormConfig } from '../src/domain/form';
import type { CustomerCard, LoadedRecord, Printout, WireValue } from '../src/shared/rpc';
import { type App, collected, nonEmpty, showFailure, submit } from './app';
import { searchWith } from './customer-picker';
import { fill, h, today } from './dom';
import { formView } from './form-view';

/** What the card lists of each kind before "and N more": the sheet holds the rest. */
const SHOWN = 5;

function labelOf(config: FormConfig, key: string) {
  return config.fields.find((f) => f.key === key)?.label ?? key;
}

/** A value as the sidebar shows it: list items by label, ticks, rates as percentages. */
function text(config: FormConfig, key: string, v: WireValue | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  const f = config.fields.find((x) => x.key === key);
  if (f?.options) return f.options.find((o) => o.key === v)?.label ?? String(v);
  if (typeof v === 'boolean') return v ? '✓' : '—';
  if (key === 'onTimeRate' && typeof v === 'number') return `${Math.round(v * 100)}%`;
  return String(v);
}

function facts(config: FormConfig, values: Record<string, WireValue>, keys: string[]) {
  return h(
    'dl',
    { className: 'facts' },
    ...keys
      .filter((k) => text(config, k, values[k]) !== '')
      .flatMap((k) => [h('dt', {}, labelOf(config, k)), h('dd', {}, text(config, k, values[k]))]),
  );
}

/** A download the person clicks (a sidebar may not start one by itself): the PDF Apps Script made. */
function pdfLink(p: Printout, label: string) {
  return h(
    'a',
    { className: 'pdf-link', href: `data:application/pdf;base64,${p.pdf}`, download: p.filename },
    label,
  );
}

/** The browser's print dialog on the printout's HTML, in a frame of its own so the sidebar is not printed. */
function printHtml(html: string) {
  const frame = h('iframe', { className: 'print-frame', title: 'print', 'aria-hidden': 'true' });
  frame.srcdoc = html;
  frame.addEventListener('load', () => {
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60000);
  });
  document.body.append(frame);
}

export interface CardView {
  el: HTMLElement;
  show(id: string): Promise<void>;
}

export function customerCardView(app: App): CardView {
  const { customer: cfg, interaction: icfg, property: pcfg, purchase: scfg } = app.boot.forms;
  const staff = app.boot.role !== 'Viewer';
  const manager = app.boot.role === 'Admin' || app.boot.role === 'Manager';
  const body = h('div', { className: 'card-body', 'aria-live': 'polite' });
  const downloads = h('div', { className: 'downloads' });
  const lang = h(
    'select',
    { id: 'card-lang', 'aria-label': app.tr('printLanguage') },
    h('option', { value: 'en' }, 'English'),
    h('option', { value: 'zh' }, '中文'),
  );
  lang.value = app.boot.lang;
  let current: CustomerCard | null = null;

  const purchaseForm = formView(scfg, {
    id: 'purchase',
    tr: app.tr,
    defaultRegion: app.boot.settings.defaultPhoneRegion,
    submitLabel: app.tr('save'),
    onSubmit: () => void savePurchase(),
    defaults: () => ({ date: today(), customerId: current?.customer.id ?? null }),
    pickCustomer: searchWith(app.call),
  });

  async function savePurchase() {
    const values = collected(app, purchaseForm);
    if (!values) return;
    await submit(
      app,
      purchaseForm,
      () => app.call('recordPurchase', { values: nonEmpty(values) }),
      async (saved) => {
        purchaseForm.reset();
        if (current) await show(current.customer.id);
        app.notify('ok', app.tr('savedPurchase', { id: saved.id }));
      },
    );
  }

  async function printed(kind: 'card' | 'receipt', id: string, mode: 'print' | 'pdf') {
    app.clearNotice();
    try {
      const req = { id, lang: lang.value === 'zh' ? ('zh' as const) : ('en' as const) };
      const p =
        kind === 'card'
          ? await app.call('printCustomerCard', req)
          : await app.call('printPropertyReceipt', req);
      if (mode === 'print') printHtml(p.html);
      else fill(downloads, pdfLink(p, app.tr('downloadPdf', { name: p.filename })));
    } catch (e) {
      showFailure(app, e, 'load');
    }
  }

  async function purchaseAction(rec: LoadedRecord, action: 'paid' | 'writeOff') {
    app.clearNotice();
    try {
      const r =
        action === 'paid'
          ? await app.call('updatePurchase', {
              id: rec.id,
              version: rec.version,
              changes: { paidDate: today() },
            })
          : await app.call('writeOffPurchase', { id: rec.id, version: rec.version });
      if (current) await show(current.customer.id);
      if (r.ok) app.notify('ok', app.tr('savedPurchaseEdit', { id: r.id }));
      else if ('stale' in r) app.notify('error', r.message);
      else if ('errors' in r) app.notify('error', r.errors.map((e) => e.message).join(' '));
    } catch (e) {
      showFailure(app, e);
    }
  }

  const more = (total: number) =>
    total > SHOWN ? h('p', { className: 'note' }, app.tr('andMore', { n: total - SHOWN })) : null;

  function block(title: string, total: number, items: HTMLElement[]) {
    return h(
      'div',
      { className: 'card-block' },
      h('h4', {}, `${title} (${total})`),
      items.length
        ? h('ul', { className: 'results' }, ...items)
        : h('p', { className: 'note' }, app.tr('none')),
      more(total),
    );
  }

  function render(card: CustomerCard) {
    const v = card.customer.values;
    // Printouts are handed to the customer: in their language when the record names one.
    lang.value = v.language === 'zh' || v.language === 'en' ? v.language : app.boot.lang;
    const interactions = card.interactions.records
      .slice(0, SHOWN)
      .map((r) =>
        h(
          'li',
          { 'data-id': r.id },
          h('div', {}, String(r.values.summary ?? '')),
          h(
            'div',
            { className: 'meta' },
            [r.values.date, text(icfg, 'kind', r.values.kind)].filter(Boolean).join(' · '),
          ),
        ),
      );
    const property = card.property.records
      .slice(0, SHOWN)
      .map((r) =>
        h(
          'li',
          { 'data-id': r.id },
          h('div', {}, String(r.values.item ?? '')),
          h(
            'div',
            { className: 'meta' },
            [r.id, text(pcfg, 'state', r.values.state), r.values.serial].filter(Boolean).join(' · '),
          ),
          staff
            ? h(
                'button',
                { type: 'button', onclick: () => void printed('receipt', r.id, 'pdf') },
                app.tr('receiptPdf'),
              )
            : null,
        ),
      );
    const purchases = card.purchases.records.slice(0, SHOWN).map((r) => {
      const state = r.values.paymentState;
      const open = state === 'due' || state === 'overdue';
      return h(
        'li',
        { 'data-id': r.id, 'data-state': String(state ?? '') },
        h('div', {}, `${r.values.amount ?? ''} ${r.values.currency ?? ''}`.trim()),
        h(
          'div',
          { className: 'meta' },
          [r.values.date, text(scfg, 'productType', r.values.productType), text(scfg, 'paymentState', state)]
            .filter(Boolean)
            .join(' · '),
        ),
        staff && open
          ? h(
              'button',
              { type: 'button', onclick: () => void purchaseAction(r, 'paid') },
              app.tr('paidToday'),
            )
          : null,
        manager && open
          ? h(
              'button',
              { type: 'button', onclick: () => void purchaseAction(r, 'writeOff') },
              app.tr('writeOff'),
            )
          : null,
      );
    });
    const changes = card.changes.map((c) =>
      h(
        'li',
        {},
        h(
          'div',
          {},
          [c.action, c.field, c.field ? `${c.oldValue} → ${c.newValue}` : c.newValue]
            .filter(Boolean)
            .join(' · '),
        ),
        h('div', { className: 'meta' }, [c.time, c.user, c.source].filter(Boolean).join(' · ')),
      ),
    );
    fill(
      body,
      h('h3', {}, [v.name, v.company].filter(Boolean).join(' · ')),
      facts(cfg, v, ['id', 'customerType', 'phone', 'email', 'status', 'tier', 'owner', 'city']),
      h('h4', {}, app.tr('reviewState')),
      facts(cfg, v, ['recordState', 'lastReviewed', 'nextReviewDue', 'lastReminded']),
      card.credit
        ? h(
            'div',
            { className: 'card-block credit', 'data-credit': '' },
            h('h4', {}, app.tr('creditTitle')),
            facts(cfg, card.credit, [
              'creditRating',
              'overdue',
              'purchaseCount',
              'purchaseTotal',
              'lastPurchase',
              'onTimeRate',
              'overdueAmount',
              'daysPastDue',
              'overdueEpisodes',
            ]),
          )
        : null,
      block(app.tr('cardInteractions'), card.interactions.total, interactions),
      block(app.tr('cardProperty'), card.property.total, property),
      block(app.tr('cardPurchases'), card.purchases.total, purchases),
      staff && scfg.canSubmit
        ? h('details', {}, h('summary', {}, app.tr('recordPurchase')), purchaseForm.el)
        : null,
      block(app.tr('cardChanges'), card.changes.length, changes),
    );
    purchaseForm.setValue('customerId', card.customer.id);
  }

  async function show(id: string) {
    fill(body, h('p', { className: 'note' }, app.tr('loading')));
    downloads.replaceChildren();
    try {
      current = await app.call('customerCard', { id });
      render(current);
    } catch (e) {
      // Said in the card: the record's own load reports the same refusal in the message area.
      current = null;
      fill(
        body,
        h(
          'p',
          { className: 'note' },
          app.tr('loadFailed', { message: e instanceof Error ? e.message : String(e) }),
        ),
      );
    }
  }

  const tools = h(
    'div',
    { className: 'card-tools' },
    lang,
    h(
      'button',
      { type: 'button', onclick: () => current && void printed('card', current.customer.id, 'print') },
      app.tr('print'),
    ),
    h(
      'button',
      { type: 'button', onclick: () => current && void printed('card', current.customer.id, 'pdf') },
      'PDF',
    ),
  );
  const el = h(
    'div',
    { className: 'customer-card', 'data-card': '' },
    h('h3', {}, app.tr('cardTitle')),
    tools,
    downloads,
    body,
  );
  return { el, show };
}
