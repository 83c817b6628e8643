// Phone numbers: libphonenumber's example numbers in every form people type, the cases, and fast-check properties.
import fc from 'fast-check';
import {
  type CountryCode,
  getCountryCallingCode,
  Metadata,
  type MetadataJson,
  type NumberType,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json';
import max from 'libphonenumber-js/metadata.max.json';
import min from 'libphonenumber-js/metadata.min.json';
import { parsingOnly } from '../../../scripts/phone-metadata';
import { normalizePhone, readPhone } from '../../../src/domain/normalize';
import { readPhoneWith } from '../../../src/domain/phone';

// The only example file the package ships is for mobiles: one number per region, 245 regions.
const regions = Object.keys(examples) as CountryCode[];
const fullWidth = (s: string) => s.replace(/[0-9+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function formsOf(region: CountryCode) {
  const national = (examples as Record<string, string>)[region];
  const cc = getCountryCallingCode(region, max as MetadataJson);
  const parsed = parsePhoneNumberFromString(`+${cc}${national}`, max as MetadataJson);
  if (!parsed) throw new Error(`example for ${region} does not parse`);
  const e164 = `+${cc}${national}`;
  return {
    e164,
    typed: [
      ['E.164', e164, 'CN'],
      ['E.164, another region', e164, 'US'],
      ['spaced', parsed.formatInternational(), 'CN'],
      ['national with trunk prefix, right country', parsed.formatNational(), region],
      ['00-prefixed', `00${cc} ${national}`, 'CN'],
      ['00-prefixed, a region that dials 011', `00 ${cc} ${national}`, 'US'],
      ['full-width digits', fullWidth(e164), 'GB'],
      ['full-width national', fullWidth(parsed.formatNational()), region],
    ] as const,
  };
}

describe('every example number, in every form a person types', () => {
  test.each(regions)('%s', (region) => {
    const { e164, typed } = formsOf(region);
    for (const [form, text, assumed] of typed) {
      expect([form, text, normalizePhone(text, assumed)]).toEqual([form, text, { ok: true, value: e164 }]);
    }
    const r = readPhone(e164, 'CN');
    // The number names its region, or one sharing its numbering plan (Åland's mobiles are Finland's, the
    // Isle of Man's are the UK's, the Vatican's Italy's): libphonenumber names the first that matches.
    const cc = getCountryCallingCode(region, max as MetadataJson);
    expect(r.ok && r.region && getCountryCallingCode(r.region as CountryCode, max as MetadataJson)).toBe(cc);
  });

  test('the sidebar (min metadata without formats) never refuses what full metadata accepts', () => {
    const sidebar = parsingOnly(min as MetadataJson);
    for (const region of regions)
      for (const [, text, assumed] of formsOf(region).typed) {
        const server = readPhone(text, assumed);
        const client = readPhoneWith(sidebar, text, assumed);
        expect([text, client.ok && client.value]).toEqual([text, server.ok && server.value]);
        // Stripping the formats changes nothing about parsing.
        const withFormats = readPhoneWith(min as MetadataJson, text, assumed);
        expect([text, client.ok && client.value]).toEqual([text, withFormats.ok && withFormats.value]);
      }
  });
});

// Only mobile examples ship with the package; for every other type a region has, numbers are drawn from
// the type's own pattern in the full metadata (seeded, so the same numbers every run) and kept when
// libphonenumber itself calls them valid and of that type.
const TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'PERSONAL_NUMBER',
  'VOICEMAIL',
  'UAN',
  'PAGER',
  'VOIP',
  'SHARED_COST',
] as const;

function typedSamples() {
  const metadata = new Metadata(max as MetadataJson) as unknown as {
    selectNumberingPlan(c: string): void;
    numberingPlan: { type(t: string): { pattern(): string } | undefined };
  };
  const out: { region: string; type: NumberType; e164: string }[] = [];
  let missed = 0;
  for (const region of regions) {
    metadata.selectNumberingPlan(region);
    const cc = getCountryCallingCode(region, max as MetadataJson);
    for (const type of TYPES) {
      const pattern = metadata.numberingPlan.type(type)?.pattern();
      if (!pattern) continue;
      const drawn = fc.sample(fc.stringMatching(new RegExp(`^(?:${pattern})$`)), { numRuns: 60, seed: 11 });
      const e164 = drawn
        .map((n) => `+${cc}${n}`)
        .find((n) => {
          const p = parsePhoneNumberFromString(n, max as MetadataJson);
          return p?.isValid() && p.getType() === type;
        });
      if (e164) out.push({ region, type, e164 });
      else missed++;
    }
  }
  return { samples: out, missed };
}

describe('every number type of every region, in every form a person types', () => {
  const { samples, missed } = typedSamples();
  const sidebar = parsingOnly(min as MetadataJson);

  test('most types yield a valid sample', () => {
    expect(samples.length).toBeGreaterThan(900);
    expect(missed).toBeLessThan(samples.length / 10);
  });

  test.each(regions)('%s', (region) => {
    for (const { type, e164 } of samples.filter((x) => x.region === region)) {
      const parsed = parsePhoneNumberFromString(e164, max as MetadataJson);
      const own = (parsed?.country ?? region) as CountryCode;
      const national = parsed?.formatNational() ?? '';
      // A national form is read as libphonenumber reads it: a few of its own national formats do not read
      // back to the same number (Gabon's), or at all (Panama's and Qatar's 00800 toll-free numbers, whose
      // 00 it takes for the international prefix). That is the library's verdict, not ours.
      const readBack = parsePhoneNumberFromString(national, own, max as MetadataJson);
      const nationalForms = readBack?.isValid()
        ? [
            [national, own, readBack.number],
            [fullWidth(national), own, readBack.number],
          ]
        : [];
      const forms = [
        [e164, 'CN', e164],
        [parsed?.formatInternational() ?? '', 'US', e164],
        [`00${e164.slice(1)}`, 'GB', e164],
        [`00 ${e164.slice(1)}`, 'US', e164],
        [fullWidth(e164), 'JP', e164],
        ...nationalForms,
      ];
      for (const [text, assumed, value] of forms) {
        expect([type, text, assumed, normalizePhone(text, assumed)]).toEqual([
          type,
          text,
          assumed,
          { ok: true, value },
        ]);
        // The sidebar's parsing-only min metadata lets it through too, for the server to judge.
        expect([type, text, readPhoneWith(sidebar, text, assumed).ok]).toEqual([type, text, true]);
      }
    }
  });
});

describe('the issue: invalid numbers refused, valid ones accepted, nothing silently made Chinese', () => {
  test.each([
    ['12193590070', 'CN'],
    ['1519359007', 'CN'],
    ['+91 0124 39883988', 'CN'],
    ['0664123456', 'CN'],
    ['+82 50000', 'CN'],
  ])('%s (%s) is refused', (typed, region) => {
    expect(normalizePhone(typed, region)).toEqual({ ok: false, reason: 'invalid' });
  });

  test.each([
    ['+6837012', '+6837012', 'NU'],
    ['+6903101', '+6903101', 'TK'],
    ['+2908999', '+2908999', 'TA'],
    ['+4702000', '+4702000', 'NO'],
    ['+3114020', '+3114020', 'NL'],
    ['+229 01 90 01 12 34', '+2290190011234', 'BJ'],
    ['+263 71 123 4567', '+263711234567', 'ZW'],
  ])('%s is accepted as %s (%s)', (typed, stored, region) => {
    expect(readPhone(typed, 'CN')).toMatchObject({ ok: true, value: stored, region });
  });

  test('a national number is read with the country given, and says which it assumed', () => {
    expect(readPhone('0664123456', 'AT')).toMatchObject({
      ok: true,
      value: '+43664123456',
      assumedRegion: 'AT',
    });
    expect(readPhone('(415) 555-2671', 'US')).toMatchObject({ value: '+14155552671', assumedRegion: 'US' });
    // Read with the default region, the guess is shown, never silent: the caller gets the region it assumed.
    expect(readPhone('(415) 555-2671', 'CN')).toMatchObject({
      value: '+864155552671',
      display: '+86 415 555 2671',
      assumedRegion: 'CN',
    });
    expect(readPhone('+1 415 555 2671', 'CN')).not.toHaveProperty('assumedRegion');
  });

  test.each([
    '010-6552 9988转123',
    '010-65529988 分机 123',
    '010-65529988分機123',
    '010-65529988-123',
    '010 6552 9988 ext. 123',
    '010-65529988 x123',
    '+86 10 6552 9988;ext=123',
  ])('extension: %s', (typed) => {
    expect(readPhone(typed, 'CN')).toMatchObject({
      ok: true,
      value: '+861065529988;ext=123',
      display: '+86 10 6552 9988 ext. 123',
    });
  });

  test('a dash is an extension only when the whole is not a number', () => {
    expect(normalizePhone('138-0013-8000', 'CN')).toEqual({ ok: true, value: '+8613800138000' });
  });

  test('invisible characters are ignored', () => {
    expect(normalizePhone('\u200b138 0013 8000\ufeff', 'CN')).toEqual({ ok: true, value: '+8613800138000' });
  });
});

describe('properties', () => {
  const sidebar = parsingOnly(min as MetadataJson);
  const region = fc.constantFrom(...regions);
  const digits = fc.array(fc.constantFrom(...'0123456789 -()'.split('')), { minLength: 1, maxLength: 18 });
  const phoneLike = fc.tuple(
    fc.constantFrom('', '+', '00', '0', '+86 ', '+1 '),
    digits,
    fc.constantFrom('', ' 转12', '-9', ' x7'),
  );
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    phoneLike.map(([a, b, c]) => a + b.join('') + c),
  );

  test('never throws, is idempotent, and never returns a value it would refuse', () => {
    fc.assert(
      fc.property(anyText, region, region, (text, r1, r2) => {
        const first = readPhone(text, r1);
        if (!first.ok) return;
        // Its own output is accepted, unchanged, whatever region reads it.
        expect(readPhone(first.value, r2)).toMatchObject({ ok: true, value: first.value });
        expect(first.value).toMatch(/^\+[1-9]\d{3,16}(?:;ext=\d{1,10})?$/);
      }),
      { numRuns: 3000 },
    );
  });

  test('the sidebar accepts everything the server accepts', () => {
    fc.assert(
      fc.property(anyText, region, (text, r) => {
        const server = readPhone(text, r);
        // The values may differ where min metadata reads a whole number that full metadata reads with an extension.
        if (server.ok) expect([text, r, readPhoneWith(sidebar, text, r).ok]).toEqual([text, r, true]);
      }),
      { numRuns: 3000 },
    );
  });
});
