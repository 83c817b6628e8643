// google.script.run's wire rules: which arguments and results may cross, and what they turn into.

/** Thrown for a request that google.script.run would refuse before the server function runs. */
export class BridgeError extends Error {}

const isDate = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';

/**
 * Checks and copies call arguments. Legal: primitives, null, plain objects and arrays of them.
 * A Date, a function, a symbol or a bigint fails the whole request; `undefined` in arrays becomes null.
 */
export function encodeArgs(args: unknown[]): string {
  const check = (v: unknown, path: string): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (v === undefined) return null;
    if (isDate(v)) throw new BridgeError(`Failed due to illegal value in property: ${path}`);
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint')
      throw new BridgeError(`Failed due to illegal value in property: ${path}`);
    if (Array.isArray(v)) return v.map((x, i) => check(x, `${path}.${i}`));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as object)) if (x !== undefined) out[k] = check(x, k);
    return out;
  };
  return JSON.stringify(args.map((a, i) => check(a, String(i))));
}

/** Copies a server result as the client receives it: a Date becomes null, functions and undefined properties vanish. */
export function encodeResult(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const copy = (v: unknown): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (
      v === undefined ||
      isDate(v) ||
      typeof v === 'function' ||
      typeof v === 'symbol' ||
      typeof v === 'bigint'
    )
      return null;
    if (Array.isArray(v)) return v.map(copy);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as object)) {
      if (x === undefined || typeof x === 'function') continue;
      out[k] = copy(x);
    }
    return out;
  };
  return JSON.stringify(copy(value));
}

/** Names google.script.run refuses to call: private functions end in an underscore. */
export function checkCallable(name: string) {
  if (!/^[A-Za-z$][\w$]*$/.test(name) || name.endsWith('_'))
    throw new BridgeError(`Script function not found: ${name}`);
}
