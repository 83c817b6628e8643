// Builds dist/: Code.js (the server IIFE plus a top-level stub per export), sidebar.html (JS and CSS inlined) and appsscript.json.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import vm from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { sidebarPhoneMetadata } from './phone-metadata';

export const GLOBAL_NAME = '__app';
const minify = !process.argv.includes('--no-minify');

/** The export names of the server entry, read by running the bundle in an empty context. */
export function exportNames(code: string): string[] {
  const ctx = vm.createContext({});
  vm.runInContext(`${code}\n;globalThis.__names = Object.keys(${GLOBAL_NAME});`, ctx);
  return [...(ctx.__names as string[])].sort();
}

/** Apps Script only finds top-level function declarations, so each export gets a forwarding stub. */
export function stubs(names: string[]): string {
  return names.map((n) => `function ${n}(...args) { return ${GLOBAL_NAME}.${n}(...args); }`).join('\n');
}

/** The server bundle with its stubs; `plugins` let tests build variants (an older or extended schema). */
export async function bundleServer(
  o: { plugins?: Plugin[]; minify?: boolean } = {},
): Promise<{ code: string; names: string[] }> {
  const out = await build({
    entryPoints: ['src/server/index.ts'],
    plugins: o.plugins,
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    minify: o.minify ?? minify,
    legalComments: 'none',
    write: false,
    tsconfig: 'tsconfig.json',
  });
  const code = out.outputFiles[0].text;
  const names = exportNames(code);
  return { code: `${code}\n${stubs(names)}\n`, names };
}

async function buildServer() {
  const { code, names } = await bundleServer();
  writeFileSync('dist/Code.js', code);
  return names;
}

/** A page of the add-on (the sidebar, the import dialog): its script and styles inlined into the sidebar's shell. */
async function buildPage(entry: string, styles: string, out: string) {
  const js = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify,
    legalComments: 'none',
    write: false,
    tsconfig: 'sidebar/tsconfig.json',
    plugins: [sidebarPhoneMetadata()],
  });
  const css = await build({ entryPoints: [styles], bundle: true, minify, write: false });
  // `</script` inside the bundle would end the inline script; `<?` would make it a template scriptlet.
  const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script').replace(/<\?/g, '<\\?');
  const html = readFileSync('sidebar/index.html', 'utf8')
    .replace('/*STYLES*/', () => css.outputFiles[0].text)
    .replace('/*SCRIPT*/', () => script);
  writeFileSync(out, html);
  return Buffer.byteLength(html);
}

async function main() {
  mkdirSync('dist', { recursive: true });
  const [names, sidebarBytes, importBytes] = await Promise.all([
    buildServer(),
    buildPage('sidebar/main.ts', 'sidebar/styles.css', 'dist/sidebar.html'),
    buildPage('sidebar/import/main.ts', 'sidebar/import/styles.css', 'dist/import.html'),
  ]);
  copyFileSync('appsscript.json', 'dist/appsscript.json');
  const kb = (f: string) => (readFileSync(f).length / 1024).toFixed(1);
  console.log(`dist/Code.js ${kb('dist/Code.js')} KB, ${names.length} globals: ${names.join(', ')}`);
  console.log(`dist/sidebar.html ${(sidebarBytes / 1024).toFixed(1)} KB`);
  console.log(`dist/import.html ${(importBytes / 1024).toFixed(1)} KB`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
