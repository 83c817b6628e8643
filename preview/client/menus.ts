// The add-on's menu as onOpen built it for the current person: a button per menu, its items in a dropdown.
/// <reference lib="dom" />
import type { MenuView } from '../wire';
import { el } from './dom';

export type PickItem = (functionName: string, caption: string) => void;

function items(m: MenuView, pick: PickItem, close: () => void): HTMLElement {
  const list = el('ul', { className: 'menu-items', attrs: { role: 'menu' } });
  for (const item of m.items) {
    if ('separator' in item) list.append(el('li', { className: 'separator', attrs: { role: 'separator' } }));
    else if ('submenu' in item) {
      const li = el('li', { className: 'submenu', text: item.submenu.title });
      li.append(items(item.submenu, pick, close));
      list.append(li);
    } else {
      const button = el('button', {
        text: item.caption,
        attrs: { role: 'menuitem', 'data-fn': item.functionName },
      });
      button.addEventListener('click', () => {
        close();
        pick(item.functionName, item.caption);
      });
      list.append(el('li', {}, button));
    }
  }
  return list;
}

export function renderMenus(nav: HTMLElement, menus: readonly MenuView[], pick: PickItem) {
  nav.replaceChildren(
    ...menus.map((m) => {
      const wrap = el('div', { className: 'menu' });
      const button = el('button', {
        className: 'menu-title',
        text: m.title,
        attrs: { 'aria-haspopup': 'menu' },
      });
      const close = () => wrap.classList.remove('open');
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        wrap.classList.toggle('open');
      });
      document.addEventListener('click', close);
      wrap.append(button, items(m, pick, close));
      return wrap;
    }),
  );
  if (menus.length === 0)
    nav.append(el('span', { className: 'muted', text: 'No add-on menu for this person' }));
}
