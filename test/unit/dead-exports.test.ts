// Every export of src (domain, shared, schema, gas, server) is used somewhere else: an export nobody uses is dead code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Kept while the ID allocators are being written elsewhere: the formats they will take. */
const PENDING = new Set([
  'src/domain/ids.ts IdStyle',
  'src/domain/ids.ts IdFormat',
  'src/domain/ids.ts ParsedId',
]);

/** src/server/index.ts exports what Apps Script calls: its exports are used by name from outside the code. */
const covered = (f: string) =>
  /^src[/\\](domain|shared|schema|gas|server)[/\\]/.test(f) && !/^src[/\\]server[/\\]index\.ts$/.test(f);

/** In these, a type named in its own module's signatures is exported for callers to name, and counts as used. */
const SIGNATURE_TYPES = /^src[/\\](schema|gas|server)[/\\]/;

const EXPORT = /^export (?:async )?(function|const|let|type|interface|class|enum) (\w+)/gm;

test('no export of src goes unused outside its own file', () => {
  const all = ['src', 'sidebar', 'preview', 'scripts', 'test', 'emulator'].flatMap(sources);
  const text = new Map(all.map((f) => [f, readFileSync(f, 'utf8')]));
  const unused: string[] = [];
  for (const file of all.filter(covered)) {
    const own = text.get(file) as string;
    for (const [, kind, name] of own.matchAll(EXPORT)) {
      const word = new RegExp(`\\b${name}\\b`, 'g');
      const inSignatures =
        (kind === 'type' || kind === 'interface') &&
        SIGNATURE_TYPES.test(file) &&
        own.match(word)?.length !== 1;
      const used =
        inSignatures || all.some((other) => other !== file && (text.get(other) as string).match(word));
      const id = `${file.split('\\').join('/')} ${name}`;
      if (!used && !PENDING.has(id)) unused.push(id);
    }
  }
  expect(unused).toEqual([]);
});
