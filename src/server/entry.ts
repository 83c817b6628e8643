// The guard around what people call (sidebar and menu): refusals and known problems in their language, a bug logged and said briefly.
import { t } from '../domain/i18n';
import { Problem } from '../domain/problem';
import { uiLang } from '../gas/ui';
import { UserError } from './caller';

const LOCK_TIMEOUT = /^Lock timeout/;

/**
 * Wraps an entry point. A UserError already speaks the user's language; anything else is a bug whose
 * text ("Cannot read properties of undefined…") helps nobody in the sidebar: its stack goes to the
 * execution log (console.error reaches Cloud Logging with the manifest's STACKDRIVER setting) and the
 * user reads a short message in their language, with the time to find the log entry by.
 */
export function entryPoint<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof UserError) throw e;
      if (e instanceof Problem) throw new UserError(e.say(uiLang()));
      // Apps Script's own words when another execution held the document lock too long: nothing was written.
      if (LOCK_TIMEOUT.test(String((e as { message?: unknown } | null)?.message)))
        throw new UserError(t(uiLang(), 'busy'));
      const stack = (e as { stack?: unknown } | null)?.stack;
      console.error(typeof stack === 'string' ? stack : String(e));
      throw new UserError(t(uiLang(), 'unexpectedError', { time: new Date().toISOString() }));
    }
  };
}
