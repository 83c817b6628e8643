// The sidebar panel's page: the HTML the add-on showed, with google.script.run installed over a postMessage bridge.
import { GOOGLE_SCRIPT_RUN_SHIM } from '../emulator/src/client/google-script-run';

/**
 * The panel runs in a sandboxed iframe with an opaque origin, as Apps Script's sidebar runs on an origin of
 * its own: it cannot reach the page or the server. Each call goes to the parent page, which runs it as the
 * person who opened the sidebar and posts the answer back.
 */
const BRIDGE = `(function () {
  var next = 0;
  var waiting = {};
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (e.source !== window.parent || !d || d.type !== 'gas-result' || !waiting[d.id]) return;
    var done = waiting[d.id];
    delete waiting[d.id];
    done(d.result);
  });
  window.__gasBridge = function (name, argsJson) {
    return new Promise(function (resolve) {
      var id = ++next;
      waiting[id] = resolve;
      window.parent.postMessage({ type: 'gas-call', id: id, name: name, argsJson: argsJson }, '*');
    });
  };
})();`;

/** Nothing leaves the panel: no requests at all, so a sidebar that needs a CDN or a font fails here first. */
export const PANEL_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'";

/** The sidebar's HTML with the bridge and the shim placed before any of its own scripts. */
export function panelHtml(sidebarHtml: string): string {
  const scripts = `<script>${BRIDGE}</script><script>${GOOGLE_SCRIPT_RUN_SHIM}</script>`;
  const head = /<head[^>]*>/i.exec(sidebarHtml);
  if (head) return sidebarHtml.replace(head[0], () => `${head[0]}${scripts}`);
  return scripts + sidebarHtml;
}
