// Every export of the domain and of the shared contract is imported somewhere else: an export nobody uses is dead code.
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

const EXPORT = /^export (?:async )?(?:function|const|let|type|interface|class|enum) (\w+)/gm;

test('no export of src/domain or src/shared goes unused outside its own file', () => {
  const all = ['src', 'sidebar', 'preview', 'scripts', 'test', 'emulator'].flatMap(sources);
  const text = new Map(all.map((f) => [f, readFileSync(f, 'utf8')]));
  const unused: string[] = [];
  for (const file of all.filter((f) => /^src[/\\](domain|shared)[/\\]/.test(f))) {
    for (const [, name] of (text.get(file) as string).matchAll(EXPORT)) {
      const word = new RegExp(`\\b${name}\\b`);
      const used = all.some((other) => other !== file && word.test(text.get(other) as string));
      const id = `${file.split('\\').join('/')} ${name}`;
      if (!used && !PENDING.has(id)) unused.push(id);
    }
  }
  expect(unused).toEqual([]);
});
