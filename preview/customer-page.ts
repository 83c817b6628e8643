// The customer web app inside the preview: /exec serves doGet and doPost as the deployed web app would, and Settings points the links here.
import type { IncomingMessage } from 'node:http';
import { emulatorContext } from '../emulator/src/execution';
import { HttpError } from './http';
import type { PreviewStore } from './store';

/** What the customer's page may load: nothing from outside, its own inline style, forms posted back here. */
export const CUSTOMER_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

const MAX_FORM = 64 * 1024;

/** An application/x-www-form-urlencoded body, as a browser sends the page's form. */
export async function readForm(req: IncomingMessage): Promise<string> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? ''))
    throw new HttpError(415, 'The customer page posts a form (application/x-www-form-urlencoded).');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM) throw new HttpError(413, 'The form is larger than 64 KB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs the web app for one visit and returns the page it served (an error page if the script failed). */
export function customerPage(store: PreviewStore, method: 'GET' | 'POST', query: URLSearchParams, body = '') {
  const q: Record<string, string> = {};
  for (const [k, v] of query) q[k] = v;
  const r =
    method === 'GET'
      ? store.emu.webApp('GET', { query: q })
      : store.emu.webApp('POST', { query: q, body, contentType: 'application/x-www-form-urlencoded' });
  if (method === 'POST') store.save();
  if (!r.ok) return `<!DOCTYPE html><meta charset="utf-8"><title>Error</title><p>${escapeText(r.error)}</p>`;
  return r.body;
}

function escapeText(s: string) {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );
}

/**
 * Points the register's "Customer page address" setting at this preview's /exec, as an admin would paste
 * the deployment's URL: review emails then carry links that open here. Written like a fixture (no audit):
 * it is the preview's wiring, not an admin's act.
 */
export function pointLinksHere(store: PreviewStore, url: string) {
  const app = store.emu.spreadsheet.createSpreadsheetApp(
    emulatorContext(() => store.emu.now()),
    {
      getUi: () => ({}),
    },
  ) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const sheet = app.getActive().getSheetByName('Settings');
  if (!sheet) return;
  const keys = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues();
  const row = keys.findIndex((r) => r[0] === 'webAppUrl');
  if (row >= 0) sheet.getRange(row + 1, 3).setValue(`${url}/exec`);
  store.save();
}
