// The TextFinder patterns find every row the domain's ranking and duplicate rules would pick, and no more than they need.
import fc from 'fast-check';
import { namePattern } from '../../../src/domain/cell-search';
import { duplicateSearches, nameKey } from '../../../src/domain/duplicates';
import { searchesFor } from '../../../src/domain/search';

/** How a TextFinder with useRegularExpression matches a cell: case ignored. */
const finds = (pattern: string, cell: string) => new RegExp(pattern, 'i').test(cell);

describe('namePattern', () => {
  const names = ['Li  Lei.', 'li lei', 'LI-LEI', "Li'Lei", 'Lilei Wang', '李 雷', '李雷', 'Ada (Lovelace)'];
  test.each(names)('a whole-name pattern finds exactly the names nameKey calls equal to %s', (q) => {
    for (const cell of names)
      expect([cell, finds(namePattern(nameKey(q), true), cell)]).toEqual([
        cell,
        nameKey(cell) === nameKey(q),
      ]);
  });

  test('a part-name pattern finds every cell whose nameKey contains the query’s', () => {
    const word = fc.stringMatching(/^[A-Za-z李雷 .,'-]{0,12}$/);
    fc.assert(
      fc.property(word, word, (cell, q) => {
        const key = nameKey(q);
        if (!key) return;
        if (nameKey(cell).includes(key)) expect(finds(namePattern(key, false), cell)).toBe(true);
      }),
    );
  });
});

describe('searchesFor', () => {
  test('exact ID and email first, phone and whole names before parts of names', () => {
    expect(searchesFor('020 7946 0958', 'GB').map((s) => s.key)).toEqual([
      'id',
      'email',
      'phone',
      'name',
      'phone',
      'phone',
      'name',
      'company',
    ]);
    expect(searchesFor('  ', 'CN')).toEqual([]);
  });

  test('a phone is looked for as stored (E.164) and by its digits', () => {
    const phones = searchesFor('138-0013-8000', 'CN').filter((s) => s.key === 'phone');
    expect(phones.some((s) => s.regex && finds(s.text, '+8613800138000'))).toBe(true);
    expect(phones.some((s) => !s.regex && s.text === '13800138000')).toBe(true);
  });
});

describe('duplicateSearches', () => {
  test('the same phone, email or name; nothing for an empty candidate', () => {
    expect(duplicateSearches({ phone: '+8613800138000', email: 'A@B.cn', name: 'Li Lei' })).toEqual([
      { key: 'phone', text: '+8613800138000', entire: true, regex: false },
      { key: 'email', text: 'a@b.cn', entire: true, regex: false },
      { key: 'name', text: namePattern('lilei', true), entire: false, regex: true },
    ]);
    expect(duplicateSearches({})).toEqual([]);
  });
});
