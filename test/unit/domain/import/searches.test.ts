// Merged duplicate searches match exactly the cells the searches they merge match, in few patterns.
import { type CellSearch, escapeRe } from '../../../../src/domain/cell-search';
import { duplicateSearches } from '../../../../src/domain/duplicates';
import { emptyFieldsFilled } from '../../../../src/domain/import/progress';
import { mergedSearches } from '../../../../src/domain/import/searches';

/** A TextFinder's match as the emulator and Google run it: case ignored, a whole cell when `entire`. */
function matches(s: CellSearch, cell: string): boolean {
  const body = s.regex ? s.text : escapeRe(s.text);
  return new RegExp(s.entire ? `^(?:${body})$` : body, 'i').test(cell);
}

const customers = [
  { name: 'Li  Lei.', phone: '+8613800138000', email: 'li@example.com' },
  { name: '王 芳', company: '北京某公司', email: 'wang.fang+1@example.cn' },
  { name: 'O’Brien (Pat)', phone: '+14155552671' },
  { name: 'a.b*c?', email: 'x@y.z' },
];
const cells: Record<string, string[]> = {
  name: [
    'li lei',
    'Li Lei Jr',
    '王芳',
    '王 芳 ',
    "O'Brien Pat",
    'o’brien (pat)',
    'a.b*c?',
    'abxc',
    'Someone',
  ],
  phone: ['+8613800138000', '8613800138000', '+14155552671', '+141555526710', ''],
  email: ['LI@example.com', 'wang.fang+1@example.cn', 'wangxfang+1@example.cn', 'x@y.z', 'xx@y.z'],
};

test('each column’s searches merge into one pattern that matches the same cells', () => {
  const searches = customers.flatMap((c) => duplicateSearches(c));
  const merged = mergedSearches(searches);
  expect(merged.map((s) => s.key).sort()).toEqual(['email', 'name', 'phone']);
  for (const [key, column] of Object.entries(cells))
    for (const cell of column) {
      const one = searches.filter((s) => s.key === key).some((s) => matches(s, cell));
      const all = merged.filter((s) => s.key === key).some((s) => matches(s, cell));
      expect([key, cell, all]).toEqual([key, cell, one]);
    }
});

test('a pattern never passes the limit: more searches instead, none lost', () => {
  const many = Array.from({ length: 200 }, (_, i) => ({ email: `person${i}@example.com` }));
  const merged = mergedSearches(
    many.flatMap((c) => duplicateSearches(c)),
    500,
  );
  expect(merged.length).toBeGreaterThan(1);
  expect(merged.every((s) => s.text.length <= 500)).toBe(true);
  for (let i = 0; i < 200; i++) expect(merged.some((s) => matches(s, `PERSON${i}@example.com`))).toBe(true);
  expect(merged.some((s) => matches(s, 'person200@example.com'))).toBe(false);
});

test('a chunk sent again fills the fields a dead execution wrote as well as those still empty', () => {
  const existing = { city: 'Lyon', street: '', email: 'a@b.c' };
  const incoming = { city: 'Lyon', street: '1 rue', email: 'a@b.c', notes: '' };
  const keys = ['city', 'street', 'email', 'notes'];
  expect(emptyFieldsFilled(existing, incoming, keys)).toEqual({ street: '1 rue' });
  expect(emptyFieldsFilled(existing, incoming, keys, true)).toEqual({
    city: 'Lyon',
    street: '1 rue',
    email: 'a@b.c',
  });
});
