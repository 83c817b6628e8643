// The 300 px sidebar panel: the add-on's sidebar page in a sandboxed iframe, its google.script.run calls run as its person.
/// <reference lib="dom" />
import type { GasBridgeResult } from '../../emulator/src/client/google-script-run';
import { ApiError, post } from './api';
import { byId } from './dom';

interface Open {
  user: string;
  /** The menu function that opened it: switching person opens it again for them. */
  functionName: string;
}

let current: Open | null = null;

export function panelOwner(): Open | null {
  return current;
}

/** A dialog (the import) opens in the same panel, widened as Apps Script's dialog is. */
export function openPanel(user: string, n: number, title: string, functionName: string, kind = 'sidebar') {
  current = { user, functionName };
  byId('panel-title').textContent = title;
  byId('panel').classList.toggle('wide', kind === 'dialog');
  byId<HTMLIFrameElement>('panel-frame').src = `/panel?${new URLSearchParams({ user, n: String(n), kind })}`;
  byId('panel').hidden = false;
}

export function closePanel() {
  current = null;
  byId<HTMLIFrameElement>('panel-frame').src = 'about:blank';
  byId('panel').hidden = true;
}

/**
 * Answers the panel's calls. Only messages from the panel's own frame count; the answer is Apps Script's
 * (success or the server's error), and a request the preview refuses arrives as a failure with its reason.
 */
export function initPanel(afterCall: () => void) {
  byId('panel-close').addEventListener('click', closePanel);
  window.addEventListener('message', async (e) => {
    const frame = byId<HTMLIFrameElement>('panel-frame');
    const d = e.data as { type?: string; id?: number; name?: string; argsJson?: string };
    if (e.source !== frame.contentWindow || d?.type !== 'gas-call' || !current) return;
    let result: GasBridgeResult;
    try {
      result = await post<GasBridgeResult>('/api/run', { user: current.user, fn: d.name, args: d.argsJson });
    } catch (err) {
      result = { ok: false, error: err instanceof ApiError ? err.message : String(err) };
    }
    frame.contentWindow?.postMessage({ type: 'gas-result', id: d.id, result }, '*');
    if (result.ok) afterCall();
  });
}
