// The New customer section: the customer form, likely duplicates with a link to each, and "Create anyway".
import type { DuplicateHit, WireRecord } from '../src/shared/rpc';
import { type App, busy, collected, nonEmpty, settle, showFailure } from './app';
import { h } from './dom';
import { formView } from './form-view';

export function duplicateList(app: App, hits: DuplicateHit[]): HTMLElement {
  const matched = (hit: DuplicateHit) =>
    app.tr('matchedOn', {
      fields: hit.matched
        .map((m) => app.tr(m === 'phone' ? 'matchPhone' : m === 'email' ? 'matchEmail' : 'matchName'))
        .join(app.boot.lang === 'zh' ? '、' : ', '),
    });
  return h(
    'ul',
    { className: 'results duplicates' },
    ...hits.map((hit) =>
      h(
        'li',
        { 'data-id': hit.id },
        h('button', { type: 'button', className: 'link', onclick: () => app.openCustomer(hit.id) }, hit.name),
        h('div', { className: 'meta' }, [hit.id, hit.company, matched(hit)].filter(Boolean).join(' · ')),
      ),
    ),
  );
}

export function newCustomerSection(app: App): HTMLElement {
  const config = app.boot.forms.customer;
  const duplicates = h('div', { className: 'duplicates-box' });
  const form = formView(config, {
    id: 'new',
    tr: app.tr,
    defaultRegion: app.boot.settings.defaultPhoneRegion,
    submitLabel: app.tr('save'),
    onSubmit: () => save(false),
  });

  async function save(confirmDuplicate: boolean) {
    duplicates.replaceChildren();
    const values = collected(app, form);
    if (!values) return;
    await busy(form, async () => {
      try {
        const req: { values: WireRecord; confirmDuplicate?: boolean } = { values: nonEmpty(values) };
        if (confirmDuplicate) req.confirmDuplicate = true;
        const r = await app.call('createCustomer', req);
        if (!r.ok && 'duplicates' in r) {
          app.notify('info', app.tr('duplicatesFound'));
          const anyway = h(
            'button',
            { type: 'button', className: 'create-anyway', onclick: () => save(true) },
            app.tr('createAnyway'),
          );
          duplicates.append(duplicateList(app, r.duplicates), anyway);
          return;
        }
        const saved = settle(app, form, r);
        if (saved) {
          form.reset();
          app.notify('ok', app.tr('savedNew', { id: saved.id }));
        }
      } catch (e) {
        showFailure(app, e);
      }
    });
  }

  return h(
    'section',
    { 'data-section': 'new' },
    h('h2', {}, app.tr('newTitle')),
    config.canSubmit ? null : h('p', { className: 'note' }, app.tr('readOnlyRole')),
    duplicates,
    form.el,
  );
}
