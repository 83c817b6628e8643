// The sidebar form description: inputs by type, options by list, and what each role may touch.

import { formConfig } from '../../../src/domain/form';
import { customer, settingsValues } from '../../../src/schema';

describe('formConfig', () => {
  test('a clerk edits customer fields but sees credit fields read-only and system fields hidden', () => {
    const form = formConfig(customer, 'Clerk', 'en');
    const byKey = Object.fromEntries(form.fields.map((f) => [f.key, f]));
    expect(form.canSubmit).toBe(true);
    expect(form.title).toBe('Customers');
    expect(byKey.name).toMatchObject({
      label: 'Name',
      input: 'text',
      required: true,
      readOnly: false,
      hidden: false,
    });
    expect(byKey.creditRating).toMatchObject({ readOnly: true, hidden: false });
    expect(byKey.overdue).toMatchObject({ input: 'checkbox', readOnly: true });
    expect(byKey.id).toMatchObject({ hidden: true, readOnly: true });
    expect(byKey.enteredBy.hidden).toBe(true);
    expect(byKey.phone.input).toBe('tel');
    expect(byKey.notes.input).toBe('textarea');
    expect(byKey.birthDate.input).toBe('date');
  });

  test('a manager may edit credit fields', () => {
    const form = formConfig(customer, 'Manager', 'en');
    expect(form.fields.find((f) => f.key === 'creditRating')?.readOnly).toBe(false);
  });

  test('a viewer edits nothing and cannot submit', () => {
    const form = formConfig(customer, 'Viewer', 'zh');
    expect(form.canSubmit).toBe(false);
    expect(form.fields.every((f) => f.readOnly)).toBe(true);
  });

  test('lists become options with keys and labels in the chosen language', () => {
    const status = formConfig(customer, 'Clerk', 'zh').fields.find((f) => f.key === 'status');
    expect(status?.input).toBe('select');
    expect(status?.label).toBe('状态');
    expect(status?.options?.[0]).toEqual({ key: 'prospect', label: '潜在客户' });
    expect(status?.help).toBe('客户关系所处阶段，决定复核周期。');
  });

  test('is JSON-safe', () => {
    const form = formConfig(customer, 'Admin', 'en');
    expect(JSON.parse(JSON.stringify(form))).toEqual(form);
  });

  test('settings form carries limits', () => {
    const hour = formConfig(settingsValues, 'Admin', 'en').fields.find((f) => f.key === 'reminderHour');
    expect(hour).toMatchObject({ input: 'number', min: 0, max: 23, step: 1 });
    expect(formConfig(settingsValues, 'Manager', 'en').canSubmit).toBe(false);
  });
});
