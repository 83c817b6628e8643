// A typed promise client for google.script.run, keyed by the Api contract so a misspelt name does not compile.
import type { Api, ApiName } from '../src/shared/rpc';

/** The part of google.script.run the client uses; server functions are only the contract's names. */
export type ScriptRunner = {
  withSuccessHandler(f: (value: unknown) => void): ScriptRunner;
  withFailureHandler(f: (error: unknown) => void): ScriptRunner;
} & { [K in ApiName]: (arg: Parameters<Api[K]>[0]) => void };

export type Call = <K extends ApiName>(name: K, arg: Parameters<Api[K]>[0]) => Promise<ReturnType<Api[K]>>;

/** A thrown server error or a refused request, always an Error with the server's message. */
function asError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string')
    return new Error((e as { message: string }).message);
  return new Error(String(e));
}

/**
 * Every call starts from the root runner and attaches its own pair of handlers: `with…` returns a new
 * runner, so concurrent calls never resolve each other's promises.
 */
export function makeCall(root: () => ScriptRunner | undefined): Call {
  return (name, arg) =>
    new Promise((resolve, reject) => {
      const run = root();
      if (!run) {
        reject(new Error('google.script.run is not available.'));
        return;
      }
      const runner = run
        .withSuccessHandler((value) => resolve(value as never))
        .withFailureHandler((e) => reject(asError(e)));
      (runner[name] as (a: unknown) => void)(arg);
    });
}

// globalThis rather than window, so the client also type-checks (and is unit-tested) outside a browser.
export const call: Call = makeCall(
  () => (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google?.script?.run,
);
