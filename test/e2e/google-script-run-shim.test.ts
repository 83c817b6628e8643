// The browser google.script.run shim in Chromium: runners, argument rules, errors, user objects and the in-flight limit.
import type { Browser } from 'playwright-core';
import { MAX_IN_FLIGHT } from '../../emulator/src/client/google-script-run';
import { launchBrowser } from '../helpers/browser';
import { registerEmulator } from '../helpers/register';
import { openSidebar, type Server, type SidebarSession } from '../helpers/sidebar-harness';
import { OWNER } from '../helpers/users';

const BLANK = '<!doctype html><html><body><main id="app" data-ready="true"></main></body></html>';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function page(server: Server): Promise<SidebarSession> {
  return openSidebar(browser, null, OWNER, { html: BLANK, server });
}

/** Runs `body` in the page with `run` = google.script.run; it resolves with what it collects. */
type Run = Record<string, (...a: unknown[]) => unknown>;

test('each with… returns a new runner, and concurrent calls keep their own handlers and user objects', async () => {
  const s = await page(async (_u, name, argsJson) => {
    const [arg] = JSON.parse(argsJson) as [{ wait: number }];
    await new Promise((r) => setTimeout(r, arg.wait));
    return { ok: true, json: JSON.stringify({ name, wait: arg.wait }) };
  });
  const out = await s.page.evaluate(async () => {
    const run = (globalThis as unknown as { google: { script: { run: Run } } }).google.script.run;
    const base = run.withFailureHandler(() => {}) as Run;
    const one = run.withSuccessHandler(() => {});
    const two = run.withSuccessHandler(() => {});
    const distinct = base !== run && one !== two && one !== run;
    const results: unknown[] = [];
    await new Promise<void>((done) => {
      const got = (v: unknown, who: unknown) => {
        results.push([who, v]);
        if (results.length === 2) done();
      };
      const slow = (base.withSuccessHandler(got) as Run).withUserObject('slow') as Run;
      const fast = (base.withSuccessHandler(got) as Run).withUserObject('fast') as Run;
      const returned = slow.alpha({ wait: 150 });
      fast.beta({ wait: 5 });
      if (returned !== undefined) results.push('returned a value');
    });
    return { distinct, results };
  });
  expect(out.distinct).toBe(true);
  expect(out.results).toEqual([
    ['fast', { name: 'beta', wait: 5 }],
    ['slow', { name: 'alpha', wait: 150 }],
  ]);
  await s.close();
});

test('illegal arguments fail the call before it reaches the server; undefined becomes null', async () => {
  const s = await page((_u, _n, argsJson) => ({ ok: true, json: argsJson }));
  const out = await s.page.evaluate(async () => {
    const run = (globalThis as unknown as { google: { script: { run: Run } } }).google.script.run;
    const attempt = (args: unknown[]) =>
      new Promise((resolve) => {
        const r = (run.withSuccessHandler((v: unknown) => resolve({ ok: v })) as Run).withFailureHandler(
          (e: Error) => resolve({ error: e.message, isError: e instanceof Error }),
        ) as Run;
        r.echo(...args);
      });
    return {
      date: await attempt([new Date()]),
      nestedFn: await attempt([{ a: { f: () => 1 } }]),
      element: await attempt([document.body]),
      undef: await attempt([undefined, [1, undefined], { x: undefined, y: 1 }]),
      nan: await attempt([Number.NaN]),
    };
  });
  expect(out.date).toEqual({ error: 'Failed due to illegal value in property: 0', isError: true });
  expect(out.nestedFn).toEqual({ error: 'Failed due to illegal value in property: f', isError: true });
  expect(out.element).toMatchObject({ error: expect.stringContaining('illegal value') });
  expect(out.undef).toEqual({ ok: [null, [1, null], { y: 1 }] });
  expect(out.nan).toEqual({ ok: [null] });
  // Only the two legal calls reached the server.
  expect(s.calls.map((c) => c.name)).toEqual(['echo', 'echo']);
  await s.close();
});

test("a server exception reaches the failure handler as an Error with the server's message", async () => {
  const emu = registerEmulator();
  const s = await openSidebar(browser, null, OWNER, {
    html: BLANK,
    server: (user, name, argsJson) => emu.scriptRunJson(user, name, argsJson),
  });
  const out = await s.page.evaluate(async () => {
    const run = (globalThis as unknown as { google: { script: { run: Run } } }).google.script.run;
    const fail = (name: string) =>
      new Promise((resolve) => {
        const r = (run.withSuccessHandler(() => resolve('succeeded')) as Run).withFailureHandler((e: Error) =>
          resolve(`${e instanceof Error}:${e.message}`),
        ) as Run;
        r[name]();
      });
    return { privateFn: await fail('helper_'), unknown: await fail('noSuchFunction') };
  });
  expect(out.privateFn).toBe('true:Script function not found: helper_');
  expect(out.unknown).toBe('true:Script function not found: noSuchFunction');
  await s.close();
});

test(`at most ${MAX_IN_FLIGHT} calls are in flight; the rest wait their turn`, async () => {
  const s = await page(async (_u, _n, argsJson) => {
    await new Promise((r) => setTimeout(r, 30));
    return { ok: true, json: argsJson };
  });
  const out = await s.page.evaluate(async () => {
    const run = (globalThis as unknown as { google: { script: { run: Run } } }).google.script.run;
    const answers = await Promise.all(
      Array.from(
        { length: 25 },
        (_, i) =>
          new Promise((resolve) => {
            (run.withSuccessHandler(resolve) as Run).n(i);
          }),
      ),
    );
    return { answers, stats: (globalThis as unknown as { __gasRunStats: unknown }).__gasRunStats };
  });
  expect(out.answers).toEqual(Array.from({ length: 25 }, (_, i) => [i]));
  expect(out.stats).toEqual({ calls: 25, inFlight: 0, peakInFlight: MAX_IN_FLIGHT, queued: 0 });
  await s.close();
});
