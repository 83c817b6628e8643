// The message catalogue: both languages complete, placeholders filled, locales mapped.

import type { MessageKey } from '../../../src/domain/i18n';
import { langFromLocale, roleList, t } from '../../../src/domain/i18n';

const keys: MessageKey[] = [
  'required',
  'invalidEmail',
  'invalidPhone',
  'notInList',
  'tooLong',
  'notADate',
  'notAllowedForRole',
  'systemField',
  'unknownField',
  'notOnTeam',
  'actionNotAllowed',
  'recordNotFound',
];

describe('t', () => {
  test('fills placeholders in both languages', () => {
    expect(t('en', 'required', { field: 'Name' })).toBe('Name is required.');
    expect(t('zh', 'required', { field: '姓名' })).toBe('“姓名”为必填项。');
    expect(t('en', 'tooLong', { field: 'Notes', max: 5000 })).toBe(
      'Notes is too long: at most 5000 characters.',
    );
  });

  test('every message uses the same placeholders in English and Chinese', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of keys) expect(names(t('zh', key))).toEqual(names(t('en', key)));
  });

  test('leaves an unknown placeholder visible rather than inventing a value', () => {
    expect(t('en', 'required')).toBe('{field} is required.');
    expect(t('en', 'required', { constructor: 'x' })).toBe('{field} is required.');
  });
});

describe('roleList', () => {
  test('joins role names with the language’s own "or"', () => {
    expect(roleList('en', ['Admin'])).toBe('Admin');
    expect(roleList('en', ['Admin', 'Manager', 'Clerk'])).toBe('Admin, Manager or Clerk');
    expect(roleList('zh', ['Admin', 'Manager', 'Clerk'])).toBe('管理员、经理或文员');
  });
});

describe('langFromLocale', () => {
  test.each([
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh_CN', 'zh'],
    ['zh-TW', 'zh'],
    ['ZH-hans', 'zh'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['zhx', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%j → %s', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });
});
