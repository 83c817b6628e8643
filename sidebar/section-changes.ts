// Customers' change requests in the sidebar: grouped by customer, old → new, with Apply and Reject for managers.
import type { ChangeRequestSummary } from '../src/shared/rpc';
import { type App, showFailure } from './app';
import { fill, h } from './dom';

/** A block that lists pending change requests; `decide` is false for staff who may only see them. */
export function changeRequestsBlock(
  app: App,
  decide: boolean,
): { el: HTMLElement; refresh(): Promise<void> } {
  const list = h('div', { className: 'change-results', 'aria-live': 'polite' });

  async function refresh() {
    fill(list, h('p', { className: 'note' }, app.tr('loading')));
    try {
      const { results } = await app.call('listChangeRequests', {});
      fill(
        list,
        results.length ? grouped(results) : h('p', { className: 'note' }, app.tr('noChangeRequests')),
      );
    } catch (e) {
      list.replaceChildren();
      showFailure(app, e, 'load');
    }
  }

  async function settle(ids: string[], decision: 'apply' | 'reject', customerId: string) {
    app.clearNotice();
    try {
      const r = await app.call('decideChanges', { ids, decision });
      if (r.ok) {
        app.notify(
          'ok',
          app.tr(decision === 'apply' ? 'changesApplied' : 'changesRejected', { id: customerId }),
        );
        await refresh();
      } else if ('errors' in r) app.notify('error', r.errors.map((e) => e.message).join(' '));
      else if ('stale' in r) app.notify('error', r.message);
    } catch (e) {
      showFailure(app, e);
    }
  }

  function grouped(rows: ChangeRequestSummary[]): HTMLElement {
    const byCustomer = new Map<string, ChangeRequestSummary[]>();
    for (const r of rows) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r]);
    return h(
      'ul',
      { className: 'results changes' },
      ...[...byCustomer.entries()].map(([customerId, items]) => {
        const ids = items.map((i) => i.id);
        return h(
          'li',
          { 'data-id': customerId },
          h(
            'button',
            { type: 'button', className: 'link', onclick: () => app.openCustomer(customerId) },
            `${items[0].customerName || customerId}`,
          ),
          h('div', { className: 'meta' }, [customerId, items[0].receivedAt].join(' · ')),
          h(
            'ul',
            { className: 'diff' },
            ...items.map((i) =>
              h(
                'li',
                { 'data-field': i.field },
                h('strong', {}, i.fieldLabel),
                ': ',
                h('span', { className: 'old' }, i.oldValue || '—'),
                ' → ',
                h('span', { className: 'new' }, i.newValue || '—'),
              ),
            ),
          ),
          decide
            ? h(
                'div',
                { className: 'row' },
                h(
                  'button',
                  {
                    type: 'button',
                    className: 'primary apply',
                    onclick: () => void settle(ids, 'apply', customerId),
                  },
                  app.tr('applyChanges'),
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    className: 'reject',
                    onclick: () => void settle(ids, 'reject', customerId),
                  },
                  app.tr('rejectChanges'),
                ),
              )
            : null,
        );
      }),
    );
  }

  const el = h('div', { className: 'change-requests' }, h('h3', {}, app.tr('changesTitle')), list);
  return { el, refresh };
}
