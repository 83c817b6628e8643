// Who is calling and in which language: the adapter over Session and the document lock.
import { type Lang, langFromLocale } from '../domain/i18n';
import { PROPERTY_KEYS } from './property-keys';

export interface Caller {
  email: string;
  lang: Lang;
}

export function caller(): Caller {
  return {
    email: Session.getActiveUser().getEmail().trim().toLowerCase(),
    lang: langFromLocale(userLocale()),
  };
}

/** The locale of the person's Google account, e.g. 'zh-CN': readable in every auth mode, unlike their email. */
export function userLocale(): string {
  return Session.getActiveUserLocale();
}

/**
 * The spreadsheet's real owner: ownership can be transferred, and the new owner is Admin from that moment.
 * The owner setup recorded is only a fallback for where Apps Script cannot tell (a shared drive has no
 * owner; an owner outside the caller's domain may come back without an email).
 */
export function spreadsheetOwner(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string | null {
  const email = ss.getOwner()?.getEmail().trim().toLowerCase();
  if (email) return email;
  return PropertiesService.getDocumentProperties().getProperty(PROPERTY_KEYS.owner);
}

/** The spreadsheet the script is bound to. */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActive();
}

/** The account this execution runs as: a trigger's creator, or the person calling. */
export function effectiveUser(): string {
  return Session.getEffectiveUser().getEmail().trim().toLowerCase();
}

export function recordOwner(ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
  const owner = ss.getOwner();
  if (owner)
    PropertiesService.getDocumentProperties().setProperty(
      PROPERTY_KEYS.owner,
      owner.getEmail().toLowerCase(),
    );
}

export function scriptTimeZone(): string {
  return Session.getScriptTimeZone();
}

/** An instant as people read it in the spreadsheet's zone: 'yyyy-mm-dd hh:mm'. */
export function localTime(at: Date | string, tz: string): string {
  return Utilities.formatDate(new Date(at), tz, 'yyyy-MM-dd HH:mm');
}

/** A day as people read it in the spreadsheet's zone: 'yyyy-mm-dd'. */
export function localDate(at: Date, tz: string): string {
  return Utilities.formatDate(at, tz, 'yyyy-MM-dd');
}

/**
 * Runs `work` under the register's lock: the document lock, then the script lock. The customer web app
 * cannot take the document lock (getDocumentLock() is null there) and takes the script lock alone, so every
 * write holding both excludes it; always in this order, and the web app never waits for the document lock
 * while holding the script lock, so no two executions wait for each other. Pending writes are flushed
 * before release, so no other execution reads half a write.
 */
export function withDocumentLock<T>(work: () => T, timeoutMs = 30000): T {
  return withLocks([LockService.getDocumentLock(), LockService.getScriptLock()], work, timeoutMs);
}

/** Runs `work` holding every lock of `locks`, taken in order and released in reverse, flushing pending writes first. */
export function withLocks<T>(
  locks: readonly GoogleAppsScript.Lock.Lock[],
  work: () => T,
  timeoutMs: number,
): T {
  const held: GoogleAppsScript.Lock.Lock[] = [];
  try {
    for (const lock of locks) {
      lock.waitLock(timeoutMs);
      held.push(lock);
    }
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    for (const lock of held.reverse()) lock.releaseLock();
  }
}
