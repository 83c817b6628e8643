// Embedding the boot data into the sidebar page: the marker it replaces and the escaping that keeps it inert.
import type { BootData, ImportBoot } from './rpc';

/** The marker in dist/sidebar.html that the server replaces with the boot data. */
export const BOOT_MARKER = '<!--BOOT-->';

/** Serializes boot data for an inline script: `<`, U+2028 and U+2029 are escaped so no text can close the tag. */
export function bootScript(data: BootData | ImportBoot): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script>window.__BOOT__=${json};</script>`;
}
