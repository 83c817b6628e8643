// Mark confirmed, in Find & edit: the customer confirmed their details by phone, in person or by replying.
import type { SaveResult } from '../src/shared/rpc';
import { type App, showFailure } from './app';
import { h } from './dom';

type How = 'phone' | 'inPerson' | 'reply';

/** A row under the customer form; `loaded` gives the record on screen (its ID and version) or null. */
export function markConfirmedRow(
  app: App,
  loaded: () => { id: string; version: string } | null,
  saved: (r: Extract<SaveResult, { ok: true }>) => void,
): HTMLElement {
  const how = h(
    'select',
    { id: 'confirm-how', 'aria-label': app.tr('confirmedHow') },
    ...(['phone', 'inPerson', 'reply'] as const).map((k) => h('option', { value: k }, app.tr(`how_${k}`))),
  );
  const button = h('button', { type: 'button', className: 'mark-confirmed' }, app.tr('markConfirmed'));
  button.addEventListener('click', async () => {
    const at = loaded();
    if (!at) return;
    app.clearNotice();
    button.disabled = true;
    try {
      const r = await app.call('confirmReview', { id: at.id, version: at.version, how: how.value as How });
      if (r.ok) {
        saved(r);
        app.notify('ok', app.tr('markedConfirmed', { id: r.id }));
      } else if ('stale' in r) app.notify('error', r.message);
    } catch (e) {
      showFailure(app, e);
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { className: 'row mark-confirmed-row' }, how, button);
}
