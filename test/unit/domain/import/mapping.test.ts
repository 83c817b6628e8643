// Headers matched to fields by label in both languages and synonyms; split names joined; unmapped columns kept in Notes.
import { matchHeaders, rawRecord, recognized } from '../../../../src/domain/import/mapping';

test.each([
  ['Phone 1', 'phone'],
  ['Mobile', 'phone'],
  ['手机', 'phone'],
  ['Tel.', 'phone'],
  ['E-mail', 'email'],
  ['邮箱', 'email'],
  ['Company Name', 'company'],
  ['公司', 'company'],
  ['Country', 'country'],
  ['国家', 'country'],
  ['国家/地区', 'country'],
  ['First Name', 'firstName'],
  ['Last Name', 'lastName'],
  ['姓名', 'name'],
  ['  NAME ', 'name'],
  ['Postal Code', 'postcode'],
  ['Favourite colour', 'notes'],
  ['', 'ignore'],
])('%j fills %s', (header, target) => {
  expect(matchHeaders([header])).toEqual([target]);
});

test('each field is taken once: a second phone column goes to Notes rather than being dropped', () => {
  expect(matchHeaders(['Mobile', 'Phone 2', 'Tel'])).toEqual(['phone', 'notes', 'notes']);
  expect(recognized(matchHeaders(['foo', 'bar']))).toBe(0);
});

test('first and last name are joined, the Chinese way for Chinese names; other columns go to Notes with their header', () => {
  const headers = ['First Name', 'Last Name', 'Hobby', 'Notes'];
  const targets = matchHeaders(headers);
  expect(rawRecord(headers, targets, ['Ann', 'Lee', 'chess', 'VIP'])).toEqual({
    name: 'Ann Lee',
    notes: 'VIP\nHobby: chess',
  });
  expect(rawRecord(headers, targets, ['三', '张', '', ''])).toEqual({ name: '张三' });
});
