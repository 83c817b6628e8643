// A file's bytes to text as the browser reads them: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030 as Chinese Excel saves it.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: Encoding /** Set when another reading was possible: the user should check. */;
      unsure: boolean;
    }
  | { ok: false; problem: 'empty' | 'binary' };

const CJK = /[\u3400-\u9fff]/;

function bomOf(b: Uint8Array): Encoding | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** Text in the given encoding; the BOM is dropped (TextDecoder does so for its own encoding). */
export function decodeAs(bytes: Uint8Array, encoding: Encoding): string {
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * NUL bytes, or many control characters, mean a spreadsheet (xlsx is a zip), a picture or a database
 * rather than text: refused before any reading is tried.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n / 20;
}

/**
 * Reads the bytes: a BOM decides; else valid UTF-8 is UTF-8; else GB18030 when it gives Chinese text.
 * UTF-8 that is mostly ASCII is also valid in other encodings, so only a GB18030 guess is "unsure".
 */
export function decodeFile(bytes: Uint8Array): Decoded {
  if (!bytes.length) return { ok: false, problem: 'empty' };
  const bom = bomOf(bytes);
  if (bom) {
    const text = decodeAs(bytes, bom);
    return text.trim() ? { ok: true, text, encoding: bom, unsure: false } : { ok: false, problem: 'empty' };
  }
  if (looksBinary(bytes)) return { ok: false, problem: 'binary' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.trim()) return { ok: false, problem: 'empty' };
    return { ok: true, text, encoding: 'utf-8', unsure: false };
  } catch {
    const gb = decodeAs(bytes, 'gb18030');
    return { ok: true, text: gb, encoding: 'gb18030', unsure: !CJK.test(gb) };
  }
}
