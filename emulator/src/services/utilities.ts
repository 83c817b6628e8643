// Utilities: formatDate, digests and HMAC as signed bytes, base64, UUIDs, and sleep on the fake clock.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Exec } from '../exec';
import { formatDate } from './format-date';

type Bytes = number[] | string;

/** Strings become bytes in a charset (UTF-8 unless told otherwise). */
const toBuffer = (v: Bytes, charset = 'UTF_8') =>
  typeof v === 'string'
    ? Buffer.from(v, charset === 'UTF_8' ? 'utf8' : charset === 'US_ASCII' ? 'ascii' : 'latin1')
    : Buffer.from(v.map((b) => b & 0xff));
/**
 * computeHmacSha256Signature without a charset does not hash non-ASCII text as UTF-8 [O]
 * (gas-behaviour.md section 5a): modelled as Latin-1, so a script that forgets the charset differs here too.
 */
const HMAC_DEFAULT_CHARSET = 'ISO_8859_1';
/** Apps Script returns Java bytes: signed, -128..127. */
const signed = (b: Buffer) => Array.from(b, (x) => (x > 127 ? x - 256 : x));

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** What Blob.getAs converts in the emulator: HTML to PDF, as Apps Script does for an HTML blob. */
const CONVERTS: Record<string, string[]> = { 'text/html': ['application/pdf'] };

/**
 * A stand-in for the PDF Apps Script renders: a recognisable PDF header and trailer around the HTML itself,
 * so tests can read what would have been rendered. It is not a valid PDF document.
 */
export const PDF_STAND_IN_HEAD =
  '%PDF-1.4\n% Apps Script emulator stand-in: the HTML below is what Apps Script renders\n';

function blob(exec: Exec, buf: Buffer, contentType: string | null, name: string | null) {
  let named = name;
  const self = {
    getDataAsString: () => buf.toString('utf8'),
    getBytes: () => signed(buf),
    getContentType: () => contentType,
    getName: () => named,
    setName(n: string) {
      named = n;
      return self;
    },
    getAs(type: string) {
      if (!contentType || !CONVERTS[contentType]?.includes(type))
        exec.fail(
          `Converting from ${contentType ?? 'application/octet-stream'} to ${type} is not supported.`,
        );
      const pdf = Buffer.concat([
        Buffer.from(PDF_STAND_IN_HEAD, 'utf8'),
        buf,
        Buffer.from('\n%%EOF\n', 'utf8'),
      ]);
      return blob(exec, pdf, type, named ? named.replace(/\.[^.]*$/, '.pdf') : null);
    },
  };
  return self;
}

export function createUtilities(exec: Exec) {
  const isDate = (d: unknown): d is Date => Object.prototype.toString.call(d) === '[object Date]';
  return {
    DigestAlgorithm: Object.fromEntries(Object.keys(DIGESTS).map((k) => [k, k])),
    Charset: { UTF_8: 'UTF_8', US_ASCII: 'US_ASCII' },
    formatDate(date: Date, timeZone: string, pattern: string) {
      if (!isDate(date)) exec.fail('Invalid argument: date');
      return formatDate(date.getTime(), timeZone, pattern);
    },
    computeDigest(algorithm: string, value: Bytes) {
      return signed(
        createHash(DIGESTS[algorithm] ?? 'sha256')
          .update(toBuffer(value))
          .digest(),
      );
    },
    computeHmacSha256Signature(value: Bytes, key: Bytes, charset = HMAC_DEFAULT_CHARSET) {
      return signed(createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
    },
    base64Encode: (v: Bytes) => toBuffer(v).toString('base64'),
    base64EncodeWebSafe: (v: Bytes) => toBuffer(v).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (s: string) => signed(Buffer.from(s, 'base64')),
    base64DecodeWebSafe: (s: string) =>
      signed(Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64')),
    newBlob(data: Bytes, contentType?: string, name?: string) {
      return blob(exec, toBuffer(data), contentType ?? null, name ?? null);
    },
    getUuid: () => randomUUID(),
    sleep(ms: number) {
      exec.spend(Math.max(0, Number(ms) || 0));
    },
  };
}
