// Checks .clasp.json before a push: it must name a real script and push dist/, the built add-on, and nothing else.
import { resolve } from 'node:path';

const PLACEHOLDER = /^(|YOUR_SCRIPT_ID|REPLACE_WITH_YOUR_SCRIPT_ID)$/;

/** Why `.clasp.json` (its text, or null when missing) cannot be pushed from `root`; null when it can. */
export function claspConfigProblem(text: string | null, root: string): string | null {
  if (text === null)
    return '.clasp.json is missing: create it with `npx clasp create --type sheets --rootDir dist` or `npx clasp clone <scriptId> --rootDir dist` (see README, Deploy).';
  let config: { scriptId?: unknown; rootDir?: unknown; srcDir?: unknown };
  try {
    config = JSON.parse(text);
  } catch {
    return '.clasp.json is not valid JSON.';
  }
  if (typeof config.scriptId !== 'string' || PLACEHOLDER.test(config.scriptId.trim()))
    return '.clasp.json has no script ID: put your script ID in it (Apps Script editor › Project settings).';
  // clasp resolves srcDir, else rootDir, against the folder of .clasp.json; anything but dist/ would push sources.
  const dir = config.srcDir ?? config.rootDir;
  if (typeof dir !== 'string' || resolve(root, dir) !== resolve(root, 'dist'))
    return `.clasp.json must have "rootDir": "dist" (it has ${JSON.stringify(dir ?? null)}): only the build is pushed.`;
  return null;
}
