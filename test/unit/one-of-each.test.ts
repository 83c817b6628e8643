// One implementation of each thing: duplicated definitions that drifted once are counted across the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function where(dirs: string[], pattern: RegExp): string[] {
  return dirs.flatMap(sources).flatMap((f) => {
    const hits = readFileSync(f, 'utf8').match(new RegExp(pattern, 'g')) ?? [];
    return hits.map(() => f);
  });
}

test('one type for a field value on the wire (it was four: Wire, WireValue, FieldValue, SettingValue)', () => {
  expect(where(['src', 'sidebar'], /type \w+ = string \| number \| boolean \| null;/)).toEqual([
    join('src', 'schema', 'types.ts'),
  ]);
});

test('one Intl date formatter cache in the emulator (it was two, in format-date.ts and timezone.ts)', () => {
  expect(where(['emulator/src'], /new Intl\.DateTimeFormat\(/)).toEqual([
    join('emulator', 'src', 'spreadsheet', 'timezone.ts'),
  ]);
});
