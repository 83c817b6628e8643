// Column specs for the sheet: headers, formats, widths and validation descriptors derived from fields.

import { columnSpecs, fieldKeyForHeader } from '../../../src/domain/columns';
import { customer, property, recordTypes } from '../../../src/schema';

describe('columnSpecs', () => {
  const byKey = Object.fromEntries(columnSpecs(customer, 'en').map((c) => [c.key, c]));

  test('text-like columns keep what was typed', () => {
    for (const key of ['phone', 'postcode', 'id', 'email']) expect(byKey[key].numberFormat).toBe('@');
    expect(byKey.birthDate.numberFormat).toBe('yyyy-mm-dd');
    expect(byKey.enteredAt.numberFormat).toBe('yyyy-mm-dd hh:mm');
  });

  test('validation descriptors by type', () => {
    expect(byKey.status.validation).toEqual({ kind: 'list', list: 'customerStatus', allowInvalid: false });
    expect(byKey.consent.validation).toEqual({ kind: 'checkbox' });
    expect(byKey.birthDate.validation).toEqual({ kind: 'date', allowInvalid: false });
    expect(byKey.email.validation).toEqual({ kind: 'email' });
    expect(byKey.name.validation).toBeNull();
    const qty = columnSpecs(property, 'en').find((c) => c.key === 'quantity');
    expect(qty?.validation).toEqual({ kind: 'number', integer: true, min: 1, max: 1000000 });
  });

  test('headers and help follow the language; protections carry the editing roles', () => {
    const zh = Object.fromEntries(columnSpecs(customer, 'zh').map((c) => [c.key, c]));
    expect(zh.creditRating.header).toBe('信用等级');
    expect(zh.creditRating.editableBy).toEqual(['Admin', 'Manager']);
    expect(zh.id.system).toBe(true);
    expect(zh.id.editableBy).toEqual([]);
  });

  test('every record type yields plain JSON', () => {
    for (const rt of Object.values(recordTypes)) {
      const specs = columnSpecs(rt, 'en');
      expect(JSON.parse(JSON.stringify(specs))).toEqual(specs);
    }
  });
});

describe('fieldKeyForHeader', () => {
  test('matches key or either label, ignoring case and spacing', () => {
    expect(fieldKeyForHeader(customer, ' credit  RATING ')).toBe('creditRating');
    expect(fieldKeyForHeader(customer, '信用等级')).toBe('creditRating');
    expect(fieldKeyForHeader(customer, 'postcode')).toBe('postcode');
    expect(fieldKeyForHeader(customer, 'Shoe size')).toBeUndefined();
  });
});
