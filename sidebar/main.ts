// The sidebar's entry point: reads the boot data the server embedded and builds the tabs, with no round trip.
import type { BootData } from '../src/shared/rpc';
import type { App, TabKey } from './app';
import { fill, h } from './dom';
import { call } from './rpc-client';
import { adminSection } from './section-admin';
import { careSection } from './section-care';
import { findSection } from './section-find';
import { interactionSection } from './section-interaction';
import { newCustomerSection } from './section-new';
import { propertySection } from './section-property';
import { reviewSection } from './section-review';
import { translator } from './strings';

declare global {
  interface Window {
    __BOOT__?: BootData;
  }
}

/** The tab an arrow, Home or End key moves to from tab `at` of `count` (wrapping), or null for other keys. */
function tabTarget(key: string, at: number, count: number): number | null {
  if (key === 'ArrowRight') return (at + 1) % count;
  if (key === 'ArrowLeft') return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/** Admins find the care section under their reminders: a seventh tab would not fit the 300 px sidebar. */
function withCare<T extends { el: HTMLElement }>(admin: T, care: { el: HTMLElement }): T {
  admin.el.append(care.el);
  return admin;
}

function start(boot: BootData, root: HTMLElement) {
  const tr = translator(boot.lang);
  document.documentElement.lang = boot.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = tr('appTitle');
  const notice = h('div', { className: 'notice', role: 'status', hidden: true });
  const panels = new Map<TabKey, { el: HTMLElement; tab: HTMLButtonElement; onShow?: () => void }>();
  let current: TabKey | null = null;

  const app: App = {
    boot,
    tr,
    call,
    currentCustomer: null,
    notify(kind, text, ...actions) {
      notice.className = `notice ${kind}`;
      fill(notice, h('span', {}, text), ...actions);
      notice.hidden = false;
      notice.scrollIntoView?.({ block: 'nearest' });
    },
    clearNotice() {
      notice.hidden = true;
      notice.replaceChildren();
    },
    show(key) {
      // A message belongs to the tab that showed it: "Customer C-1 saved" must not greet the next tab.
      if (key !== current) app.clearNotice();
      current = key;
      for (const [k, p] of panels) {
        p.el.hidden = k !== key;
        p.tab.setAttribute('aria-selected', String(k === key));
        // One tab stop for the strip: the selected tab; arrows move between the others.
        p.tab.tabIndex = k === key ? 0 : -1;
      }
      panels.get(key)?.onShow?.();
    },
    openCustomer(id) {
      app.show('find');
      void find.open(id);
    },
  };

  const find = findSection(app);
  const sections: [TabKey, string, { el: HTMLElement; onShow?: () => void }][] = [
    ['new', tr('tabNew'), { el: newCustomerSection(app) }],
    ['find', tr('tabFind'), find],
    ['interaction', tr('tabInteraction'), interactionSection(app)],
    ['property', tr('tabProperty'), propertySection(app)],
  ];
  // Hiding what a role may not do is for clarity only; the server refuses reviews from anyone else.
  if (boot.role === 'Manager' || boot.role === 'Admin')
    sections.push(['review', tr('tabReview'), reviewSection(app)]);
  else if (boot.role === 'Clerk') sections.push(['review', tr('tabWork'), reviewSection(app)]);
  if (boot.role === 'Manager') sections.push(['care', tr('tabCare'), careSection(app)]);
  if (boot.role === 'Admin')
    sections.push(['admin', tr('tabAdmin'), withCare(adminSection(app), careSection(app))]);

  const tabs = h('div', { role: 'tablist', className: 'tabs', 'aria-label': tr('appTitle') });
  for (const [key, label, section] of sections) {
    const tab = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${key}`,
        'data-tab': key,
        'aria-controls': `panel-${key}`,
        onclick: () => app.show(key),
      },
      label,
    );
    tabs.append(tab);
    section.el.id = `panel-${key}`;
    section.el.setAttribute('role', 'tabpanel');
    section.el.setAttribute('aria-labelledby', tab.id);
    panels.set(key, { el: section.el, tab, onShow: section.onShow });
  }
  tabs.addEventListener('keydown', (e) => {
    const keys = sections.map(([k]) => k);
    const at = current ? keys.indexOf(current) : 0;
    const to = tabTarget(e.key, at, keys.length);
    if (to === null) return;
    e.preventDefault();
    app.show(keys[to]);
    panels.get(keys[to])?.tab.focus();
  });
  fill(
    root,
    h('header', {}, h('h1', {}, tr('appTitle')), h('div', { className: 'who' }, boot.user)),
    tabs,
    notice,
    ...sections.map(([, , s]) => s.el),
  );
  // A viewer can change nothing: they start where they can do something, finding a customer.
  app.show(boot.role === 'Viewer' ? 'find' : 'new');
  // Tests and people alike may start typing from here: everything above came from the page itself.
  root.dataset.ready = 'true';
}

const root = document.getElementById('app');
const boot = window.__BOOT__;
if (root && boot) start(boot, root);
else if (root) root.textContent = 'Customer Register: the page was served without its boot data.';
