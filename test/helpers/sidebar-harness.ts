// Opens dist/sidebar.html in Chromium at 300 px with google.script.run bridged to the emulator (or a stand-in server).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Emulator } from '../../emulator/src';
import {
  type GasBridgeResult,
  type GasRunStats,
  GOOGLE_SCRIPT_RUN_SHIM,
} from '../../emulator/src/client/google-script-run';
import { formConfig } from '../../src/domain/form';
import type { Lang } from '../../src/domain/i18n';
import { recordTypes } from '../../src/schema';
import type { Role } from '../../src/schema/types';
import { BOOT_MARKER, bootScript } from '../../src/shared/boot';
import type { BootData } from '../../src/shared/rpc';

/** A server for the page: answers one google.script.run call as the emulator's scriptRunJson does. */
export type Server = (
  user: string,
  name: string,
  argsJson: string,
) => GasBridgeResult | Promise<GasBridgeResult>;

export interface ServerCall {
  name: string;
  args: unknown[];
}

export interface SidebarSession {
  page: Page;
  /** The HTML the page was served: what openForm put in the sidebar, or the local page. */
  html: string;
  /** Every call that reached the bridge, in order. */
  calls: ServerCall[];
  /** Requests the page tried to make to anywhere but itself (a CDN, a font…): all blocked, and should be none. */
  externalRequests: string[];
  /** Uncaught errors and console errors in the page. */
  pageErrors: string[];
  /** Resolves when the form is usable (the app marks itself ready), with the bridge calls made until then. */
  ready(): Promise<number>;
  stats(): Promise<GasRunStats>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Use this HTML instead of running openForm (e.g. `localSidebarHtml`, while the server is not there). */
  html?: string;
  /** Answer calls with this instead of the emulator. */
  server?: Server;
  height?: number;
}

const ORIGIN = 'https://sidebar.invalid';

/** Emulator-backed server: each call is an execution of its own, as the user, with JSON rules applied. */
export function emulatorServer(emu: Emulator): Server {
  return (user, name, argsJson) => emu.scriptRunJson(user, name, argsJson);
}

/** The sidebar the server serves the user: runs openForm as them and takes the last sidebar shown. */
export function servedSidebar(emu: Emulator, user: string): string {
  emu.run(user, 'openForm');
  const shown = emu.uiOf(user).sidebars;
  if (!shown.length) throw new Error(`openForm showed no sidebar to ${user}.`);
  return shown[shown.length - 1].html;
}

/** Boot data built here from the schema, as the server would build it with the default lists and settings. */
export function localBoot(user: string, role: Role, lang: Lang = 'en', registerLang: Lang = lang): BootData {
  return {
    user,
    role,
    lang,
    registerLang,
    forms: {
      customer: formConfig(recordTypes.customer, role, lang),
      interaction: formConfig(recordTypes.interaction, role, lang),
      property: formConfig(recordTypes.property, role, lang),
      purchase: formConfig(recordTypes.purchase, role, lang),
    },
    settings: { defaultPhoneRegion: 'CN' },
  };
}

/** dist/sidebar.html with boot data inlined exactly as the server does it. */
export function localSidebarHtml(boot: BootData, dist = 'dist'): string {
  const page = readFileSync(`${dist}/sidebar.html`, 'utf8');
  if (!page.includes(BOOT_MARKER)) throw new Error(`${dist}/sidebar.html has no ${BOOT_MARKER} marker.`);
  return page.replace(BOOT_MARKER, () => bootScript(boot));
}

/**
 * Opens the sidebar for `user` in a new 300 px page. The shim is installed before any page script runs;
 * `__gasBridge` forwards to the emulator (or `o.server`) and records each call.
 */
export async function openSidebar(
  browser: Browser,
  emu: Emulator | null,
  user: string,
  o: OpenOptions = {},
): Promise<SidebarSession> {
  const server = o.server ?? (emu ? emulatorServer(emu) : undefined);
  if (!server) throw new Error('openSidebar needs an emulator or a server.');
  const html = o.html ?? servedSidebar(emu as Emulator, user);
  const context = await browser.newContext({ viewport: { width: 300, height: o.height ?? 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const calls: ServerCall[] = [];
  const externalRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.exposeFunction('__gasBridge', async (name: string, argsJson: string) => {
    calls.push({ name, args: JSON.parse(argsJson) });
    try {
      return await server(user, name, argsJson);
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  });
  await page.addInitScript({ content: GOOGLE_SCRIPT_RUN_SHIM });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/`) return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    externalRequests.push(url);
    return route.abort();
  });
  await page.goto(`${ORIGIN}/`);
  return {
    page,
    html,
    calls,
    externalRequests,
    pageErrors,
    async ready() {
      await page.waitForSelector('#app[data-ready="true"]');
      return calls.length;
    },
    stats: () => page.evaluate(() => (globalThis as unknown as { __gasRunStats: GasRunStats }).__gasRunStats),
    close: () => context.close(),
  };
}
