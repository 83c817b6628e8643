// The sidebar's pure logic in Node: field normalization, change detection, the typed RPC client, the string catalogue.

import { changedValues, checkField, phoneRegion, toInput } from '../../sidebar/field-logic';
import { makeCall, type ScriptRunner } from '../../sidebar/rpc-client';
import { translator } from '../../sidebar/strings';
import type { FormField } from '../../src/domain/form';

const field = (input: FormField['input'], extra: Partial<FormField> = {}): FormField => ({
  key: 'f',
  label: 'Field',
  input,
  required: false,
  readOnly: false,
  hidden: false,
  help: '',
  ...extra,
});

describe('checkField', () => {
  test('phone numbers become E.164 with the region given', () => {
    expect(checkField(field('tel'), '138 0013 8000', 'CN').value).toBe('+8613800138000');
    expect(checkField(field('tel'), '+44 (0)20 7946 0958', 'CN').value).toBe('+442079460958');
    expect(checkField(field('tel'), '020 7946 0958', 'GB').value).toBe('+442079460958');
    expect(checkField(field('tel'), '+39 06 6982 1234', 'CN').value).toBe('+390669821234');
    expect(checkField(field('tel'), '１３８００１３８０００', 'CN').value).toBe('+8613800138000');
  });

  test('a bad phone number keeps what was typed and names the field', () => {
    const r = checkField(field('tel', { label: 'Phone' }), '12ab', 'CN');
    expect(r.display).toBe('12ab');
    expect(r.error).toEqual({ key: 'errPhone', params: { field: 'Phone', value: '12ab' } });
  });

  test('emails are trimmed and lower-cased; names trimmed and collapsed, CJK untouched', () => {
    expect(checkField(field('email'), '  Li.Lei@Example.COM ', 'CN').value).toBe('li.lei@example.com');
    expect(checkField(field('email'), 'li@', 'CN').error?.key).toBe('errEmail');
    expect(checkField(field('text'), '  王\u3000 小明  ', 'CN').value).toBe('王 小明');
    expect(checkField(field('text'), ' Ada   Lovelace ', 'CN').value).toBe('Ada Lovelace');
  });

  test('required, too long, numbers', () => {
    expect(checkField(field('text', { required: true }), '  ', 'CN').error?.key).toBe('errRequired');
    expect(checkField(field('text'), '', 'CN')).toEqual({ value: null, display: '' });
    expect(checkField(field('text', { maxLength: 3 }), 'abcd', 'CN').error).toEqual({
      key: 'errTooLong',
      params: { field: 'Field', max: 3 },
    });
    expect(checkField(field('number', { min: 1 }), '1,200', 'CN').value).toBe(1200);
    expect(checkField(field('number', { min: 1 }), '0', 'CN').error?.key).toBe('errRange');
    expect(checkField(field('number'), '12a', 'CN').error?.key).toBe('errNumber');
    expect(checkField(field('checkbox'), false, 'CN').value).toBe(false);
  });

  test('text that looks like a formula or a number stays text', () => {
    for (const s of ['=HYPERLINK("x")', '+1 555 0100', '0755 1234 5678', '@mention', '-5'])
      expect(checkField(field('text'), s, 'CN').value).toBe(s);
  });
});

test('phoneRegion takes the country when it is an ISO code', () => {
  expect(phoneRegion({ country: 'GB' }, 'CN')).toBe('GB');
  expect(phoneRegion({ country: '' }, 'CN')).toBe('CN');
  expect(phoneRegion({}, 'SG')).toBe('SG');
});

test('changedValues keeps only what changed; empty and null are the same', () => {
  expect(
    changedValues(
      { name: 'A', phone: '+8613800138000', notes: null, consent: false },
      { name: 'B', phone: '+8613800138000', notes: '', consent: true },
    ),
  ).toEqual({ name: 'B', consent: true });
  expect(changedValues({ notes: 'x' }, { notes: null })).toEqual({ notes: null });
  expect(changedValues({ consent: true }, { consent: false })).toEqual({ consent: false });
  expect(changedValues({}, { consent: false, notes: null })).toEqual({});
});

test('toInput shapes loaded values for inputs', () => {
  expect(toInput(field('datetime'), '2026-11-23 09:30')).toBe('2026-11-23T09:30');
  expect(toInput(field('checkbox'), true)).toBe(true);
  expect(toInput(field('text'), null)).toBe('');
});

describe('makeCall', () => {
  /** A fake google.script.run that records each runner's handlers, as the real one keeps them per runner. */
  function fakeRun() {
    const pending: { name: string; arg: unknown; ok?: (v: unknown) => void; fail?: (e: unknown) => void }[] =
      [];
    const runner = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): ScriptRunner =>
      new Proxy({} as ScriptRunner, {
        get: (_t, prop: string) => {
          if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, fail);
          if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => runner(ok, f);
          return (arg: unknown) => pending.push({ name: prop, arg, ok, fail });
        },
      });
    return { root: runner(), pending };
  }

  test('concurrent calls each get their own handlers', async () => {
    const { root, pending } = fakeRun();
    const call = makeCall(() => root);
    const a = call('findCustomers', { query: 'a' });
    const b = call('getCustomer', { id: 'C-000001' });
    expect(pending.map((p) => p.name)).toEqual(['findCustomers', 'getCustomer']);
    // Answer in reverse order: each promise still gets its own answer.
    pending[1].ok?.({ id: 'C-000001', values: {}, version: 'v1' });
    pending[0].fail?.(new Error('refused: a'));
    await expect(b).resolves.toEqual({ id: 'C-000001', values: {}, version: 'v1' });
    await expect(a).rejects.toThrow('refused: a');
  });

  test('no google.script.run: the call fails instead of hanging', async () => {
    await expect(makeCall(() => undefined)('listPendingReview', {})).rejects.toThrow(/not available/);
  });

  test('a misspelt function name does not compile', () => {
    const { root } = fakeRun();
    const call = makeCall(() => root);
    // @ts-expect-error 'findCustomer' is not in the Api contract.
    void call('findCustomer', { query: 'x' }).catch(() => {});
    expect(true).toBe(true);
  });
});

test('every string exists in both languages, with the same placeholders', () => {
  const en = translator('en');
  const zh = translator('zh');
  const keys = ['errPhone', 'savedNew', 'noResults', 'matchedOn', 'enteredBy'] as const;
  for (const k of keys) {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    expect(holes(zh(k))).toEqual(holes(en(k)));
  }
  expect(zh('save')).toBe('保存');
  expect(en('savedNew', { id: 'C-1' })).toBe('Customer C-1 saved.');
});
