// The CSV reader: RFC 4180 quoting, line breaks inside fields, the three delimiters, and round trips of any table.
import fc from 'fast-check';
import { type Delimiter, detectDelimiter, parseCsv, toCsv } from '../../../../src/domain/import/csv';

test('quoted fields keep delimiters, doubled quotes and line breaks; CRLF, LF and CR end rows', () => {
  const text = 'Name,Notes\r\n"Li, Lei","said ""hi""\non two lines"\rAnn,\nBo,x\n';
  expect(parseCsv(text)).toEqual([
    ['Name', 'Notes'],
    ['Li, Lei', 'said "hi"\non two lines'],
    ['Ann', ''],
    ['Bo', 'x'],
  ]);
});

test.each([
  ['Name;Phone;City\nA;1;B', ';'],
  ['Name\tPhone\nA\t1', '\t'],
  ['Name,Phone\nA,1', ','],
  ['"a;b",c,d\n', ','],
  ['Name', ','],
] as const)('the delimiter of %j is %j', (text, d) => {
  expect(detectDelimiter(text)).toBe(d);
});

test('a quote inside an unquoted field is kept as typed, as Excel reads 5" screens', () => {
  expect(parseCsv('Item,Size\nTV,5" screen\n')).toEqual([
    ['Item', 'Size'],
    ['TV', '5" screen'],
  ]);
});

test('any table written as CSV reads back the same, with each delimiter', () => {
  const cell = fc.string({
    unit: fc.constantFrom('a', 'b', ',', ';', '\t', '"', '\n', '\r', '\r\n', ' ', '中'),
  });
  const table = fc
    .integer({ min: 1, max: 5 })
    .chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 }));
  fc.assert(
    fc.property(table, fc.constantFrom<Delimiter>(',', ';', '\t'), (rows, d) => {
      // A row of one empty cell is an empty line, which CSV cannot tell from no row.
      fc.pre(rows.every((r) => r.length > 1 || r[0] !== ''));
      const text = toCsv(rows).replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, d);
      expect(parseCsv(text, d)).toEqual(rows);
    }),
  );
});
