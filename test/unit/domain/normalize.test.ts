// Normalization of phone numbers, emails and names: worked examples and fast-check properties.
import fc from 'fast-check';
import {
  normalizeEmail,
  normalizeLongText,
  normalizeName,
  normalizePhone,
} from '../../../src/domain/normalize';
import { defaultLists } from '../../../src/schema';

const regions = defaultLists.countries.items.map((i) => i.key);

describe('normalizePhone', () => {
  test.each([
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['138-0013-8000', 'CN', '+8613800138000'],
    ['１３８ ００１３ ８０００', 'CN', '+8613800138000'],
    ['+44 (0)20 7946 0958', 'CN', '+442079460958'],
    ['+49 0711 123456', 'CN', '+49711123456'],
    ['+39 06 6982 1234', 'CN', '+390669821234'],
    ['+1 212 555 0100 ext. 12', 'CN', '+12125550100;ext=12'],
    ['(212) 555-0100', 'US', '+12125550100'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['+8613800138000;ext=7', 'US', '+8613800138000;ext=7'],
  ])('%s in %s → %s', (input, region, expected) => {
    expect(normalizePhone(input, region)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['12', 'invalid'],
    ['+683 50000', 'invalid'],
    ['not a phone', 'invalid'],
    ['1'.repeat(100), 'tooLong'],
  ])('%j is refused as %s', (input, reason) => {
    expect(normalizePhone(input, 'CN')).toEqual({ ok: false, reason });
  });

  const phoneLike = fc.tuple(
    fc.constantFrom(...regions),
    fc.constantFrom('', '+', '00', '0'),
    fc.array(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ', '-'), {
      minLength: 6,
      maxLength: 16,
    }),
  );

  test('is idempotent on its own output, and outputs are E.164', () => {
    let accepted = 0;
    fc.assert(
      fc.property(phoneLike, ([region, lead, chars]) => {
        const input = lead + chars.join('');
        const first = normalizePhone(input, region);
        if (!first.ok) return;
        accepted++;
        const e164 = first.value.split(';')[0];
        // libphonenumber decides the lengths, past E.164's 15 digits in all: German numbers run to 14 national
        // digits, Japanese toll-free numbers (0037…, leading zeros kept) to 17 (seed 31527821 found +81 0037 + 12 digits).
        expect(e164).toMatch(/^\+[1-9]\d{3,18}$/);
        for (const other of ['CN', 'US', region]) expect(normalizePhone(first.value, other)).toEqual(first);
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(20);
  });

  test('valid Chinese mobiles typed any way normalize to the same E.164', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('13', '15', '18', '19'),
        fc.stringMatching(/^[0-9]{9}$/),
        fc.constantFrom(' ', '-', ''),
        (head, rest, sep) => {
          const national = head + rest;
          const typed = `${national.slice(0, 3)}${sep}${national.slice(3, 7)}${sep}${national.slice(7)}`;
          const a = normalizePhone(typed, 'CN');
          const b = normalizePhone(`+86 ${national}`, 'US');
          expect(a).toEqual(b);
          if (a.ok) expect(a.value).toBe(`+86${national}`);
        },
      ),
    );
  });
});

describe('normalizeEmail', () => {
  test.each([
    ['  Li.Lei@Example.COM ', 'li.lei@example.com'],
    ['a+tag@sub.example.co.uk', 'a+tag@sub.example.co.uk'],
    ['ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ', 'wang@example.cn'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, value: expected });
  });

  test.each([
    'plain',
    'a@b',
    'a@@b.com',
    'a b@c.com',
    '.a@b.com',
    'a..b@c.com',
    'a@-b.com',
    'a@b.c',
    '张三@例子',
  ])('%j is refused', (input) => {
    expect(normalizeEmail(input).ok).toBe(false);
  });

  test('is idempotent and lower-case', () => {
    const local = fc.stringMatching(/^[A-Za-z0-9._%+-]{1,20}$/);
    const domain = fc.stringMatching(/^[A-Za-z0-9]{1,10}\.[A-Za-z]{2,6}$/);
    const ws = fc.constantFrom('', ' ', '\t', '\u3000');
    fc.assert(
      fc.property(ws, local, domain, ws, (a, l, d, b) => {
        const first = normalizeEmail(`${a}${l}@${d}${b}`);
        if (!first.ok) return;
        expect(first.value).toBe(first.value.toLowerCase());
        expect(normalizeEmail(first.value)).toEqual(first);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const first = normalizeEmail(s);
        if (first.ok) expect(normalizeEmail(first.value)).toEqual(first);
      }),
    );
  });
});

describe('normalizeName', () => {
  test.each([
    ['  Li   Lei ', 'Li Lei'],
    ['张\u3000三', '张 三'],
    ['\u3000王小明\u3000', '王小明'],
    ['Jose\u0301', 'José'],
    ['Anna\tMaria\nSmith', 'Anna Maria Smith'],
    ['\uF900', '\uF900'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  test('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) =>
        expect(normalizeName(normalizeName(s))).toBe(normalizeName(s)),
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) =>
        expect(normalizeName(normalizeName(s))).toBe(normalizeName(s)),
      ),
    );
  });

  test('never changes CJK characters', () => {
    const cjk = fc.oneof(
      fc.integer({ min: 0x4e00, max: 0x9fff }),
      fc.integer({ min: 0x3400, max: 0x4dbf }),
      fc.integer({ min: 0xf900, max: 0xfaff }),
      fc.integer({ min: 0x20000, max: 0x2a6df }),
      fc.integer({ min: 0x2f800, max: 0x2fa1f }),
    );
    const piece = fc.oneof(
      cjk.map((cp) => String.fromCodePoint(cp)),
      fc.constantFrom(' ', '\u3000', '·', 'a'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const input = pieces.join('');
        const strip = (s: string) => Array.from(s).filter((c) => /[^\s·a]/.test(c));
        expect(strip(normalizeName(input))).toEqual(strip(input));
      }),
    );
  });
});

describe('normalizeLongText', () => {
  test('keeps line breaks and unifies line endings', () => {
    expect(normalizeLongText('  line one\r\nline two\rline three  ')).toBe('line one\nline two\nline three');
  });
});
