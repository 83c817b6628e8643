// The preview's JSON API: each handler checks the request, runs it in the emulator as the chosen person, and saves on success.
import type { MenuRecord } from '../emulator/src';
import { isCallable } from './bundle';
import { clockView, tomorrowAt } from './clock';
import { HttpError, text } from './http';
import { panelHtml } from './panel';
import { findPerson, people } from './people';
import type { PreviewStore } from './store';
import { findSheet, sheetView } from './view';
import type { ClockResult, EditResult, MailView, MenuResult, SessionView, SheetView, Shown } from './wire';

/** The hour of the clock control's "tomorrow 09:00": the add-on's default reminder hour. */
const MORNING = 9;
const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;
const NAME = /^[A-Za-z_$][\w$]*$/;

/** The person a request acts as: the owner or someone on the Team sheet who can open the file; anyone else is 403. */
function actor(store: PreviewStore, value: unknown): string {
  const person = findPerson(store.emu, value);
  if (!person)
    throw new HttpError(
      403,
      `${typeof value === 'string' && value ? value : 'That user'} is not on the Team sheet or cannot open this spreadsheet.`,
    );
  return person.email;
}

export function session(store: PreviewStore): SessionView {
  const { emu } = store;
  return {
    people: people(emu),
    sheets: emu.spreadsheet.state.sheets
      .filter((s) => !s.hidden)
      .map((s) => ({ name: s.name, tabColor: s.tabColor })),
    clock: clockView(emu.now(), emu.spreadsheet.state.timeZone),
    outboxCount: emu.outbox.length,
  };
}

/**
 * The person opens the spreadsheet: onOpen builds their menu. The demo team is one Workspace domain, where
 * Google lets a simple onOpen know who opened the file. Nothing is saved: opening changes no data.
 */
export function open(store: PreviewStore, body: Record<string, unknown>): { menus: MenuRecord[] } {
  const user = actor(store, body.user);
  return { menus: store.emu.open(user, { identified: true }).menus };
}

export function sheet(store: PreviewStore, query: URLSearchParams): SheetView {
  const user = actor(store, query.get('user'));
  const found = findSheet(store.emu, query.get('name'));
  if (!found) throw new HttpError(404, `There is no sheet named "${query.get('name') ?? ''}".`);
  return sheetView(store.emu, found, user);
}

function menuFunctions(menus: readonly MenuRecord[]): string[] {
  return menus.flatMap((m) =>
    m.items.flatMap((i) =>
      'functionName' in i ? [i.functionName] : 'submenu' in i ? menuFunctions([i.submenu]) : [],
    ),
  );
}

/** Runs `work` and reports what it showed the person: alerts, a sidebar, dialogs, or the error it ended with. */
function showing(store: PreviewStore, user: string, work: () => void): Shown {
  const ui = store.emu.uiOf(user);
  const before = { alerts: ui.alerts.length, sidebars: ui.sidebars.length, dialogs: ui.dialogs.length };
  const shown: Shown = { alerts: [], dialogs: [] };
  try {
    work();
  } catch (e) {
    shown.error = e instanceof Error ? e.message : String(e);
  }
  shown.alerts = ui.alerts.slice(before.alerts);
  shown.dialogs = ui.dialogs.slice(before.dialogs).map((d, i) => ({ n: before.dialogs + i, title: d.title }));
  if (ui.sidebars.length > before.sidebars)
    shown.sidebar = { n: ui.sidebars.length - 1, title: ui.sidebars[ui.sidebars.length - 1].title };
  return shown;
}

/** A menu item: only what the person's own menu offers may be run this way. */
export function menu(store: PreviewStore, body: Record<string, unknown>): MenuResult {
  const user = actor(store, body.user);
  const fn = text(body, 'fn');
  const { emu } = store;
  if (emu.uiOf(user).menus.length === 0) emu.open(user, { identified: true });
  if (!menuFunctions(emu.uiOf(user).menus).includes(fn))
    throw new HttpError(404, `"${fn}" is not an item of ${user}'s menu.`);
  const shown = showing(store, user, () => emu.run(user, fn));
  if (!shown.error) store.save();
  return shown;
}

