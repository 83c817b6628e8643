// Every document-property key is declared in src/gas/property-keys.ts: no other source file spells one out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { columnMapKey, PROPERTY_KEYS, sequenceKey } from '../../src/gas/property-keys';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Developer-metadata keys share the prefix but live on columns, not in document properties. */
const NOT_PROPERTIES = new Set(['src/gas/property-keys.ts', 'src/gas/metadata.ts']);

test('no source file outside property-keys.ts names a document-property key', () => {
  const found = sources('src')
    .map((f) => f.split('\\').join('/'))
    .filter((f) => !NOT_PROPERTIES.has(f))
    .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/['"`]cr\.[\w.$]*/g)].map((m) => `${f}: ${m[0]}`));
  expect(found).toEqual([]);
});

test('no two keys collide, fixed or derived', () => {
  const fixed = Object.values(PROPERTY_KEYS);
  expect(new Set(fixed).size).toBe(fixed.length);
  for (const k of fixed) {
    expect(k.startsWith('cr.columns.')).toBe(false);
    expect(k.startsWith('cr.seq.')).toBe(false);
  }
  expect(columnMapKey('Customers')).not.toBe(sequenceKey('Customers'));
});
