// Reading a file as the import dialog does: encodings detected, bad files refused with their reason, rows numbered as in the file.

import { decodeFile } from '../../../../sidebar/import/decode';
import { importIdOf, prepareRows, refusedCsv, verdicts } from '../../../../sidebar/import/plan';
import { parseCsv } from '../../../../src/domain/import/csv';
import { matchHeaders } from '../../../../src/domain/import/mapping';
import { fileTable, MAX_COLUMNS, MAX_ROWS } from '../../../../src/domain/import/table';
import type { ImportRowCheck } from '../../../../src/shared/rpc';

const CSV = '姓名,手机,邮箱\n张三,13800138000,zs@example.com\n';
const utf16 = (s: string, le: boolean) => {
  const out = [le ? 0xff : 0xfe, le ? 0xfe : 0xff];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return new Uint8Array(out);
};
// GB18030 bytes of the same text, as Chinese Excel saves "CSV".
const GB = new Uint8Array([
  0xd0,
  0xd5,
  0xc3,
  0xfb,
  0x2c,
  0xca,
  0xd6,
  0xbb,
  0xfa,
  0x2c,
  0xd3,
  0xca,
  0xcf,
  0xe4,
  0x0a,
  0xd5,
  0xc5,
  0xc8,
  0xfd,
  0x2c,
  ...Buffer.from('13800138000,zs@example.com\n'),
]);

test.each([
  ['UTF-8', new TextEncoder().encode(CSV), 'utf-8'],
  ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]), 'utf-8'],
  ['UTF-16 LE', utf16(CSV, true), 'utf-16le'],
  ['UTF-16 BE', utf16(CSV, false), 'utf-16be'],
  ['GB18030', GB, 'gb18030'],
])('%s is detected and read', (_name, bytes, encoding) => {
  const out = decodeFile(bytes);
  expect(out).toMatchObject({ ok: true, encoding, unsure: false });
  expect(out.ok && parseCsv(out.text.replace(/^\uFEFF/, ''))).toEqual([
    ['姓名', '手机', '邮箱'],
    ['张三', '13800138000', 'zs@example.com'],
  ]);
});

test('an empty file and a binary one are refused before anything is read', () => {
  expect(decodeFile(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
  expect(decodeFile(new TextEncoder().encode(' \n\n'))).toEqual({ ok: false, problem: 'empty' });
  expect(decodeFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toEqual({
    ok: false,
    problem: 'binary',
  });
});

test('a file with no recognizable header, too many rows, or a row of 500 columns is refused, naming the reason', () => {
  expect(fileTable('foo,bar\n1,2\n')).toEqual({ ok: false, problem: 'noHeader' });
  expect(fileTable('\n\n')).toEqual({ ok: false, problem: 'empty' });
  expect(fileTable(`Name\n${'x\n'.repeat(MAX_ROWS + 1)}`)).toEqual({
    ok: false,
    problem: 'tooManyRows',
    rows: MAX_ROWS + 1,
  });
  expect(fileTable(`Name,Phone\nA,1\n${'x,'.repeat(499)}x\n`)).toEqual({
    ok: false,
    problem: 'tooManyColumns',
    line: 3,
    columns: 500,
  });
  expect(MAX_COLUMNS).toBeLessThan(500);
});

test('rows keep their line in the file, blank lines counted; the refused ones go back out as CSV with the reason', () => {
  const table = fileTable('Name,Phone\nAnn,1\n\n"Bo, Jr",2\n');
  expect(table).toEqual({
    ok: true,
    headers: ['Name', 'Phone'],
    rows: [
      { line: 2, cells: ['Ann', '1'] },
      { line: 4, cells: ['Bo, Jr', '2'] },
    ],
  });
  if (!table.ok) return;
  expect(
    refusedCsv(
      table.headers,
      table.rows,
      new Map([[4, 'Phone: "2" is not a valid phone number.']]),
      'Reason',
    ),
  ).toBe('Name,Phone,Reason\r\n"Bo, Jr",2,"Phone: ""2"" is not a valid phone number."\r\n');
});

test('the preview names normalization changes and duplicates within the file; ambiguous dates follow the chosen order', () => {
  const headers = ['Name', 'Phone', 'Birthday'];
  const rows = [
    { line: 2, cells: ['Ann', '(415) 555-2671', '03/04/1990'] },
    { line: 3, cells: ['Ann again', '415.555.2671', ''] },
  ];
  const prepared = prepareRows(headers, matchHeaders(headers), rows, { birthDate: 'mdy' });
  expect(prepared.rows[0].values.birthDate).toBe('1990-03-04');
  const checks: ImportRowCheck[] = [
    {
      line: 2,
      values: { name: 'Ann', phone: '+14155552671', birthDate: '1990-03-04' },
      errors: [],
      duplicates: [],
    },
    { line: 3, values: { name: 'Ann again', phone: '+14155552671' }, errors: [], duplicates: [] },
  ];
  const [first, second] = verdicts(prepared, checks);
  expect(first.changes).toEqual([['phone', '(415) 555-2671', '+14155552671']]);
  expect(first.flags).toEqual([expect.objectContaining({ field: 'birthDate', kind: 'ambiguousDate' })]);
  expect(second.inFile).toEqual({ line: 2, matched: ['phone'] });
});

test('the same file gets the same import ID; any change gives another', () => {
  expect(importIdOf(CSV)).toBe(importIdOf(CSV));
  expect(importIdOf(CSV)).not.toBe(importIdOf(`${CSV} `));
  expect(importIdOf(CSV)).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
});
