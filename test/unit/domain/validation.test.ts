// Validation derived from the schema: every rule, strictness, role refusals and messages in both languages.

import type { ValidationOptions } from '../../../src/domain/validation';
import { recordSchema, validateRecord } from '../../../src/domain/validation';
import type { ListRegistry } from '../../../src/schema';
import { customer, defaultLists, interaction, property, settingsValues, team } from '../../../src/schema';

const clerkCreate: ValidationOptions = { lang: 'en', role: 'Clerk', mode: 'create' };
const minimal = { customerType: 'individual', name: 'Li Lei', status: 'active' };

function errorsOf(result: ReturnType<typeof validateRecord>) {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

function acceptedValue(result: ReturnType<typeof validateRecord>) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('validateRecord', () => {
  test('accepts a minimal customer and normalizes it', () => {
    const value = acceptedValue(
      validateRecord(
        customer,
        {
          ...minimal,
          name: '  Li \u3000 Lei ',
          phone: '138 0013 8000',
          email: ' Li.Lei@Example.COM',
          tier: 'VIP',
          source: '转介绍',
          birthDate: '1990/5/1',
          postcode: '010010',
          consent: true,
          notes: '  first line\r\nsecond line ',
        },
        clerkCreate,
      ),
    );
    expect(value).toEqual({
      customerType: 'individual',
      name: 'Li Lei',
      status: 'active',
      phone: '+8613800138000',
      email: 'li.lei@example.com',
      tier: 'vip',
      source: 'referral',
      birthDate: '1990-05-01',
      postcode: '010010',
      consent: true,
      notes: 'first line\nsecond line',
    });
  });

  test('uses the phone region it is given', () => {
    const value = acceptedValue(
      validateRecord(customer, { ...minimal, phone: '020 7946 0958' }, { ...clerkCreate, phoneRegion: 'GB' }),
    );
    expect(value.phone).toBe('+442079460958');
  });

  test('create mode demands required fields; update mode does not', () => {
    const errors = errorsOf(validateRecord(customer, {}, clerkCreate));
    expect(errors.map((e) => e.field).sort()).toEqual(['customerType', 'name', 'status']);
    expect(errors.find((e) => e.field === 'name')?.message).toBe('Name is required.');
    expect(
      acceptedValue(validateRecord(customer, { email: 'a@b.co' }, { ...clerkCreate, mode: 'update' })),
    ).toEqual({
      email: 'a@b.co',
    });
  });

  test('a required field cannot be blanked in update mode; an optional one can', () => {
    const update: ValidationOptions = { ...clerkCreate, mode: 'update' };
    expect(errorsOf(validateRecord(customer, { name: '   ' }, update))[0].field).toBe('name');
    expect(acceptedValue(validateRecord(customer, { email: '' }, update))).toEqual({ email: null });
  });

  test.each([
    ['email', 'not-an-email', 'Email: "not-an-email" is not a valid email address.'],
    ['phone', '12345', 'Phone: "12345" is not a valid phone number.'],
    ['status', 'happy', 'Status: "happy" is not one of the choices in the Status list.'],
    [
      'birthDate',
      '1990-02-30',
      'Birth date: "1990-02-30" is not a day of the calendar (check the month and the day).',
    ],
    ['birthDate', 'yesterday', 'Birth date: "yesterday" is not a date (yyyy-mm-dd).'],
    ['consent', 'maybe', 'Consent must be ticked or unticked.'],
    ['name', 'x'.repeat(201), 'Name is too long: at most 200 characters.'],
    ['notes', 'x'.repeat(5001), 'Notes is too long: at most 5000 characters.'],
    ['company', 'a\u0000b', 'Company contains control characters.'],
    ['name', { first: 'Li' }, 'Name must be text.'],
  ])('%s = %j is refused', (field, value, message) => {
    const errors = errorsOf(validateRecord(customer, { ...minimal, [field]: value }, clerkCreate));
    expect(errors).toEqual([
      { field, fieldLabel: customer.fields.find((f) => f.key === field)?.labels.en, message },
    ]);
  });

  test('numbers: integer, min and max', () => {
    const base = { customerId: 'C-000001', item: 'Laptop', receivedDate: '2026-05-01', state: 'received' };
    expect(acceptedValue(validateRecord(property, { ...base, quantity: '3' }, clerkCreate)).quantity).toBe(3);
    expect(errorsOf(validateRecord(property, { ...base, quantity: 1.5 }, clerkCreate))[0].message).toBe(
      'Quantity: "1.5" is not a whole number.',
    );
    expect(errorsOf(validateRecord(property, { ...base, quantity: 0 }, clerkCreate))[0].message).toBe(
      'Quantity must be at least 1.',
    );
    expect(errorsOf(validateRecord(property, { ...base, quantity: 'ten' }, clerkCreate))[0].message).toBe(
      'Quantity: "ten" is not a number.',
    );
  });

  test('ids are upper-cased and checked', () => {
    const base = { date: '2026-05-01', kind: 'complaint', summary: 'Late delivery' };
    expect(
      acceptedValue(validateRecord(interaction, { ...base, customerId: 'c-000123' }, clerkCreate)).customerId,
    ).toBe('C-000123');
    expect(
      errorsOf(validateRecord(interaction, { ...base, customerId: 'C 1; DROP' }, clerkCreate))[0].field,
    ).toBe('customerId');
  });

  test('list values: key, English label or Chinese label, normalized to the key', () => {
    for (const typed of ['followUpVisit', 'Follow-up visit', ' follow-up  VISIT ', '回访']) {
      const value = acceptedValue(
        validateRecord(
          interaction,
          { date: '2026-05-01', customerId: 'C-1', kind: typed, summary: 's' },
          clerkCreate,
        ),
      );
      expect(value.kind).toBe('followUpVisit');
    }
  });

  test('list values come from the lists in force, not only the defaults', () => {
    const lists: ListRegistry = {
      ...defaultLists,
      customerSource: {
        ...defaultLists.customerSource,
        items: [{ key: 'tradeFair', labels: { en: 'Trade fair', zh: '展会' } }],
      },
    };
    const options = { ...clerkCreate, lists };
    expect(acceptedValue(validateRecord(customer, { ...minimal, source: '展会' }, options)).source).toBe(
      'tradeFair',
    );
    expect(errorsOf(validateRecord(customer, { ...minimal, source: 'referral' }, options))[0].field).toBe(
      'source',
    );
  });

  test('unknown keys are refused, naming them', () => {
    const errors = errorsOf(validateRecord(customer, { ...minimal, favouriteColour: 'red' }, clerkCreate));
    expect(errors).toEqual([
      {
        field: 'favouriteColour',
        fieldLabel: 'favouriteColour',
        message: '"favouriteColour" is not a field of Customers.',
      },
    ]);
  });

  test('__proto__ is refused and nothing is polluted', () => {
    const input = JSON.parse(
      '{"customerType":"company","name":"X","status":"active","__proto__":{"polluted":true}}',
    );
    const errors = errorsOf(validateRecord(customer, input, clerkCreate));
    expect(errors.map((e) => e.field)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each([null, 'text', 42, [minimal]])('a non-object %j is refused', (input) => {
    const errors = errorsOf(validateRecord(customer, input, clerkCreate));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('The Customers data sent is not a record.');
  });

  test('a 100,000-character string is refused in every text field', () => {
    const huge = '好'.repeat(100_000);
    for (const field of customer.fields.filter((f) => ['text', 'longText'].includes(f.type) && !f.system)) {
      const errors = errorsOf(validateRecord(customer, { ...minimal, [field.key]: huge }, clerkCreate));
      expect(errors.map((e) => e.field)).toEqual([field.key]);
      expect(errors[0].message).toMatch(/too long/);
    }
    expect(
      errorsOf(
        validateRecord(customer, { ...minimal, email: `${'a'.repeat(100_000)}@x.com` }, clerkCreate),
      )[0].field,
    ).toBe('email');
    expect(
      errorsOf(validateRecord(customer, { ...minimal, phone: '1'.repeat(100_000) }, clerkCreate))[0].field,
    ).toBe('phone');
  });

  test('a clerk may not set manager fields; the refusal names the roles needed', () => {
    const errors = errorsOf(validateRecord(customer, { ...minimal, creditRating: 'A' }, clerkCreate));
    expect(errors).toEqual([
      {
        field: 'creditRating',
        fieldLabel: 'Credit rating',
        message: 'Credit rating: only Admin or Manager may change this field.',
      },
    ]);
    expect(
      acceptedValue(
        validateRecord(
          customer,
          { ...minimal, creditRating: 'A', overdue: true },
          { ...clerkCreate, role: 'Manager' },
        ),
      ),
    ).toMatchObject({ creditRating: 'a', overdue: true });
  });

  test('a viewer may change nothing', () => {
    const errors = errorsOf(
      validateRecord(customer, { name: 'X' }, { lang: 'en', role: 'Viewer', mode: 'update' }),
    );
    expect(errors[0].message).toBe('Name: only Admin, Manager or Clerk may change this field.');
  });

  test('system fields are refused from anyone, unless the add-on itself writes them', () => {
    const input = { ...minimal, id: 'C-000001', recordState: 'approved', enteredAt: '2026-05-01 09:30' };
    const errors = errorsOf(validateRecord(customer, input, { ...clerkCreate, role: 'Admin' }));
    expect(errors.map((e) => e.field).sort()).toEqual(['enteredAt', 'id', 'recordState']);
    expect(errors.find((e) => e.field === 'id')?.message).toBe(
      'ID is filled in by the add-on and cannot be edited.',
    );
    expect(
      acceptedValue(validateRecord(customer, input, { ...clerkCreate, allowSystem: true })),
    ).toMatchObject({
      id: 'C-000001',
      recordState: 'approved',
      enteredAt: '2026-05-01T09:30',
    });
  });

  test('team and settings are for admins only', () => {
    const row = { email: 'Boss@Example.com', role: '经理', active: true };
    expect(errorsOf(validateRecord(team, row, { ...clerkCreate, role: 'Manager' }))[0].field).toBe('email');
    expect(acceptedValue(validateRecord(team, row, { ...clerkCreate, role: 'Admin' }))).toEqual({
      email: 'boss@example.com',
      role: 'Manager',
      active: true,
    });
    const settingsUpdate = { lang: 'en', role: 'Admin', mode: 'update' } as const;
    expect(
      acceptedValue(validateRecord(settingsValues, { reminderHour: '8', language: '中文' }, settingsUpdate)),
    ).toEqual({
      reminderHour: 8,
      language: 'zh',
    });
    expect(errorsOf(validateRecord(settingsValues, { reminderHour: 24 }, settingsUpdate))[0].message).toBe(
      'Reminder hour must be at most 23.',
    );
  });

  test('messages in Chinese name the Chinese label', () => {
    const zh: ValidationOptions = { lang: 'zh', role: 'Clerk', mode: 'create' };
    const errors = errorsOf(validateRecord(customer, { name: '张三', email: 'bad', creditRating: 'A' }, zh));
    const byField = Object.fromEntries(errors.map((e) => [e.field, e]));
    expect(byField.email).toEqual({
      field: 'email',
      fieldLabel: '电子邮件',
      message: '“电子邮件”：“bad”不是有效的电子邮件地址。',
    });
    expect(byField.customerType.message).toBe('“客户类型”为必填项。');
    expect(byField.creditRating.message).toBe('“信用等级”：只有管理员或经理可以修改此字段。');
    expect(errorsOf(validateRecord(customer, { ...minimal, status: 'happy' }, zh))[0].message).toBe(
      '“状态”：“happy”不在“状态”列表的选项中。',
    );
    expect(errorsOf(validateRecord(customer, { ...minimal, x: 1 }, zh))[0].message).toBe(
      '“x”不是“客户”的字段。',
    );
  });

  test('dates accept common spellings and reject impossible days', () => {
    const update: ValidationOptions = { ...clerkCreate, mode: 'update' };
    for (const [typed, stored] of [
      ['2024-02-29', '2024-02-29'],
      ['2026/5/1', '2026-05-01'],
      ['2026.05.01', '2026-05-01'],
      ['2026年5月1日', '2026-05-01'],
    ]) {
      expect(acceptedValue(validateRecord(customer, { birthDate: typed }, update)).birthDate).toBe(stored);
    }
    for (const bad of ['2023-02-29', '2026-13-01', '13/13/2026', '2026-05-01T00:00:00Z', 20260501]) {
      expect(errorsOf(validateRecord(customer, { birthDate: bad }, update))[0].field).toBe('birthDate');
    }
  });
});

describe('recordSchema', () => {
  test('is a strict zod object whose keys are the declared fields', () => {
    const schema = recordSchema(customer, clerkCreate);
    expect(Object.keys(schema.shape)).toEqual(customer.fields.map((f) => f.key));
    expect(schema.safeParse({ ...minimal, extra: 1 }).success).toBe(false);
    expect(schema.parse(minimal)).toMatchObject(minimal);
  });
});
