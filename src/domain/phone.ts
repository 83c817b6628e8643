// Reading a phone number as people type it, judged by libphonenumber's metadata (passed in: full on the server, min in the sidebar).
import {
  type CountryCode,
  getCountryCallingCode,
  type MetadataJson,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/core';
import { stripInvisible, toHalfWidth } from './text';

export type PhoneReading =
  | {
      ok: true;
      /** E.164, with an extension as ';ext=123' (RFC 3966), which the parser reads back unchanged. */
      value: string;
      /** Spaced international form for people to check: '+86 10 6552 9988 ext. 123'. */
      display: string;
      /** The number's own region ('US', 'CN'…); absent for non-geographic numbers (+800…). */
      region?: string;
      /** Typed without a country code: read with this region (the customer's country or the register's default). */
      assumedRegion?: string;
    }
  | { ok: false; reason: 'empty' | 'tooLong' | 'invalid' };

// Longer input is not a phone number; refusing early keeps the parser's work bounded.
const PHONE_INPUT_MAX = 64;
// Chinese extension markers ('转123', '分机 123', '内线123') mean what 'ext. 123' means.
const CN_EXTENSION = /\s*(?:转|轉|分机|分機|内线|內線)\s*(?:号|號)?\s*[:：]?\s*(?=\d)/;
// '010-65529988-123': an extension joined by a dash after an area code and a number that are dashed too,
// tried only when the whole is not a number.
const DASH_EXTENSION = /^(.*\d\s*[-‐–—]\s*\d.*\d)\s*[-‐–—]\s*(\d{1,6})$/;

function parse(text: string, region: string, metadata: MetadataJson): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, { defaultCountry: region as CountryCode }, metadata);
  } catch {
    return undefined;
  }
}

function callingCode(region: string, metadata: MetadataJson): string | undefined {
  try {
    return getCountryCallingCode(region as CountryCode, metadata);
  } catch {
    return undefined;
  }
}

/** The number a text names, whole or with a dash-joined extension, when the metadata calls it valid. */
function valid(text: string, region: string, metadata: MetadataJson) {
  const whole = parse(text, region, metadata);
  if (whole?.isValid()) return { parsed: whole, ext: whole.ext, text };
  const dashed = DASH_EXTENSION.exec(text);
  const head = dashed ? parse(dashed[1], region, metadata) : undefined;
  return head?.isValid() ? { parsed: head, ext: dashed?.[2], text } : undefined;
}

/**
 * A number is accepted only when the metadata finds it valid for a type (mobile, fixed line, toll free…);
 * with full metadata that is libphonenumber's own verdict, with nothing added or taken away.
 */
export function readPhoneWith(metadata: MetadataJson, input: string, region: string): PhoneReading {
  const typed = stripInvisible(input).trim();
  if (typed === '') return { ok: false, reason: 'empty' };
  if (typed.length > PHONE_INPUT_MAX) return { ok: false, reason: 'tooLong' };
  const regionCode = region.trim().toUpperCase();
  const text = toHalfWidth(typed).replace(CN_EXTENSION, ' ext. ');
  // '00' is the international prefix in most of the world, whatever the region dials (011 in the US);
  // tried second, because some national numbers begin with 00 (Japan's 0077 and 0088 toll-free lines).
  const international = text.replace(/^00[\s.-]*(?=[1-9])/, '+');
  const found =
    valid(text, regionCode, metadata) ??
    (international === text ? undefined : valid(international, regionCode, metadata));
  if (!found) return { ok: false, reason: 'invalid' };
  const { parsed, ext } = found;
  const number = parsed.number;
  const national =
    !found.text.startsWith('+') && parsed.countryCallingCode === callingCode(regionCode, metadata);
  const display = parsed.formatInternational();
  return {
    ok: true,
    value: ext ? `${number};ext=${ext}` : number,
    display: ext && !parsed.ext ? `${display} ext. ${ext}` : display,
    ...(parsed.country ? { region: parsed.country } : {}),
    ...(national ? { assumedRegion: regionCode } : {}),
  };
}
