// The layers hold: every Apps Script service src/gas calls is one Biome refuses elsewhere in src, and what src/gas or src/server throws speaks the user's language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const read = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));

/** Code without its comments: a service named in a comment is not a call. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

interface Override {
  includes: string[];
  linter?: {
    rules?: { style?: { noRestrictedGlobals?: { options?: { deniedGlobals?: Record<string, string> } } } };
  };
}

test('every Apps Script service called in src/gas is a restricted global in server, domain, schema and shared', () => {
  const biome = JSON.parse(readFileSync('biome.json', 'utf8')) as { overrides?: Override[] };
  const rule = biome.overrides?.find((o) => o.linter?.rules?.style?.noRestrictedGlobals);
  expect(rule?.includes.sort()).toEqual(['src/domain/**', 'src/schema/**', 'src/server/**', 'src/shared/**']);
  const denied = Object.keys(rule?.linter?.rules?.style?.noRestrictedGlobals?.options?.deniedGlobals ?? {});
  const services = [
    ...new Set(
      read('src/gas').flatMap(({ text }) =>
        [...code(text).matchAll(/\b([A-Z]\w*(?:App|Service)|Session|Utilities)\s*\./g)].map((m) => m[1]),
      ),
    ),
  ];
  expect(services.length).toBeGreaterThan(0);
  expect(services.filter((s) => !denied.includes(s))).toEqual([]);
});

test('src/gas and src/server throw no bare Error: a person would read English whatever their language', () => {
  const bare = [...read('src/gas'), ...read('src/server')]
    .filter(({ text }) => /throw new Error\(/.test(code(text)))
    .map(({ path }) => path);
  expect(bare).toEqual([]);
});
