// Builds dist/-like bundles with parts of the schema replaced by fixtures: an older schema, or one with a field added.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { bundleServer } from '../../scripts/build';

/**
 * `replace` maps a module of src/schema (as index.ts imports it, e.g. 'customer') to a fixture file
 * and the name the fixture exports it under.
 */
export async function buildVariant(
  replace: Record<string, { file: string; exportName: string; as: string }>,
): Promise<string> {
  const plugin: Plugin = {
    name: 'schema-variant',
    setup(b) {
      b.onResolve({ filter: /^\.\/\w+$/ }, (args) => {
        const hit = replace[args.path.slice(2)];
        if (!hit || !args.importer.endsWith(join('src', 'schema', 'index.ts'))) return undefined;
        return { path: `${args.path.slice(2)}-variant`, namespace: 'variant', pluginData: hit };
      });
      b.onLoad({ filter: /.*/, namespace: 'variant' }, (args) => {
        const hit = args.pluginData as { file: string; exportName: string; as: string };
        return {
          contents: `export { ${hit.exportName} as ${hit.as} } from ${JSON.stringify(resolve(hit.file))};`,
          loader: 'ts',
          resolveDir: process.cwd(),
        };
      });
    },
  };
  const { code } = await bundleServer({ plugins: [plugin], minify: false });
  const dir = mkdtempSync(join(tmpdir(), 'variant-'));
  writeFileSync(join(dir, 'Code.js'), code);
  for (const f of ['sidebar.html', 'appsscript.json']) copyFileSync(join('dist', f), join(dir, f));
  return dir;
}
