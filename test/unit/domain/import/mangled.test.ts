// Values a spreadsheet program mangled are flagged, not repaired: scientific phones, lost leading zeros, day/month order.
import { dateOrderOf, findMangled, withDateOrder } from '../../../../src/domain/import/mangled';

test('a phone saved in scientific notation is flagged', () => {
  expect(findMangled([{ phone: '8.61380E+12' }, { phone: '+8613800138000' }])).toEqual([
    { row: 0, field: 'phone', value: '8.61380E+12', kind: 'scientific' },
  ]);
});

test('a postcode shorter than the zero-led ones of its column lost its zeros', () => {
  const rows = [{ postcode: '01234' }, { postcode: '02134' }, { postcode: '1234' }, { postcode: '90210' }];
  expect(findMangled(rows)).toEqual([{ row: 2, field: 'postcode', value: '1234', kind: 'leadingZero' }]);
  expect(findMangled([{ postcode: '1234' }, { postcode: '90210' }])).toEqual([]);
});

test('the day/month order of a date column: decided by a part above 12, else the user chooses', () => {
  expect(dateOrderOf(['03/04/1990', '25/12/1980'])).toBe('dmy');
  expect(dateOrderOf(['03/04/1990', '12/25/1980'])).toBe('mdy');
  expect(dateOrderOf(['03/04/1990', '05/06/1980'])).toBe('ambiguous');
  expect(dateOrderOf(['13/04/1990', '12/25/1980'])).toBe('mixed');
  expect(dateOrderOf(['1990-04-03'])).toBeNull();
  const rows = [{ birthDate: '03/04/1990' }, { birthDate: '1980-01-02' }];
  expect(findMangled(rows)).toEqual([
    { row: 0, field: 'birthDate', value: '03/04/1990', kind: 'ambiguousDate' },
  ]);
  expect(withDateOrder('03/04/1990', 'mdy')).toBe('1990-03-04');
  expect(withDateOrder('03/04/1990', 'dmy')).toBe('1990-04-03');
  expect(withDateOrder('31/02/1990', 'dmy')).toBe('31/02/1990');
});
