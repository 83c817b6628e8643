// The Log interaction section: one contact with a customer, pre-filled with today, the open customer and the user.
import { type App, collected, nonEmpty, submit } from './app';
import { searchWith } from './customer-picker';
import { h, today } from './dom';
import { formView } from './form-view';

export function interactionSection(app: App): { el: HTMLElement; onShow(): void } {
  const config = app.boot.forms.interaction;
  const form = formView(config, {
    id: 'interaction',
    tr: app.tr,
    defaultRegion: app.boot.settings.defaultPhoneRegion,
    submitLabel: app.tr('save'),
    onSubmit: () => void save(),
    defaults: () => ({ date: today(), staff: app.boot.user, customerId: app.currentCustomer }),
    pickCustomer: searchWith(app.call),
  });

  async function save() {
    const values = collected(app, form);
    if (!values) return;
    await submit(
      app,
      form,
      () => app.call('logInteraction', { values: nonEmpty(values) }),
      (saved) => {
        form.reset();
        app.notify('ok', app.tr('savedInteraction', { id: saved.id }));
      },
    );
  }

  const customerInput = () => form.el.querySelector<HTMLInputElement>('[name="customerId"]');
  const el = h(
    'section',
    { 'data-section': 'interaction' },
    h('h2', {}, app.tr('interactionTitle')),
    config.canSubmit ? null : h('p', { className: 'note' }, app.tr('readOnlyRole')),
    form.el,
  );
  return {
    el,
    // The customer opened in Find & edit is the likeliest subject of the next interaction.
    onShow() {
      const input = customerInput();
      if (input && !input.value && app.currentCustomer) form.setValue('customerId', app.currentCustomer);
    },
  };
}
