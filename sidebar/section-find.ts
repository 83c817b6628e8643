// The Find & edit section: search, results rendered as text, and an edit form that sends only what changed.
import type { CustomerSummary, WireRecord } from '../src/shared/rpc';
import { type App, collected, showFailure, submit } from './app';
import { customerCardView } from './customer-card-view';
import { fill, h } from './dom';
import { changedValues } from './field-logic';
import { formView } from './form-view';
import { markConfirmedRow } from './mark-confirmed';

export function customerList(
  app: App,
  results: CustomerSummary[],
  extra?: (c: CustomerSummary) => HTMLElement[],
): HTMLElement {
  return h(
    'ul',
    { className: 'results' },
    ...results.map((c) =>
      h(
        'li',
        { 'data-id': c.id },
        h('button', { type: 'button', className: 'link', onclick: () => app.openCustomer(c.id) }, c.name),
        h('div', { className: 'meta' }, [c.id, c.company, c.phone, c.email].filter(Boolean).join(' · ')),
        ...(extra ? extra(c) : []),
      ),
    ),
  );
}

export interface FindSection {
  el: HTMLElement;
  open(id: string): Promise<void>;
}

export function findSection(app: App): FindSection {
  const query = h('input', {
    type: 'search',
    id: 'find-query',
    placeholder: app.tr('searchPlaceholder'),
    'aria-label': app.tr('searchLabel'),
  });
  // Someone whose role may change no field views a record; "Editing" would promise what Save refuses.
  const canEdit = app.boot.forms.customer.fields.some((f) => !f.hidden && !f.readOnly);
  const results = h('div', { className: 'find-results', 'aria-live': 'polite' });
  const heading = h('h3', { className: 'editing' });
  let loaded: { id: string; version: string; values: WireRecord } | null = null;

  const form = formView(app.boot.forms.customer, {
    id: 'edit',
    tr: app.tr,
    defaultRegion: app.boot.settings.defaultPhoneRegion,
    submitLabel: app.tr('save'),
    onSubmit: () => void save(),
  });
  // Anyone who may edit may record a confirmation the customer gave another way.
  const confirmRow = canEdit
    ? markConfirmedRow(
        app,
        () => loaded,
        (saved) => {
          if (!loaded) return;
          loaded = { id: saved.id, version: saved.version, values: { ...loaded.values, ...saved.values } };
          form.load(loaded.values);
        },
      )
    : null;
  const card = customerCardView(app);
  const editor = h('div', { className: 'editor', hidden: true }, heading, card.el, form.el, confirmRow);

  async function search() {
    const q = query.value.trim();
    if (!q) return;
    app.clearNotice();
    fill(results, h('p', { className: 'note' }, app.tr('searching')));
    try {
      const r = await app.call('findCustomers', { query: q });
      fill(
        results,
        r.results.length
          ? customerList(app, r.results)
          : h('p', { className: 'note' }, app.tr('noResults', { query: q })),
        r.more ? h('p', { className: 'note' }, app.tr('moreResults')) : null,
      );
    } catch (e) {
      results.replaceChildren();
      showFailure(app, e, 'load');
    }
  }

  async function open(id: string) {
    app.clearNotice();
    fill(heading, app.tr('loading'));
    editor.hidden = false;
    // In parallel with the record: each call is a server execution of its own.
    void card.show(id);
    try {
      const r = await app.call('getCustomer', { id });
      loaded = { id: r.id, version: r.version, values: r.values };
      app.currentCustomer = r.id;
      form.load(r.values);
      fill(heading, app.tr(canEdit ? 'editing' : 'viewing', { id: r.id }));
    } catch (e) {
      editor.hidden = true;
      showFailure(app, e, 'load');
    }
  }

  async function save() {
    if (!loaded) return;
    const values = collected(app, form);
    if (!values) return;
    const changes = changedValues(loaded.values, values);
    if (Object.keys(changes).length === 0) {
      app.notify('info', app.tr('noChanges'));
      return;
    }
    const current = loaded;
    await submit(
      app,
      form,
      () => app.call('updateCustomer', { id: current.id, version: current.version, changes }),
      (saved) => {
        // Merged, in case the server answers with only the fields it wrote.
        loaded = { id: saved.id, version: saved.version, values: { ...current.values, ...saved.values } };
        form.load(loaded.values);
        app.notify('ok', app.tr('savedEdit', { id: saved.id }));
      },
      () => void open(current.id),
    );
  }

  const bar = h(
    'form',
    {
      className: 'search',
      role: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void search();
      },
    },
    query,
    h('button', { type: 'submit' }, app.tr('search')),
  );
  const el = h('section', { 'data-section': 'find' }, h('h2', {}, app.tr('findTitle')), bar, results, editor);
  return { el, open };
}
