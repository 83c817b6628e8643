// The guards around what people call (sidebar, menu, the customer web app): refusals and known problems in their language, a bug logged and said briefly.
import { t } from '../domain/i18n';
import { Problem } from '../domain/problem';
import { uiLang } from '../gas/ui';
import { UserError } from './caller';

const LOCK_TIMEOUT = /^Lock timeout/;

/**
 * Wraps an entry point. A UserError already speaks the user's language; anything else is a bug whose
 * text ("Cannot read properties of undefined…") helps nobody in the sidebar: its stack goes to the
 * execution log and the user reads a short message in their language, with the time to find the log entry by.
 */
export function entryPoint<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof UserError) throw e;
      if (e instanceof Problem) throw new UserError(e.say(uiLang()));
      if (lockTimedOut(e)) throw new UserError(t(uiLang(), 'busy'));
      logBug(e);
      throw new UserError(t(uiLang(), 'unexpectedError', { time: new Date().toISOString() }));
    }
  };
}

/**
 * The guard of doGet/doPost. Apps Script's own error page would show a customer the exception's text
 * (a sheet's name, a record's absence); instead anything thrown becomes the plain page `fallback` makes in
 * the visitor's language: busy when another execution held the lock too long, unavailable otherwise. The
 * stack goes to the execution log as above.
 */
export function webEntryPoint<R>(fn: () => R, fallback: (busy: boolean) => R): R {
  try {
    return fn();
  } catch (e) {
    if (lockTimedOut(e)) return fallback(true);
    logBug(e);
    return fallback(false);
  }
}

/** Apps Script's own words when another execution held the lock too long: nothing was written. */
function lockTimedOut(e: unknown): boolean {
  return LOCK_TIMEOUT.test(String((e as { message?: unknown } | null)?.message));
}

/** console.error reaches Cloud Logging with the manifest's STACKDRIVER setting. */
function logBug(e: unknown) {
  const stack = (e as { stack?: unknown } | null)?.stack;
  console.error(typeof stack === 'string' ? stack : String(e));
}
