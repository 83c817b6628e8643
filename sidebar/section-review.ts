// The Review tab: My work for all staff; for managers and admins also entries by others to approve or return, and customers' changes.
import type { CustomerSummary } from '../src/shared/rpc';
import { type App, showFailure } from './app';
import { fill, h } from './dom';
import { changeRequestsBlock } from './section-changes';
import { customerList } from './section-find';
import { myWorkBlock } from './section-work';

export function reviewSection(app: App): { el: HTMLElement; onShow(): void } {
  const list = h('div', { className: 'review-results', 'aria-live': 'polite' });
  const changes = changeRequestsBlock(app, true);
  const work = myWorkBlock(app);
  // Every staff member has My work; only managers review entries and decide on customers' changes.
  const reviews = app.boot.role === 'Manager' || app.boot.role === 'Admin';

  async function refresh() {
    fill(list, h('p', { className: 'note' }, app.tr('loading')));
    try {
      const { results } = await app.call('listPendingReview', {});
      fill(
        list,
        results.length
          ? customerList(app, results, actions)
          : h('p', { className: 'note' }, app.tr('noPending')),
      );
    } catch (e) {
      list.replaceChildren();
      showFailure(app, e, 'load');
    }
  }

  // The summary carries no version, so the record is read first: approving what the reviewer has not seen is refused.
  async function decide(c: CustomerSummary, comment: string | null) {
    app.clearNotice();
    try {
      const { version } = await app.call('getCustomer', { id: c.id });
      const r =
        comment === null
          ? await app.call('approveCustomer', { id: c.id, version })
          : await app.call('returnCustomer', { id: c.id, version, comment });
      if (r.ok) {
        app.notify('ok', app.tr(comment === null ? 'approved' : 'returned', { id: c.id }));
        await refresh();
      } else if ('stale' in r) app.notify('error', r.message);
      else if ('errors' in r) app.notify('error', r.errors.map((e) => e.message).join(' '));
    } catch (e) {
      showFailure(app, e);
    }
  }

  function actions(c: CustomerSummary): HTMLElement[] {
    const comment = h('textarea', { rows: 2, className: 'comment', 'aria-label': app.tr('returnComment') });
    const returnBox = h(
      'div',
      { className: 'return-box', id: `return-${c.id}`, hidden: true },
      comment,
      h(
        'button',
        {
          type: 'button',
          className: 'confirm-return',
          onclick: () => {
            const text = comment.value.trim();
            if (!text) app.notify('error', app.tr('commentRequired'));
            else void decide(c, text);
          },
        },
        app.tr('confirmReturn'),
      ),
    );
    return [
      h('div', { className: 'meta' }, app.tr('enteredBy', { user: c.enteredBy })),
      h(
        'div',
        { className: 'row' },
        h(
          'button',
          { type: 'button', className: 'primary approve', onclick: () => void decide(c, null) },
          app.tr('approve'),
        ),
        h(
          'button',
          {
            type: 'button',
            className: 'return',
            'aria-expanded': 'false',
            'aria-controls': returnBox.id,
            onclick: (e: Event) => {
              returnBox.hidden = !returnBox.hidden;
              (e.currentTarget as HTMLElement).setAttribute('aria-expanded', String(!returnBox.hidden));
              if (!returnBox.hidden) comment.focus();
            },
          },
          app.tr('returnIt'),
        ),
      ),
      returnBox,
    ];
  }

  const load = () =>
    void Promise.all(reviews ? [work.refresh(), refresh(), changes.refresh()] : [work.refresh()]);
  const el = h(
    'section',
    { 'data-section': 'review' },
    h('button', { type: 'button', className: 'refresh', onclick: load }, app.tr('refresh')),
    work.el,
    reviews ? h('h2', {}, app.tr('reviewTitle')) : null,
    reviews ? list : null,
    reviews ? changes.el : null,
  );
  // Loaded when the tab is opened, never at start: the form is usable before any round trip.
  return { el, onShow: load };
}
