// Record IDs: plain and Chinese yearly formats, parsing, the next serial and the prefix by customer type.

import fc from 'fast-check';
import { formatId, idFormatFor, nextSerial, parseId, parseSerial } from '../../../src/domain/ids';
import { customer, interaction, team } from '../../../src/schema';

describe('formatId', () => {
  test('plain: prefix, dash, six digits', () => {
    expect(formatId({ style: 'plain', prefix: 'C' }, 123, 2026)).toBe('C-000123');
    expect(formatId({ style: 'plain', prefix: 'C' }, 1234567, 2026)).toBe('C-1234567');
  });

  test('Chinese yearly: prefix, year, six digits', () => {
    expect(formatId({ style: 'yearly', prefix: 'QY' }, 123, 2026)).toBe('QY2026000123');
    expect(formatId({ style: 'yearly', prefix: 'GR' }, 1, 2025)).toBe('GR2025000001');
  });

  test('refuses serials and years that cannot be written', () => {
    expect(() => formatId({ style: 'plain', prefix: 'C' }, 0, 2026)).toThrow(RangeError);
    expect(() => formatId({ style: 'plain', prefix: 'C' }, 1.5, 2026)).toThrow(RangeError);
    expect(() => formatId({ style: 'yearly', prefix: 'C' }, 1, 26)).toThrow(RangeError);
  });

  test('parseSerial reads back what formatId wrote', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'plain' | 'yearly'>('plain', 'yearly'),
        fc.constantFrom('C', 'GR', 'QY', 'I', 'P'),
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.integer({ min: 2000, max: 2099 }),
        (style, prefix, serial, year) => {
          const id = formatId({ style, prefix }, serial, year);
          expect(parseSerial(id)).toBe(serial);
          expect(parseId(id)).toEqual({ prefix, serial, year: style === 'yearly' ? year : null });
        },
      ),
    );
  });
});

describe('parseSerial', () => {
  test.each([
    ['C-000123', 123],
    [' c-42 ', 42],
    ['QY2026000123', 123],
    ['hand typed', null],
    ['C-', null],
    ['QY2026', null],
  ])('%j → %j', (id, serial) => {
    expect(parseSerial(id)).toBe(serial);
  });
});

describe('idFormatFor', () => {
  test('yearly customer IDs take GR or QY from the customer type', () => {
    expect(idFormatFor(customer, 'yearly', { customerType: 'company' })).toEqual({
      style: 'yearly',
      prefix: 'QY',
    });
    expect(idFormatFor(customer, 'yearly', { customerType: 'individual' })).toEqual({
      style: 'yearly',
      prefix: 'GR',
    });
    expect(idFormatFor(customer, 'yearly', {})).toEqual({ style: 'yearly', prefix: 'C' });
    expect(idFormatFor(customer, 'plain', { customerType: 'company' })).toEqual({
      style: 'plain',
      prefix: 'C',
    });
    expect(idFormatFor(interaction, 'yearly')).toEqual({ style: 'yearly', prefix: 'I' });
    expect(idFormatFor(team, 'plain')).toBeNull();
  });
});

describe('nextSerial', () => {
  test('is one past the highest serial of the same prefix (and year), never reusing a gap', () => {
    const ids = ['C-000003', 'C-000010', 'X-000099', 'junk', 'QY2026000007', 'QY2025000050', 'GR2026000070'];
    expect(nextSerial(ids, { style: 'plain', prefix: 'C' }, 2026)).toBe(11);
    expect(nextSerial(ids, { style: 'yearly', prefix: 'QY' }, 2026)).toBe(8);
    expect(nextSerial(ids, { style: 'yearly', prefix: 'QY' }, 2027)).toBe(1);
    expect(nextSerial([], { style: 'plain', prefix: 'P' }, 2026)).toBe(1);
  });
});
