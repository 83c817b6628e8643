// Who is calling and in which language: the adapter over Session and the document lock.
import { type Lang, langFromLocale } from '../domain/i18n';

export interface Caller {
  email: string;
  lang: Lang;
}

export function caller(): Caller {
  return {
    email: Session.getActiveUser().getEmail().trim().toLowerCase(),
    lang: langFromLocale(Session.getActiveUserLocale()),
  };
}

const OWNER_PROP = 'cr.owner';

/** The owner as setup recorded it (no sheet call), else asked of the spreadsheet. */
export function spreadsheetOwner(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string | null {
  const recorded = PropertiesService.getDocumentProperties().getProperty(OWNER_PROP);
  if (recorded) return recorded;
  const owner = ss.getOwner();
  return owner ? owner.getEmail().toLowerCase() : null;
}

export function recordOwner(ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
  const owner = ss.getOwner();
  if (owner)
    PropertiesService.getDocumentProperties().setProperty(OWNER_PROP, owner.getEmail().toLowerCase());
}

/** Runs `work` under the document lock, flushing before the lock is released so no other execution reads half a write. */
export function withDocumentLock<T>(work: () => T, timeoutMs = 30000): T {
  const lock = LockService.getDocumentLock();
  lock.waitLock(timeoutMs);
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
