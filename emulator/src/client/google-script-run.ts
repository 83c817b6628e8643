// The source of a browser script that installs google.script.run with Apps Script's semantics over a host bridge.

/** What the host page provides: one server call, JSON in and out, as `emu.scriptRunJson` answers it. */
export type GasBridgeResult = { ok: true; json?: string } | { ok: false; error: string };
export type GasBridge = (name: string, argsJson: string) => Promise<GasBridgeResult>;

/** Counters the shim keeps on `window.__gasRunStats`, so a test can see what the page asked for. */
export interface GasRunStats {
  /** Calls made, including the ones refused before reaching the bridge. */
  calls: number;
  inFlight: number;
  /** The most calls that were in flight at once: never above MAX_IN_FLIGHT. */
  peakInFlight: number;
  queued: number;
}

export const MAX_IN_FLIGHT = 10;

/**
 * The script, as text, for `page.addInitScript`, a `<script>` tag or a preview server. It reads
 * `window.__gasBridge` at call time (so the host may install it later) and knows nothing of the host:
 * the emulator's browser tests and the local preview each supply their own bridge.
 *
 * Semantics copied from HtmlService's client (gas-behaviour.md §5):
 * - `withSuccessHandler`, `withFailureHandler`, `withUserObject` each return a new runner;
 * - any property other than those is a server function; calling it returns undefined;
 * - arguments: primitives, null, plain objects and arrays of them; a Date, a function, a symbol, a
 *   bigint or a DOM node other than a form fails the call; undefined becomes null; a form becomes an
 *   object of its fields' values;
 * - at most 10 calls in flight; later ones wait for a slot;
 * - handlers run asynchronously with (value or Error, userObject); a failure with no handler is
 *   reported to the console as the real client does, not thrown into the page.
 */
export const GOOGLE_SCRIPT_RUN_SHIM = `(function () {
  'use strict';
  var MAX_IN_FLIGHT = ${MAX_IN_FLIGHT};
  var stats = { calls: 0, inFlight: 0, peakInFlight: 0, queued: 0 };
  var waiting = [];
  var CONTROL = { withSuccessHandler: 1, withFailureHandler: 1, withUserObject: 1 };

  function illegal(path) {
    return new Error('Failed due to illegal value in property: ' + path);
  }
  function isDate(v) {
    return Object.prototype.toString.call(v) === '[object Date]';
  }
  function formValues(form) {
    var out = {};
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.disabled) continue;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      if (el.type === 'file') throw illegal(el.name);
      out[el.name] = el.value;
    }
    return out;
  }
  // Mirrors emulator/src/bridge.ts encodeArgs, so a page fails here exactly where the server would refuse.
  function check(v, path) {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return isFinite(v) ? v : null;
    if (v === undefined) return null;
    if (isDate(v) || typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') throw illegal(path);
    if (typeof HTMLFormElement !== 'undefined' && v instanceof HTMLFormElement) return formValues(v);
    if (typeof Node !== 'undefined' && v instanceof Node) throw illegal(path);
    if (Array.isArray(v)) return v.map(function (x, i) { return check(x, path + '.' + i); });
    var out = {};
    Object.keys(v).forEach(function (k) {
      if (v[k] !== undefined) out[k] = check(v[k], k);
    });
    return out;
  }
  function later(f) {
    Promise.resolve().then(f);
  }
  function deliver(opts, ok, payload) {
    var handler = ok ? opts.success : opts.failure;
    if (handler) {
      handler(payload, opts.userObject);
      return;
    }
    if (!ok) console.error('Uncaught (in google.script.run) ' + payload.message);
  }
  function release() {
    stats.inFlight--;
    var next = waiting.shift();
    if (next) {
      stats.queued = waiting.length;
      next();
    }
  }
  function send(name, argsJson, opts) {
    stats.inFlight++;
    if (stats.inFlight > stats.peakInFlight) stats.peakInFlight = stats.inFlight;
    var bridge = window.__gasBridge;
    var reply = typeof bridge === 'function'
      ? Promise.resolve().then(function () { return bridge(name, argsJson); })
      : Promise.reject(new Error('google.script.run has no host bridge (window.__gasBridge).'));
    reply.then(
      function (r) {
        release();
        if (r && r.ok) {
          var value;
          try {
            value = r.json === undefined || r.json === null ? undefined : JSON.parse(r.json);
          } catch (e) {
            deliver(opts, false, new Error('The server sent a reply that is not JSON.'));
            return;
          }
          deliver(opts, true, value);
        } else {
          deliver(opts, false, new Error(r && typeof r.error === 'string' ? r.error : 'The server call failed.'));
        }
      },
      function (e) {
        release();
        deliver(opts, false, e instanceof Error ? new Error(e.message) : new Error(String(e)));
      }
    );
  }
  function invoke(name, args, opts) {
    stats.calls++;
    var argsJson;
    try {
      argsJson = JSON.stringify(args.map(function (a, i) { return check(a, String(i)); }));
    } catch (e) {
      later(function () { deliver(opts, false, e); });
      return undefined;
    }
    if (stats.inFlight < MAX_IN_FLIGHT) send(name, argsJson, opts);
    else {
      waiting.push(function () { send(name, argsJson, opts); });
      stats.queued = waiting.length;
    }
    return undefined;
  }
  function runner(opts) {
    var self = {
      withSuccessHandler: function (f) { return runner(assign(opts, { success: f })); },
      withFailureHandler: function (f) { return runner(assign(opts, { failure: f })); },
      withUserObject: function (o) { return runner(assign(opts, { userObject: o })); },
    };
    return new Proxy(self, {
      get: function (target, prop) {
        if (typeof prop !== 'string') return undefined;
        if (CONTROL[prop]) return target[prop];
        // Promises probe for 'then'; a runner is not a thenable.
        if (prop === 'then') return undefined;
        return function () {
          return invoke(prop, Array.prototype.slice.call(arguments), opts);
        };
      },
    });
  }
  function assign(a, b) {
    var out = {};
    Object.keys(a).forEach(function (k) { out[k] = a[k]; });
    Object.keys(b).forEach(function (k) { out[k] = b[k]; });
    return out;
  }
  var host = {
    close: function () { host.closed = true; },
    closed: false,
    setHeight: function () {},
    setWidth: function () {},
    editor: { focus: function () {} },
  };
  window.google = window.google || {};
  window.google.script = { run: runner({}), host: host };
  window.__gasRunStats = stats;
})();
`;
