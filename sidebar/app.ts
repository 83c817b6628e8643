// What every section shares: the boot data, the translator, the RPC client, the message area and navigation.
import type { BootData, SaveResult, WireRecord } from '../src/shared/rpc';
import { h } from './dom';
import type { FormView } from './form-view';
import type { Call } from './rpc-client';
import type { Translate } from './strings';

export type TabKey = 'new' | 'find' | 'interaction' | 'property' | 'review' | 'admin' | 'care';

export interface App {
  boot: BootData;
  tr: Translate;
  call: Call;
  /** One message at a time, above the sections, with optional buttons (Reload, Create anyway…). */
  notify(kind: 'info' | 'ok' | 'error', text: string, ...actions: HTMLElement[]): void;
  clearNotice(): void;
  show(tab: TabKey): void;
  /** Opens a customer in Find & edit. */
  openCustomer(id: string): void;
  /** The customer open in Find & edit, offered to the interaction and property forms. */
  currentCustomer: string | null;
}

/**
 * Text Apps Script itself answers with when the browser is signed in to several Google accounts and the
 * call runs as another one than the spreadsheet's (Google's known limitation; no server code ran).
 */
const SEVERAL_ACCOUNTS = /Authorization is required to perform that action|PERMISSION_DENIED/i;

/**
 * A failed call, said in the user's language: a refusal's message already is (the server words it), and
 * what failed is named, a save ("Not saved: …") or a read ("Could not load: …").
 */
export function showFailure(app: App, e: unknown, what: 'save' | 'load' = 'save') {
  const message = e instanceof Error ? e.message : String(e);
  if (SEVERAL_ACCOUNTS.test(message)) app.notify('error', app.tr('severalAccounts'));
  else app.notify('error', app.tr(what === 'save' ? 'refused' : 'loadFailed', { message }));
}

/**
 * Handles the result shapes every save shares; returns the saved result or null. Duplicates are the
 * caller's to show, since only creating a customer can meet them.
 */
export function settle(app: App, form: FormView, r: SaveResult, onStale?: () => void) {
  if (r.ok) return r;
  if ('errors' in r) {
    form.showErrors(r.errors);
    app.notify('error', app.tr('fixErrors'));
  } else if ('stale' in r) {
    const reload = onStale && h('button', { type: 'button', onclick: onStale }, app.tr('staleReload'));
    app.notify('error', r.message, ...(reload ? [reload] : []));
  }
  return null;
}

/** Runs a save with the form disabled, so a double click cannot send it twice. */
export async function busy<T>(form: FormView, work: () => Promise<T>): Promise<T> {
  form.setBusy(true);
  try {
    return await work();
  } finally {
    form.setBusy(false);
  }
}

/** A form's values ready to send, or null once the user has been told to fix what the form flags. */
export function collected(app: App, form: FormView): WireRecord | null {
  app.clearNotice();
  const values = form.collect();
  if (!values) app.notify('error', app.tr('fixErrors'));
  return values;
}

/** Sends a save with the form disabled, shows field errors, staleness or a refusal, and hands a success to `done`. */
export async function submit(
  app: App,
  form: FormView,
  send: () => Promise<SaveResult>,
  done: (saved: Extract<SaveResult, { ok: true }>) => void | Promise<void>,
  onStale?: () => void,
) {
  await busy(form, async () => {
    try {
      const saved = settle(app, form, await send(), onStale);
      if (saved) await done(saved);
    } catch (e) {
      showFailure(app, e);
    }
  });
}

/** Drops empty values: a new record leaves unset fields out rather than sending nulls. */
export function nonEmpty(values: Record<string, unknown>) {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(values))
    if (v !== null && v !== undefined && v !== '') out[k] = v as string | number | boolean;
  return out;
}
