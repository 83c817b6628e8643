// One-line and multi-line text as the register stores it: invisible characters removed, spacing tidied, NFC.

/** Full-width digits, letters, '+' and '@' are what Chinese input methods type by default. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// Zero-width characters (U+200B–U+200D, U+2060, U+FEFF), the soft hyphen, and bidirectional controls
// (U+200E/F, U+061C, U+202A–U+202E, U+2066–U+2069): none is seen, any can make two equal strings differ
// or reorder what a reader sees ('Evil‮gnp.exe' shows as 'Evilexe.png').
const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Removes the characters no one can see; what is left is what the reader sees. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

// NFC would rewrite CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) to unified ones;
// those are sometimes chosen on purpose in names, so they are split out and kept as typed.
const CJK_COMPAT = /([\uF900-\uFAFF]|\uD87E[\uDC00-\uDE1F])/;

function nfcKeepingCompat(text: string): string {
  if (!CJK_COMPAT.test(text)) return text.normalize('NFC');
  return text
    .split(CJK_COMPAT)
    .map((part, i) => (i % 2 === 1 ? part : part.normalize('NFC')))
    .join('');
}

/**
 * One-line text: invisible characters removed, every run of white space (including the ideographic
 * space U+3000 and line breaks) collapsed to one space, the ends trimmed. '' means the field is empty.
 */
export function normalizeName(input: string): string {
  return nfcKeepingCompat(stripInvisible(input).replace(/\s+/g, ' ').trim());
}

/** Multi-line text keeps its line breaks; invisible characters go, line endings are unified and the ends trimmed. */
export function normalizeLongText(input: string): string {
  return nfcKeepingCompat(stripInvisible(input).replace(/\r\n?/g, '\n').trim());
}

/** UTF-8 length without TextEncoder, which Apps Script lacks: RFC 5321's limits and Drive's blob limit count octets. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
