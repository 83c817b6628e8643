// The customer web app's access to Apps Script: the link secret in script properties, the register it opens by ID, its lock and burst counter.
import { type ReviewLinks, reviewLinks } from '../domain/review-link/links';
import { expiryFrom, type Signer } from '../domain/review-link/token';
import type { Settings } from '../schema';
import { SCRIPT_PROPERTY_KEYS } from './property-keys';
import { withLocks } from './session';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Script properties, never the sheet: anyone who can open the spreadsheet could forge links with a secret kept there. */
const SECRET = SCRIPT_PROPERTY_KEYS.linkSecret;
/**
 * A web app has no container: getActive() gives null there (guides/bound, "Special methods"), so it opens
 * the register by the ID a bound execution recorded. openById needs the `spreadsheets` scope.
 */
const SPREADSHEET_ID = SCRIPT_PROPERTY_KEYS.spreadsheetId;
const BURST_KEY = SCRIPT_PROPERTY_KEYS.webAppBurst;

function signerWith(secret: string): Signer {
  return (message) =>
    Utilities.base64EncodeWebSafe(
      Utilities.computeHmacSha256Signature(message, secret, Utilities.Charset.UTF_8),
    ).replace(/=+$/, '');
}

/** The signer of the links the web app accepts; null when no secret exists (then no link is valid). */
export function linkSigner(): Signer | null {
  const secret = PropertiesService.getScriptProperties().getProperty(SECRET);
  return secret ? signerWith(secret) : null;
}

/**
 * For a bound execution about to put links in emails: the secret (created once, 256 random bits from two
 * UUIDs' hex) and the register's ID, both recorded where the web app will look for them.
 */
function issuingSigner(ss: Spreadsheet): Signer {
  const props = PropertiesService.getScriptProperties();
  const stored = props.getProperties();
  let secret = stored[SECRET];
  const id = ss.getId();
  const missing: Record<string, string> = {};
  if (!secret) {
    secret = (Utilities.getUuid() + Utilities.getUuid()).replace(/-/g, '');
    missing[SECRET] = secret;
  }
  if (stored[SPREADSHEET_ID] !== id) missing[SPREADSHEET_ID] = id;
  if (Object.keys(missing).length) props.setProperties(missing);
  return signerWith(secret);
}

/** The register, from the web app; null before any bound execution recorded it. */
export function registerSpreadsheet(): Spreadsheet | null {
  const id = PropertiesService.getScriptProperties().getProperty(SPREADSHEET_ID);
  return id ? SpreadsheetApp.openById(id) : null;
}

/**
 * The web app's lock: getDocumentLock() is null in a web app (LockService reference), so it takes the
 * script lock, which every register write also takes after the document lock (withDocumentLock): a
 * sidebar save and a customer's confirmation or change request never interleave.
 */
export function withWebAppLock<T>(work: () => T, timeoutMs = 10000): T {
  return withLocks([LockService.getScriptLock()], work, timeoutMs);
}

/**
 * Counts a POST in the current minute for every link together: past `limit` the web app refuses,
 * whatever the link. Best effort (CacheService may drop entries), which is enough to blunt a burst.
 */
export function burstExceeded(limit: number): boolean {
  const cache = CacheService.getScriptCache();
  const key = `${BURST_KEY}.${Math.floor(Date.now() / 60000)}`;
  const n = Number(cache.get(key) ?? 0) + 1;
  cache.put(key, String(n), 120);
  return n > limit;
}

/** Today in the spreadsheet's zone. */
export function todayIn(tz: string): string {
  return Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd');
}

/**
 * The links each review email of a run carries, or nothing when no web app address is set (the email then
 * asks for a reply, as before). One properties read for the whole run.
 */
export function emailLinks(
  ss: Spreadsheet,
  settings: Settings,
  today: string,
): (customerId: string, cycle: string) => ReviewLinks | undefined {
  const url = String(settings.webAppUrl ?? '').trim();
  // https, as every deployment is; plain http only on this machine (the local preview).
  if (!/^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)[:/])\S+$/.test(url)) return () => undefined;
  const sign = issuingSigner(ss);
  const expires = expiryFrom(today, Number(settings.linkExpiryDays ?? 30) || 30);
  return (customerId, cycle) => reviewLinks(url, { customerId, cycle, expires }, sign);
}
