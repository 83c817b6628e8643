// Session, Logger and console: who is running, their locale and time zone, and what the script logged.
import type { Exec } from '../exec';

export const user = (email: string) => ({ getEmail: () => email, toString: () => email });

export function createSession(exec: Exec, o: { locale: string; scriptTimeZone: string }) {
  return {
    getActiveUser: () => user(exec.activeUserEmail),
    getEffectiveUser: () => user(exec.effectiveUserEmail),
    getActiveUserLocale: () => o.locale,
    getScriptTimeZone: () => o.scriptTimeZone,
    getTemporaryActiveUserKey: () => (exec.activeUserEmail ? `key-${exec.activeUserEmail}` : ''),
  };
}

export function createLogging(lines: string[]) {
  const fmt = (args: unknown[]) =>
    args.map((a) => (typeof a === 'string' ? a : a instanceof Object ? safeJson(a) : String(a))).join(' ');
  let log: string[] = [];
  const Logger = {
    log(...args: unknown[]) {
      const line = fmt(args);
      log.push(line);
      lines.push(line);
      return Logger;
    },
    getLog: () => log.join('\n'),
    clear() {
      log = [];
    },
  };
  const say =
    (level: string) =>
    (...args: unknown[]) =>
      void lines.push(`${level}: ${fmt(args)}`);
  const console = { log: say('log'), info: say('info'), warn: say('warn'), error: say('error') };
  return { Logger, console };
}

function safeJson(v: unknown) {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
