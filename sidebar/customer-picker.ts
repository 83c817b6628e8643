// The customer picker: type part of a name, company, phone or ID and choose from matches showing name, company and ID.
import type { CustomerSummary } from '../src/shared/rpc';
import { h } from './dom';
import type { Call } from './rpc-client';
import type { Translate } from './strings';

export type CustomerSearch = (query: string) => Promise<CustomerSummary[]>;

/** The register's one customer search (ID, name, company, phone, email), as the picker asks it. */
export function searchWith(call: Call): CustomerSearch {
  return async (query) => (await call('findCustomers', { query })).results;
}

export interface CustomerPicker {
  el: HTMLElement;
  /** The visible combobox: labels point at it. */
  input: HTMLInputElement;
  /** Shows a customer chosen elsewhere (a loaded record, the customer open in Find & edit); '' clears. */
  show(id: string): void;
}

/** Names seen in this page, so a customer chosen once reads as a name, not a bare ID, wherever it is shown again. */
const known = new Map<string, string>();
const describe = (c: CustomerSummary) => [c.name, c.company, c.id].filter(Boolean).join(' · ');

/** Typing waits this long for a pause before searching: each search is a server execution. */
const PAUSE_MS = 250;

export function customerPicker(o: {
  id: string;
  tr: Translate;
  search: CustomerSearch;
  onPick: (c: CustomerSummary | null) => void;
  disabled?: boolean;
}): CustomerPicker {
  const listId = `${o.id}-list`;
  const input = h('input', {
    type: 'search',
    id: o.id,
    autocomplete: 'off',
    role: 'combobox',
    disabled: o.disabled,
    placeholder: o.tr('pickCustomerPlaceholder'),
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
  });
  const list = h('ul', { id: listId, role: 'listbox', className: 'picker-list', hidden: true });
  const status = h('div', { className: 'picker-status note', 'aria-live': 'polite' });
  let matches: CustomerSummary[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const pick = (c: CustomerSummary) => {
    known.set(c.id, describe(c));
    input.value = describe(c);
    status.textContent = '';
    close();
    o.onPick(c);
  };

  const highlight = (i: number) => {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((li, k) => {
      li.setAttribute('aria-selected', String(k === i));
    });
    if (i >= 0) input.setAttribute('aria-activedescendant', `${listId}-${i}`);
  };

  async function run(query: string) {
    const mine = ++asked;
    status.textContent = o.tr('searching');
    try {
      const found = await o.search(query);
      if (mine !== asked) return;
      matches = found;
      list.replaceChildren(
        ...found.map((c, i) =>
          h(
            'li',
            {
              id: `${listId}-${i}`,
              role: 'option',
              'data-id': c.id,
              'aria-selected': 'false',
              onmousedown: (e: Event) => e.preventDefault(),
              onclick: () => pick(c),
            },
            h('span', { className: 'picker-name' }, c.name),
            h('span', { className: 'meta' }, [c.company, c.id].filter(Boolean).join(' · ')),
          ),
        ),
      );
      list.hidden = !found.length;
      input.setAttribute('aria-expanded', String(found.length > 0));
      status.textContent = found.length ? '' : o.tr('noResults', { query });
    } catch (e) {
      if (mine === asked) status.textContent = e instanceof Error ? e.message : String(e);
    }
  }

  input.addEventListener('input', () => {
    // Whatever was chosen no longer matches the text: nothing is chosen until a match is picked.
    o.onPick(null);
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) {
      close();
      status.textContent = '';
      return;
    }
    timer = setTimeout(() => void run(q), PAUSE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && matches.length) {
      e.preventDefault();
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      highlight(Math.min(active + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp' && matches.length) {
      e.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (e.key === 'Enter') {
      // Enter chooses: the highlighted match, or the only one; it never submits the form around the picker.
      e.preventDefault();
      const c = matches[active] ?? (matches.length === 1 ? matches[0] : undefined);
      if (c && !list.hidden) pick(c);
      else if (input.value.trim()) void run(input.value.trim());
    } else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => close());

  return {
    el: h('div', { className: 'picker', 'data-picker': o.id }, input, list, status),
    input,
    show(id) {
      matches = [];
      close();
      status.textContent = '';
      input.value = id ? (known.get(id) ?? id) : '';
    },
  };
}
