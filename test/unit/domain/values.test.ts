// Emails, one-line text, dates, countries and run-time lists: the cases and fast-check properties for each normalizer.
import fc from 'fast-check';
import { readDate } from '../../../src/domain/dates';
import { normalizeEmail } from '../../../src/domain/email';
import { isEmptyInput } from '../../../src/domain/field-value';
import { findListItem, looseKey } from '../../../src/domain/list-items';
import { listsFromColumns } from '../../../src/domain/runtime-lists';
import { normalizeLongText, normalizeName, stripInvisible } from '../../../src/domain/text';
import { type ValidationOptions, validateRecord } from '../../../src/domain/validation';
import { customer, defaultLists } from '../../../src/schema';

const INVISIBLE = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc
    .array(fc.oneof(fc.constantFrom(...INVISIBLE, ' ', '\u3000', 'a', '张', '@', '.'), fc.string()), {
      maxLength: 12,
    })
    .map((a) => a.join('')),
);

describe('emails', () => {
  test.each([
    ['user@例子.中国', 'user@例子.中国'],
    ['user@bücher.de', 'user@bücher.de'],
    ['张三@例子.中国', '张三@例子.中国'],
    ['stanisław.wójcik@wp.pl', 'stanisław.wójcik@wp.pl'],
    ['Li.Lei@Example.com\u200b', 'li.lei@example.com'],
    ['\ufeffwang@example.cn', 'wang@example.cn'],
    ['user@例子。中国', 'user@例子.中国'],
    ['user@xn--fsqu00a.xn--fiqs8s', 'user@xn--fsqu00a.xn--fiqs8s'],
  ])('%j is accepted as %s', (typed, stored) => {
    expect(normalizeEmail(typed)).toEqual({ ok: true, value: stored });
  });

  test.each([
    'a@b',
    'a@-b.com',
    'a..b@c.com',
    '张三@例子',
    'a@b.c0m',
    '😀@example.com',
    'a@b.com.',
    `${'ł'.repeat(33)}@wp.pl`,
  ])('%j is refused', (typed) => expect(normalizeEmail(typed).ok).toBe(false));

  test('never throws, is idempotent, and never returns a value it would refuse', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const first = normalizeEmail(s);
        if (first.ok) expect(normalizeEmail(first.value)).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('one-line text', () => {
  test('zero-width and bidirectional controls are stripped', () => {
    expect(normalizeName('Evil\u202egnp.exe')).toBe('Evilgnp.exe');
    expect(normalizeName('Li\u200b Lei\u2060')).toBe('Li Lei');
    expect(normalizeLongText('line\u2066 one\nline two\u2069')).toBe('line one\nline two');
    for (const c of INVISIBLE) expect(stripInvisible(`a${c}b`)).toBe('ab');
  });

  test('a name of only invisible characters is empty, so "required" refuses it', () => {
    expect(isEmptyInput('\u200b\u200b')).toBe(true);
    const r = validateRecord(
      customer,
      { customerType: 'individual', name: '\u200b', status: 'active' },
      { lang: 'en', role: 'Clerk', mode: 'create' },
    );
    expect(r.ok ? r.value : r.errors.map((e) => e.message)).toEqual(['Name is required.']);
  });

  test('never throws, is idempotent, and leaves no invisible character', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalizeName(s);
        expect(normalizeName(once)).toBe(once);
        expect(stripInvisible(once)).toBe(once);
        const long = normalizeLongText(s);
        expect(normalizeLongText(long)).toBe(long);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dates', () => {
  test.each([
    ['1990-05-01', '1990-05-01'],
    ['１９９０－０５－０１', '1990-05-01'],
    ['19900501', '1990-05-01'],
    ['1990/5/1', '1990-05-01'],
    ['1990.05.01', '1990-05-01'],
    ['1990年5月1日', '1990-05-01'],
    ['1990 年 5 月 1 日', '1990-05-01'],
    ['25/12/1990', '1990-12-25'],
    ['12/25/1990', '1990-12-25'],
    ['\u200b1990-05-01', '1990-05-01'],
  ])('%j is read as %s', (typed, stored) => {
    expect(readDate(typed)).toEqual({ ok: true, value: stored });
  });

  test('a date both day-first and month-first says which it was read as', () => {
    expect(readDate('01/05/1990')).toEqual({ ok: true, value: '1990-05-01', monthFirst: '1990-01-05' });
    expect(readDate('05/05/1990')).toEqual({ ok: true, value: '1990-05-05' });
  });

  test.each([
    ['1990-02-30', 'impossible'],
    ['19901301', 'impossible'],
    ['01/05/90', 'twoDigitYear'],
    ['yesterday', 'format'],
    ['1990-05', 'format'],
  ])('%j is refused: %s', (typed, reason) => {
    expect(readDate(typed)).toEqual({ ok: false, reason });
  });

  const clerk: ValidationOptions = { lang: 'en', role: 'Clerk', mode: 'update', today: '2026-06-15' };
  test.each([
    ['2026-06-16', 'Birth date: 2026-06-16 is in the future (today is 2026-06-15).'],
    ['1899-12-31', 'Birth date: 1899-12-31 is before 1900-01-01.'],
    ['1990-02-30', 'Birth date: "1990-02-30" is not a day of the calendar (check the month and the day).'],
  ])('birth date %s is refused with the reason', (typed, message) => {
    const r = validateRecord(customer, { birthDate: typed }, clerk);
    expect(r.ok ? r.value : r.errors[0].message).toBe(message);
  });

  test('the reasons are in Chinese too', () => {
    const r = validateRecord(customer, { birthDate: '2030-01-01' }, { ...clerk, lang: 'zh' });
    expect(r.ok ? r.value : r.errors[0].message).toBe(
      '“出生日期”：2030-01-01 晚于今天（今天是 2026-06-15）。',
    );
  });

  test('never throws, is idempotent, and never returns a value it would refuse', () => {
    const dateLike = fc
      .tuple(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('-', '/', '.', ''),
      )
      .map(([y, m, d, sep]) => [y, m, d].map((n) => String(n).padStart(2, '0')).join(sep));
    fc.assert(
      fc.property(fc.oneof(anyText, dateLike), (s) => {
        const first = readDate(s);
        if (first.ok) expect(readDate(first.value)).toEqual({ ok: true, value: first.value });
      }),
      { numRuns: 3000 },
    );
  });

  test('a year-last date with day and month both 12 or under carries its month-first reading, and only then', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1000, max: 9999 }),
        fc.constantFrom('/', '-', '.'),
        (a, b, y, sep) => {
          const r = readDate(`${a}${sep}${b}${sep}${y}`);
          if (!r.ok) return;
          const pad = (n: number) => String(n).padStart(2, '0');
          if (a <= 12 && b <= 12 && a !== b) {
            expect(r).toEqual({
              ok: true,
              value: `${y}-${pad(b)}-${pad(a)}`,
              monthFirst: `${y}-${pad(a)}-${pad(b)}`,
            });
          } else expect(r).not.toHaveProperty('monthFirst');
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('countries', () => {
  const countries = defaultLists.countries;
  test('every ISO 3166-1 country and territory, named in English and Chinese', () => {
    expect(countries.items.length).toBeGreaterThanOrEqual(249);
    for (const code of ['AT', 'BR', 'NU', 'TK', 'AQ', 'BJ', 'ZW', 'TA', 'XK'])
      expect(countries.items.map((i) => i.key)).toContain(code);
    for (const item of countries.items) {
      expect(item.labels.en).not.toBe('');
      expect(item.labels.zh).toMatch(/\p{Script=Han}/u);
    }
  });

  test('the labels an existing register stores still name their country', () => {
    for (const [label, code] of [
      ['Hong Kong, China', 'HK'],
      ['中国台湾', 'TW'],
      ['United States', 'US'],
      ['阿联酋', 'AE'],
    ])
      expect(findListItem(countries, label)?.key).toBe(code);
  });

  test.each([
    ['USA', 'US'],
    ['United States', 'US'],
    ['U.S.A.', 'US'],
    ['美国', 'US'],
    ['美國', 'US'],
    ['英国', 'GB'],
    ['UK', 'GB'],
    ['Deutschland', 'DE'],
    ['Brazil', 'BR'],
    ['Brasil', 'BR'],
    ['Hong Kong', 'HK'],
    ['香港', 'HK'],
    ['cote d ivoire', 'CI'],
    ['Österreich', 'AT'],
    ['日本', 'JP'],
    ['  korea ', 'KR'],
  ])('%j names %s', (typed, code) => {
    expect(findListItem(countries, typed)?.key).toBe(code);
  });

  test('matching never throws, and a match is one of the item’s own names, loosely compared', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.constantFrom(...countries.items.flatMap((i) => [i.labels.en, ...(i.aliases ?? [])])),
        ),
        (s) => {
          const item = findListItem(countries, s);
          if (!item) return;
          const names = [item.key, item.labels.en, item.labels.zh, ...(item.aliases ?? [])].map(looseKey);
          expect(names).toContain(looseKey(s));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('no name names two countries', () => {
    const seen = new Map<string, string>();
    for (const item of countries.items)
      for (const name of [item.labels.en, item.labels.zh, ...(item.aliases ?? [])]) {
        const other = seen.get(name);
        if (other) expect([name, other]).toEqual([name, item.key]);
        seen.set(name, item.key);
        expect([name, findListItem(countries, name)?.key]).toEqual([name, item.key]);
      }
  });

  test('a typed country is stored as its code, and an international number fills an empty one', () => {
    const options: ValidationOptions = { lang: 'en', role: 'Clerk', mode: 'create' };
    const base = { customerType: 'individual', name: 'Ana', status: 'active' };
    const typed = validateRecord(customer, { ...base, country: 'Deutschland' }, options);
    expect(typed.ok && typed.value.country).toBe('DE');
    const filled = validateRecord(customer, { ...base, phone: '+55 11 96123 4567' }, options);
    expect(filled.ok && [filled.value.phone, filled.value.country]).toEqual(['+5511961234567', 'BR']);
    // A number typed the national way says nothing about the country: nothing is filled in.
    const national = validateRecord(customer, { ...base, phone: '138 0013 8000' }, options);
    expect(national.ok && national.value.country).toBeUndefined();
  });
});

describe('run-time lists', () => {
  test('what an admin added is an item; defaults keep their keys; an empty column keeps the defaults', () => {
    const lists = listsFromColumns(defaultLists, {
      customerSource: ['转介绍', 'Website', '小红书 Xiaohongshu', '', '小红书 Xiaohongshu'],
      gender: [],
    });
    expect(lists.customerSource.items.map((i) => i.key)).toEqual([
      'referral',
      'website',
      '小红书 Xiaohongshu',
    ]);
    expect(lists.gender).toBe(defaultLists.gender);
    const r = validateRecord(
      customer,
      { source: '小红书 Xiaohongshu' },
      { lang: 'en', role: 'Clerk', mode: 'update', lists },
    );
    expect(r.ok && r.value.source).toBe('小红书 Xiaohongshu');
  });
});
