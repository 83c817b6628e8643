// Email addresses as mail systems deliver them: ASCII or internationalized (EAI, RFC 6531/6532), stored in lower case.
import { stripInvisible, toHalfWidth, utf8Bytes } from './text';

type EmailResult = { ok: true; value: string } | { ok: false; reason: 'empty' | 'tooLong' | 'invalid' };

const EMAIL_MAX = 254;
const LOCAL_MAX_BYTES = 64;

// Ideographic and half-width full stops end a domain label as '.' does (IDNA's label separators).
const DOTS = /[\u3002\uFF61]/g;
// Local part: dot-atoms of RFC 5322 atext, plus any non-ASCII letter, mark or number (RFC 6531's UTF8-non-ascii,
// narrowed to what a name is made of so look-alike punctuation and symbols stay out).
const ATOM = "(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]|[^\\x00-\\x7F\\s\\p{P}\\p{S}\\p{C}\\p{Z}])+";
const LOCAL_RE = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, 'u');
// Domain labels: LDH, or an internationalized label (IDNA U-label) of letters, marks, digits and hyphens.
const LABEL_RE = /^(?!-)[a-z0-9\p{L}\p{M}\p{Nd}-]{1,63}(?<!-)$/u;
// A top-level domain is alphabetic: ASCII, an A-label (xn--…) or a Unicode one such as 中国 or рф.
const TLD_RE = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59}|[\p{L}\p{M}]{2,63})$/u;

/** The address in the form the register keeps, or why it is not one; invisible characters are removed, not refused. */
export function normalizeEmail(input: string): EmailResult {
  const value = toHalfWidth(stripInvisible(input)).replace(DOTS, '.').trim().toLowerCase().normalize('NFC');
  if (value === '') return { ok: false, reason: 'empty' };
  if (value.length > EMAIL_MAX) return { ok: false, reason: 'tooLong' };
  const at = value.lastIndexOf('@');
  if (at <= 0) return { ok: false, reason: 'invalid' };
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  if (utf8Bytes(local) > LOCAL_MAX_BYTES || !LOCAL_RE.test(local)) return { ok: false, reason: 'invalid' };
  if (labels.length < 2 || !labels.every((l) => LABEL_RE.test(l))) return { ok: false, reason: 'invalid' };
  if (!TLD_RE.test(labels[labels.length - 1])) return { ok: false, reason: 'invalid' };
  return { ok: true, value };
}
