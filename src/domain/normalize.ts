// The normalizers every path uses (sidebar, server, edit guard, import): phones judged with libphonenumber's full metadata.
import metadata from 'libphonenumber-js/metadata.max.json';
import { type PhoneReading, readPhoneWith } from './phone';

export { normalizeEmail } from './email';
export { normalizeLongText, normalizeName, stripInvisible, toHalfWidth } from './text';

type Normalized = { ok: true; value: string } | { ok: false; reason: 'empty' | 'tooLong' | 'invalid' };

/**
 * Full metadata checks a number against each type's pattern (mobile, fixed line…), so a mistyped
 * number of the right length is refused; the min metadata the sidebar carries checks little beyond length.
 */
export function readPhone(input: string, region: string): PhoneReading {
  return readPhoneWith(metadata, input, region);
}

/** E.164 (with ';ext=' for an extension), idempotent on its own output whatever the region. */
export function normalizePhone(input: string, region: string): Normalized {
  const r = readPhone(input, region);
  return r.ok ? { ok: true, value: r.value } : r;
}
