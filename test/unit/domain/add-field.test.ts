// Proof that adding a field is one edit: one declaration shows up in columns, validation and the form.

import { columnSpecs } from '../../../src/domain/columns';
import { formConfig } from '../../../src/domain/form';
import { validateRecord } from '../../../src/domain/validation';
import { customer } from '../../../src/schema';
import { customerWithWechat } from '../../fixtures/schema/customer-wechat';

const minimal = { customerType: 'individual', name: 'Li Lei', status: 'active' };

describe('adding a field is one edit', () => {
  test('the field gets a column with header, format and width', () => {
    const column = columnSpecs(customerWithWechat, 'zh').find((c) => c.key === 'wechatId');
    expect(column).toMatchObject({ header: '微信号', numberFormat: '@', width: 160, validation: null });
    expect(columnSpecs(customer, 'zh').find((c) => c.key === 'wechatId')).toBeUndefined();
  });

  test('validation accepts it, normalizes it and applies its limits', () => {
    const options = { lang: 'en', role: 'Clerk', mode: 'create' } as const;
    expect(validateRecord(customer, { ...minimal, wechatId: 'lilei' }, options).ok).toBe(false);
    expect(validateRecord(customerWithWechat, { ...minimal, wechatId: '  lilei  ' }, options)).toEqual({
      ok: true,
      value: { ...minimal, wechatId: 'lilei' },
      notices: [],
    });
    const tooLong = validateRecord(customerWithWechat, { ...minimal, wechatId: 'x'.repeat(21) }, options);
    expect(tooLong.ok ? [] : tooLong.errors.map((e) => e.message)).toEqual([
      'WeChat ID is too long: at most 20 characters.',
    ]);
  });

  test('the form shows it, labelled in the user’s language and editable by clerks', () => {
    const field = formConfig(customerWithWechat, 'Clerk', 'zh').fields.find((f) => f.key === 'wechatId');
    expect(field).toMatchObject({
      label: '微信号',
      input: 'text',
      readOnly: false,
      hidden: false,
      maxLength: 20,
    });
    expect(
      formConfig(customerWithWechat, 'Viewer', 'en').fields.find((f) => f.key === 'wechatId')?.readOnly,
    ).toBe(true);
  });
});
