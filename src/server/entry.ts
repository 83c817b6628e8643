// The guard around what people call (sidebar and menu): a refusal passes as it is, any other error is logged and said briefly.
import { t } from '../domain/i18n';
import { uiLang } from '../gas/ui';
import { UserError } from './caller';

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
      const stack = (e as { stack?: unknown } | null)?.stack;
      console.error(typeof stack === 'string' ? stack : String(e));
      throw new UserError(t(uiLang(), 'unexpectedError', { time: new Date().toISOString() }));
    }
  };
}