/** google.script.run from the sidebar: Apps Script's own answer, success or failure, as the shim expects it. */
export function run(store: PreviewStore, body: Record<string, unknown>) {
  const user = actor(store, body.user);
  const fn = text(body, 'fn');
  if (!NAME.test(fn) || !isCallable(store.globals, fn))
    throw new HttpError(404, `Script function not found: ${fn}`);
  const args = body.args;
  let parsed: unknown;
  try {
    parsed = typeof args === 'string' ? JSON.parse(args) : undefined;
  } catch {
    // Reported below with the same message as a non-array.
  }
  if (!Array.isArray(parsed)) throw new HttpError(400, '"args" must be a JSON array, as text.');
  const out = store.emu.scriptRunJson(user, fn, args as string);
  if (out.ok) store.save();
  return out;
}

/** A person typing into a cell: validation, protections and onEdit apply; a refusal carries the real message. */
export function edit(store: PreviewStore, body: Record<string, unknown>): EditResult {
  const user = actor(store, body.user);
  const name = text(body, 'sheet');
  const a1 = text(body, 'a1').toUpperCase();
  if (typeof body.input !== 'string') throw new HttpError(400, '"input" must be a string.');
  const input = body.input;
  const found = findSheet(store.emu, name);
  if (!found) throw new HttpError(404, `There is no sheet named "${name}".`);
  if (!A1.test(a1)) throw new HttpError(400, `"${a1}" is not a cell reference like B2.`);
  let out: { ok: true } | { ok: false; error: string } = { ok: true };
  const shown = showing(store, user, () => {
    out = store.emu.edit(user, name, a1, input);
  });
  if (out.ok) store.save();
  return { ...out, alerts: shown.alerts };
}

/** Moves the fake clock (to tomorrow 09:00 unless `to` says otherwise), firing every trigger that falls due. */
export function clock(store: PreviewStore, body: Record<string, unknown>): ClockResult {
  const { emu } = store;
  const tz = emu.spreadsheet.state.timeZone;
  let to = tomorrowAt(emu.now(), tz, MORNING);
  if (body.to !== undefined) {
    to = typeof body.to === 'string' ? Date.parse(body.to) : Number.NaN;
    if (Number.isNaN(to)) throw new HttpError(400, '"to" must be an ISO date-time.');
    if (to <= emu.now()) throw new HttpError(400, 'The clock only moves forward.');
  }
  const executions = emu.meter.executions.length;
  const mails = emu.outbox.length;
  emu.advanceClock(to);
  store.save();
  return {
    clock: clockView(emu.now(), tz),
    fired: emu.meter.executions
      .slice(executions)
      .filter((x) => x.kind === 'installable-trigger')
      .map((x) => ({
        handler: x.fn,
        at: new Date(x.startedAt).toISOString(),
        ...(x.error ? { error: x.error } : {}),
      })),
    mailsSent: emu.outbox.length - mails,
  };
}

export function outbox(store: PreviewStore): MailView[] {
  return store.emu.outbox.map((m) => ({
    at: m.at,
    from: m.from,
    name: m.name,
    to: m.to,
    cc: m.cc,
    subject: m.subject,
    body: m.body,
    htmlBody: m.htmlBody,
  }));
}

/** The n-th sidebar (or, with kind=dialog, dialog) the person was shown, ready for the panel's iframe. */
export function panel(store: PreviewStore, query: URLSearchParams): string {
  const user = actor(store, query.get('user'));
  const n = Number(query.get('n'));
  const ui = store.emu.uiOf(user);
  const shown = (query.get('kind') === 'dialog' ? ui.dialogs : ui.sidebars)[n];
  if (!Number.isInteger(n) || !shown) throw new HttpError(404, 'No such sidebar: open it from the menu.');
  return panelHtml(shown.html);
}
