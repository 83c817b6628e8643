// The Property section: receive an item from a customer, list what is held for one, update its state or return it.
import type { LoadedRecord, SaveResult, WireRecord } from '../src/shared/rpc';
import { type App, collected, nonEmpty, showFailure, submit } from './app';
import { customerPicker, searchWith } from './customer-picker';
import { fill, h, today } from './dom';
import { changedValues } from './field-logic';
import { formView } from './form-view';

export function propertySection(app: App): { el: HTMLElement; onShow(): void } {
  const config = app.boot.forms.property;
  const region = app.boot.settings.defaultPhoneRegion;
  const stateLabel = (key: unknown) =>
    config.fields.find((f) => f.key === 'state')?.options?.find((o) => o.key === key)?.label ??
    String(key ?? '');

  const receive = formView(config, {
    id: 'receive',
    tr: app.tr,
    defaultRegion: region,
    submitLabel: app.tr('save'),
    onSubmit: () => void saveNew(),
    defaults: () => ({
      receivedDate: today(),
      receivedBy: app.boot.user,
      state: 'received',
      customerId: app.currentCustomer,
    }),
    pickCustomer: searchWith(app.call),
  });

  async function saveNew() {
    const values = collected(app, receive);
    if (!values) return;
    await submit(
      app,
      receive,
      () => app.call('receiveProperty', { values: nonEmpty(values) }),
      (saved) => {
        receive.reset();
        app.notify('ok', app.tr('savedProperty', { id: saved.id }));
      },
    );
  }

  // Holding: the customer whose property is listed (chosen by name, company, phone or ID), and the record open for editing.
  let holder = '';
  const customer = customerPicker({
    id: 'property-customer',
    tr: app.tr,
    search: searchWith(app.call),
    onPick: (c) => {
      holder = c?.id ?? '';
      if (c) void show();
    },
  });
  customer.input.setAttribute('aria-label', app.tr('propertyHeld'));
  const list = h('div', { className: 'property-results' });
  let editing: LoadedRecord | null = null;
  const editForm = formView(config, {
    id: 'property-edit',
    tr: app.tr,
    defaultRegion: region,
    submitLabel: app.tr('save'),
    onSubmit: () => void saveEdit(),
    pickCustomer: searchWith(app.call),
  });
  const editor = h('div', { className: 'editor', hidden: true }, editForm.el);

  async function show() {
    const id = holder;
    if (!id) return;
    app.clearNotice();
    editor.hidden = true;
    try {
      const { results } = await app.call('findProperty', { customerId: id });
      fill(
        list,
        results.length
          ? h(
              'ul',
              { className: 'results' },
              ...results.map((rec) =>
                h(
                  'li',
                  { 'data-id': rec.id },
                  h('div', {}, String(rec.values.item ?? '')),
                  h(
                    'div',
                    { className: 'meta' },
                    [rec.id, stateLabel(rec.values.state), rec.values.serial].filter(Boolean).join(' · '),
                  ),
                  h('button', { type: 'button', onclick: () => edit(rec) }, app.tr('edit')),
                  rec.values.state === 'returned'
                    ? null
                    : h(
                        'button',
                        { type: 'button', onclick: () => void markReturned(rec) },
                        app.tr('markReturned'),
                      ),
                ),
              ),
            )
          : h('p', { className: 'note' }, app.tr('noProperty', { id: customer.input.value || id })),
      );
    } catch (e) {
      list.replaceChildren();
      showFailure(app, e, 'load');
    }
  }

  function edit(rec: LoadedRecord) {
    editing = rec;
    editForm.load(rec.values);
    editor.hidden = false;
  }

  async function update(rec: LoadedRecord, changes: WireRecord): Promise<SaveResult> {
    return app.call('updateProperty', { id: rec.id, version: rec.version, changes });
  }

  async function saveEdit() {
    if (!editing) return;
    const values = collected(app, editForm);
    if (!values) return;
    const changes = changedValues(editing.values, values);
    if (!Object.keys(changes).length) {
      app.notify('info', app.tr('noChanges'));
      return;
    }
    const rec = editing;
    await submit(
      app,
      editForm,
      () => update(rec, changes),
      async (saved) => {
        await show();
        app.notify('ok', app.tr('savedPropertyEdit', { id: saved.id }));
      },
      () => void show(),
    );
  }

  async function markReturned(rec: LoadedRecord) {
    app.clearNotice();
    try {
      const r = await update(rec, { state: 'returned', returnedDate: today() });
      if (r.ok) {
        // Listed again first: listing clears the message area.
        await show();
        app.notify('ok', app.tr('savedPropertyEdit', { id: r.id }));
      } else if ('stale' in r) app.notify('error', r.message);
      else if ('errors' in r) app.notify('error', r.errors.map((e) => e.message).join(' '));
    } catch (e) {
      showFailure(app, e);
    }
  }

  const lookup = h('div', { className: 'search' }, customer.el);
  const el = h(
    'section',
    { 'data-section': 'property' },
    h('h2', {}, app.tr('propertyTitle')),
    config.canSubmit ? null : h('p', { className: 'note' }, app.tr('readOnlyRole')),
    h('h3', {}, app.tr('propertyHeld')),
    lookup,
    list,
    editor,
    h('h3', {}, app.tr('receiveTitle')),
    receive.el,
  );
  return {
    el,
    onShow() {
      if (!holder && app.currentCustomer) {
        holder = app.currentCustomer;
        customer.show(holder);
      }
      const input = receive.el.querySelector<HTMLInputElement>('[name="customerId"]');
      if (input && !input.value && app.currentCustomer) receive.setValue('customerId', app.currentCustomer);
    },
  };
}
