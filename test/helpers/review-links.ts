// Helpers for the customer web app: a register whose review emails carry links, and visits to those links as a browser makes them.
/// <reference types="google-apps-script" />
import type { Emulator, WebAppResponse } from '../../emulator/src';
import { fillDueCustomers } from '../fixtures/due-register';
import { setSetting, teamRegister } from './register';
import { fireDaily } from './reminders';

export const WEB_APP_URL = 'https://script.google.com/macros/s/AKfy-test/exec';
export const TODAY = '2026-11-23';

/** A register with four customers, the first two due, a deployed web app's address, and today's reminders sent. */
export function linkedRegister(rows: Record<number, Record<string, unknown>> = {}) {
  const emu = teamRegister({ now: `${TODAY}T01:00:00Z` });
  fillDueCustomers(emu, 4, { due: 2, today: TODAY, rows });
  setSetting(emu, 'webAppUrl', WEB_APP_URL);
  fireDaily(emu);
  return emu;
}

export interface Links {
  confirm: string;
  correct: string;
  stop: string;
}

/** The three links of the last review email sent to `to`, read from its plain-text body. */
export function linksFor(emu: Emulator, to: string): Links {
  const mail = [...emu.outbox].reverse().find((m) => m.to.includes(to));
  if (!mail) throw new Error(`No email to ${to}`);
  const urls = mail.body.match(/https:\/\/\S+/g) ?? [];
  const pick = (a: string) => urls.find((u) => u.includes(`a=${a}&`)) ?? '';
  return { confirm: pick('confirm'), correct: pick('correct'), stop: pick('stop') };
}

export function queryOf(url: string): Record<string, string> {
  const q = url.slice(url.indexOf('?') + 1);
  return Object.fromEntries(
    q
      .split('&')
      .filter(Boolean)
      .map((p) => p.split('=').map((x) => decodeURIComponent(x)) as [string, string]),
  );
}

/** A visit as a browser makes it: GET the link, or POST the page's form (hidden fields plus `fields`). */
export function visit(
  emu: Emulator,
  method: 'GET' | 'POST',
  url: string,
  fields: Record<string, string> = {},
): WebAppResponse {
  const query = queryOf(url);
  if (method === 'GET') return emu.webApp('GET', { query });
  const body = Object.entries({ ...query, ...fields })
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return emu.webApp('POST', { body, contentType: 'application/x-www-form-urlencoded' });
}

/** The page's text as a person reads it (tags dropped). */
export function pageText(r: WebAppResponse): string {
  if (!r.ok) throw new Error(`The web app failed: ${r.error}`);
  return r.body
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
