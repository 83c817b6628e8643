// The preview page: its HTML shell, with the stylesheet and the client bundled by esbuild inlined; no outside request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/** The page loads nothing from elsewhere: only this server's JSON and the panel's frame. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "frame-src 'self'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer Register · local preview</title>
<style>/*STYLES*/</style>
</head>
<body>
<header class="bar">
  <strong class="app-title">Customer Register</strong>
  <span class="tag">local preview</span>
  <nav id="menus" aria-label="Add-on menu"></nav>
  <span class="spacer"></span>
  <label>Acting as <select id="user" aria-label="Acting as"></select></label>
  <span id="clock" aria-label="Clock"></span>
  <button id="advance" type="button">Advance to tomorrow 09:00</button>
  <button id="outbox-button" type="button">Outbox (<span id="outbox-count">0</span>)</button>
</header>
<div id="notice" role="status" hidden></div>
<main class="work">
  <section id="grid-wrap" class="grid-wrap"><div class="grid-layer"><table id="grid" aria-label="Sheet"></table><div id="charts"></div></div></section>
  <aside id="panel" class="panel" hidden>
    <div class="panel-head"><span id="panel-title"></span><button id="panel-close" type="button" aria-label="Close sidebar">×</button></div>
    <iframe id="panel-frame" title="Add-on sidebar" sandbox="allow-scripts allow-forms allow-modals allow-popups allow-downloads allow-popups-to-escape-sandbox"></iframe>
  </aside>
</main>
<footer>
  <nav id="tabs" aria-label="Sheets"></nav>
  <span class="legend">▾ dropdown · ☑ checkbox · hatched: protected · double-click or type to edit</span>
</footer>
<dialog id="alert" aria-labelledby="alert-title">
  <h2 id="alert-title"></h2>
  <p id="alert-text"></p>
  <button id="alert-ok" type="button">OK</button>
</dialog>
<dialog id="outbox" class="outbox" aria-label="Outbox">
  <div class="outbox-head"><strong>Outbox: emails the add-on sent</strong><button id="outbox-close" type="button">Close</button></div>
  <div class="outbox-body"><ul id="outbox-list"></ul><section id="outbox-mail"></section></div>
</dialog>
<script>/*SCRIPT*/</script>
</body>
</html>
`;

/** Builds the page once per start: esbuild bundles preview/client in well under a second. */
export function buildPage(root: string): string {
  const client = join(root, 'preview', 'client');
  const js = buildSync({
    entryPoints: [join(client, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
  }).outputFiles[0].text;
  const css = readFileSync(join(client, 'styles.css'), 'utf8');
  // Function replacers: the bundle may contain `$&` and friends, which a string replacement would expand.
  return SHELL.replace('/*STYLES*/', () => css).replace('/*SCRIPT*/', () =>
    js.replace(/<\/script/gi, '<\\/script'),
  );
}
