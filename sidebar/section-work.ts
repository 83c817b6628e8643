// My work, at the top of the Review tab for all staff: my entries waiting or returned (with the comment), and counts of what else waits.
import type { MyWork, WorkItem } from '../src/shared/rpc';
import { type App, showFailure } from './app';
import { fill, h } from './dom';

export function myWorkBlock(app: App): { el: HTMLElement; refresh(): Promise<void> } {
  const body = h('div', { className: 'work-results', 'aria-live': 'polite' });

  function items(list: WorkItem[], withComment: boolean): HTMLElement {
    return h(
      'ul',
      { className: 'results' },
      ...list.map((w) =>
        h(
          'li',
          { 'data-id': w.id },
          h(
            'button',
            { type: 'button', className: 'link', onclick: () => app.openCustomer(w.id) },
            w.name || w.id,
          ),
          h('div', { className: 'meta' }, w.id),
          withComment && w.comment
            ? h('div', { className: 'comment-text' }, app.tr('reviewerSaid', { comment: w.comment }))
            : null,
        ),
      ),
    );
  }

  function render(w: MyWork) {
    const manager = app.boot.role === 'Manager' || app.boot.role === 'Admin';
    const parts: (HTMLElement | null)[] = [
      manager ? h('p', { className: 'note to-review' }, app.tr('workToReview', { n: w.toReview })) : null,
      h('h4', {}, app.tr('workReturned', { n: w.returned.length })),
      w.returned.length ? items(w.returned, true) : null,
      h('h4', {}, app.tr('workPending', { n: w.pending.length })),
      w.pending.length ? items(w.pending, false) : null,
      h('h4', {}, app.tr('workChanges', { n: w.changeRequests.length })),
    ];
    // Clerks see their customers' requests here; managers decide on them further down.
    if (!manager && w.changeRequests.length)
      parts.push(
        h(
          'ul',
          { className: 'results changes' },
          ...w.changeRequests.map((r) =>
            h(
              'li',
              { 'data-id': r.id },
              `${r.customerName || r.customerId} · ${r.fieldLabel}: ${r.oldValue || '—'} → ${r.newValue || '—'}`,
            ),
          ),
        ),
      );
    fill(body, ...parts);
  }

  async function refresh() {
    fill(body, h('p', { className: 'note' }, app.tr('loading')));
    try {
      render(await app.call('myWork', {}));
    } catch (e) {
      body.replaceChildren();
      showFailure(app, e, 'load');
    }
  }

  const el = h('div', { className: 'my-work' }, h('h2', {}, app.tr('workTitle')), body);
  return { el, refresh };
}
