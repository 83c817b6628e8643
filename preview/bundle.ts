// The globals the built bundle defines: what the seed may call and what the JSON API accepts as a function name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

/**
 * Top-level functions of dist/Code.js, found by running it in an empty context (as the emulator probes it):
 * Apps Script only sees top-level function declarations, so neither does the preview.
 */
export function bundleGlobals(dir: string): Set<string> {
  const context = vm.createContext({});
  new vm.Script(readFileSync(join(dir, 'Code.js'), 'utf8'), { filename: 'Code.js' }).runInContext(context);
  return new Set(Object.keys(context).filter((k) => typeof context[k] === 'function'));
}

/** google.script.run cannot call names ending in `_`: Apps Script keeps them private. */
export function isCallable(globals: ReadonlySet<string>, name: string): boolean {
  return globals.has(name) && !name.endsWith('_');
}
