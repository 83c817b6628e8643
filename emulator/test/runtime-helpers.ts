// Test helper: an Emulator loaded with a small script written by the test instead of dist/.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator, type EmulatorOptions } from '../src';

export const OWNER = 'owner@example.com';
export const CLERK = 'clerk@example.com';

export function scriptEmulator(
  code: string,
  o: EmulatorOptions & { html?: Record<string, string>; manifest?: object } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'gas-emu-'));
  writeFileSync(join(dir, 'Code.js'), code);
  if (o.manifest) writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(o.manifest));
  for (const [name, html] of Object.entries(o.html ?? {})) writeFileSync(join(dir, `${name}.html`), html);
  return new Emulator({ owner: OWNER, editors: [CLERK], ...o }).loadBundle(dir);
}
