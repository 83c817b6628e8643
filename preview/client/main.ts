// The preview page's entry point: the person switcher, sheet tabs, menu, clock and outbox controls, wired to the server.
/// <reference lib="dom" />
import type {
  ClockResult,
  ClockView,
  EditResult,
  MenuResult,
  MenuView,
  SessionView,
  SheetView,
} from '../wire';
import { ApiError, get, post } from './api';
import { renderCharts } from './charts';
import { alertBox, initDialogs, notice } from './dialogs';
import { byId, el } from './dom';
import { renderGrid } from './grid';
import { renderMenus } from './menus';
import { showOutbox } from './outbox';
import { closePanel, initPanel, openPanel, panelOwner } from './panel';

const state = { user: '', sheet: 'Customers', session: null as SessionView | null };

function fail(e: unknown) {
  alertBox(
    e instanceof Error ? e.message : String(e),
    e instanceof ApiError ? 'The preview refused that' : 'Error',
  );
}

function showClock(c: ClockView) {
  const clock = byId('clock');
  clock.textContent = `${c.local} (${c.timeZone})`;
  clock.title = c.now;
}

async function loadSession() {
  const s = await get<SessionView>('/api/session');
  state.session = s;
  const select = byId<HTMLSelectElement>('user');
  select.replaceChildren(
    ...s.people.map((p) =>
      el('option', { text: `${p.name || p.email} · ${p.role || 'no role'}`, attrs: { value: p.email } }),
    ),
  );
  if (!s.people.some((p) => p.email === state.user)) state.user = s.people[0]?.email ?? '';
  select.value = state.user;
  if (!s.sheets.some((x) => x.name === state.sheet)) state.sheet = s.sheets[0]?.name ?? '';
  renderTabs();
  showClock(s.clock);
  byId('outbox-count').textContent = String(s.outboxCount);
}

function renderTabs() {
  const tabs = byId('tabs');
  tabs.replaceChildren(
    ...(state.session?.sheets ?? []).map((s) => {
      const b = el('button', { className: s.name === state.sheet ? 'tab current' : 'tab', text: s.name });
      b.dataset.sheet = s.name;
      if (s.tabColor) b.style.borderBottomColor = s.tabColor;
      b.addEventListener('click', () => {
        state.sheet = s.name;
        renderTabs();
        loadSheet().catch(fail);
      });
      return b;
    }),
  );
}

async function loadSheet() {
  const wrap = byId('grid-wrap');
  const at = { top: wrap.scrollTop, left: wrap.scrollLeft };
  const view = await get<SheetView>('/api/sheet', { name: state.sheet, user: state.user });
  renderGrid(byId<HTMLTableElement>('grid'), view, (a1, input) => editCell(a1, input).catch(fail));
  renderCharts(byId('charts'), view);
  wrap.scrollTop = at.top;
  wrap.scrollLeft = at.left;
}

async function editCell(a1: string, input: string) {
  const out = await post<EditResult>('/api/edit', { user: state.user, sheet: state.sheet, a1, input });
  for (const a of out.alerts) alertBox(a);
  if (out.ok) {
    notice(`${state.user} typed into ${state.sheet}!${a1}.`);
    await refresh();
  } else alertBox(out.error, 'There was a problem');
}

/** After anything that may have written: the sheet list, the grid, the clock and the outbox count. */
async function refresh() {
  await loadSession();
  await loadSheet();
}

async function openAs(user: string) {
  state.user = user;
  localStorage.setItem('preview.user', user);
  const { menus } = await post<{ menus: MenuView[] }>('/api/open', { user });
  renderMenus(byId('menus'), menus, (fn, caption) => runMenu(fn, caption).catch(fail));
  await loadSheet();
  // A sidebar belongs to the person who opened it: the new person opens their own, if their menu offers it.
  const open = panelOwner();
  if (open && open.user !== user) {
    closePanel();
    if (menus.some((m) => m.items.some((i) => 'functionName' in i && i.functionName === open.functionName)))
      await runMenu(open.functionName, '');
  }
}

async function runMenu(fn: string, caption: string) {
  const out = await post<MenuResult>('/api/menu', { user: state.user, fn });
  if (out.error) alertBox(out.error, 'Error');
  for (const a of out.alerts) alertBox(a);
  const dialog = out.dialogs.at(-1);
  if (dialog) openPanel(state.user, dialog.n, dialog.title, fn, 'dialog');
  else if (out.sidebar) openPanel(state.user, out.sidebar.n, out.sidebar.title, fn);
  else if (caption) notice(`${state.user} ran “${caption}”.`);
  await refresh();
}

async function advanceClock() {
  const out = await post<ClockResult>('/api/clock', {});
  showClock(out.clock);
  const failed = out.fired.filter((f) => f.error);
  notice(
    `Clock moved to ${out.clock.local}. ${out.fired.length} trigger run(s)${failed.length ? `, ${failed.length} failed` : ''}; ${out.mailsSent} email(s) sent.`,
  );
  for (const f of failed) alertBox(`${f.handler}: ${f.error}`, 'A trigger failed');
  await refresh();
}

async function start() {
  initDialogs();
  let pending = 0;
  initPanel(() => {
    // A burst of sidebar calls refreshes the grid once.
    clearTimeout(pending);
    pending = window.setTimeout(() => refresh().catch(fail), 150);
  });
  byId('advance').addEventListener('click', () => advanceClock().catch(fail));
  byId('outbox-button').addEventListener('click', () =>
    showOutbox(state.session?.clock.timeZone ?? 'UTC').catch(fail),
  );
  byId('outbox-close').addEventListener('click', () => byId<HTMLDialogElement>('outbox').close());
  byId<HTMLSelectElement>('user').addEventListener('change', (e) =>
    openAs((e.target as HTMLSelectElement).value).catch(fail),
  );
  state.user = localStorage.getItem('preview.user') ?? '';
  await loadSession();
  await openAs(state.user);
  document.body.dataset.ready = 'true';
}

start().catch(fail);
