// The preview server: routes, the localhost-only guard, and startPreview(), which the CLI and the browser tests both call.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as api from './api';
import { CUSTOMER_CSP, customerPage, pointLinksHere, readForm } from './customer-page';
import { HttpError, readJson, sendHtml, sendJson } from './http';
import { buildPage, PAGE_CSP } from './page';
import { PANEL_CSP } from './panel';
import { PreviewStore, type StoreOptions } from './store';

export interface PreviewOptions extends Partial<StoreOptions> {
  /** 0 picks a free port (the tests); default 8080. */
  port?: number;
  /** The project's root: where dist/, .preview/ and preview/client are (default: the current directory). */
  root?: string;
}

export interface Preview {
  url: string;
  store: PreviewStore;
  close(): Promise<void>;
}

type Body = Record<string, unknown>;
const GETS: Record<string, (s: PreviewStore, q: URLSearchParams) => unknown> = {
  '/api/session': (s) => api.session(s),
  '/api/sheet': api.sheet,
  '/api/outbox': (s) => api.outbox(s),
};
const POSTS: Record<string, (s: PreviewStore, b: Body) => unknown> = {
  '/api/open': api.open,
  '/api/menu': api.menu,
  '/api/run': api.run,
  '/api/edit': api.edit,
  '/api/clock': api.clock,
};

export async function startPreview(o: PreviewOptions = {}): Promise<Preview> {
  const root = o.root ?? process.cwd();
  const store = new PreviewStore({
    stateDir: o.stateDir ?? join(root, '.preview'),
    distDir: o.distDir ?? join(root, 'dist'),
    reset: o.reset,
    now: o.now,
  });
  const page = buildPage(root);
  let hosts: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Another site's page reaching us through a DNS name that points at 127.0.0.1 names that site as Host.
    if (!hosts.includes(req.headers.host ?? ''))
      throw new HttpError(403, 'The preview answers only on localhost.');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/') return sendHtml(res, page, PAGE_CSP);
    if (req.method === 'GET' && path === '/panel')
      return sendHtml(res, api.panel(store, url.searchParams), PANEL_CSP);
    // The customer web app, as its deployment's /exec URL would serve it.
    if (path === '/exec' && (req.method === 'GET' || req.method === 'POST'))
      return sendHtml(
        res,
        customerPage(store, req.method, url.searchParams, req.method === 'POST' ? await readForm(req) : ''),
        CUSTOMER_CSP,
      );
    if (req.method === 'GET' && GETS[path]) return sendJson(res, 200, GETS[path](store, url.searchParams));
    if (req.method === 'POST' && POSTS[path])
      return sendJson(res, 200, POSTS[path](store, await readJson(req)));
    if (GETS[path] || POSTS[path] || path === '/' || path === '/panel')
      throw new HttpError(405, `${req.method} is not allowed on ${path}.`);
    throw new HttpError(404, `Nothing at ${path}.`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return sendJson(res, e.status, { error: e.message });
      console.error(e);
      sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 only: the preview holds no secrets, but it runs code as anyone on the Team sheet.
    server.listen(o.port ?? 8080, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  pointLinksHere(store, `http://localhost:${port}`);
  return {
    url: `http://localhost:${port}`,
    store,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
