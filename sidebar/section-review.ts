// The Pending review section (managers and admins): customers entered by others, approved or returned with a comment.
import type { CustomerSummary } from '../src/shared/rpc';
import { type App, showFailure } from './app';
import { fill, h } from './dom';
import { changeRequestsBlock } from './section-changes';
import { customerList } from './section-find';

export function reviewSection(app: App): { el: HTMLElement; onShow(): void } {
  const list = h('div', { className: 'review-results', 'aria-live': 'polite' });
  const changes = changeRequestsBlock(app, true);

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

  const el = h(
    'section',
    { 'data-section': 'review' },
    h('h2', {}, app.tr('reviewTitle')),
    h(
      'button',
      {
        type: 'button',
        className: 'refresh',
        onclick: () => void Promise.all([refresh(), changes.refresh()]),
      },
      app.tr('refresh'),
    ),
    list,
    changes.el,
  );
  // Loaded when the tab is opened, never at start: the form is usable before any round trip.
  return { el, onShow: () => void Promise.all([refresh(), changes.refresh()]) };
}
