// The review link's rules without Apps Script: what a link names, what a visit is checked for, and the email carrying the links.
import { createHmac } from 'node:crypto';
import { renderCustomerEmail } from '../../../src/domain/reminders';
import { reviewLinks } from '../../../src/domain/review-link/links';
import { checkLink, linkParams, type Signer } from '../../../src/domain/review-link/token';
import { defaultSettings } from '../../../src/schema';

const sign: Signer = (m) => createHmac('sha256', 'secret').update(m, 'utf8').digest('base64url');
const other: Signer = (m) => createHmac('sha256', 'rotated').update(m, 'utf8').digest('base64url');
const claim = { customerId: 'C-000001', cycle: '2026-11-20', expires: '2026-12-20' };

describe('checkLink', () => {
  const params = { ...linkParams(claim, 'confirm', sign) };

  test('a genuine link names its customer, cycle and action', () => {
    expect(checkLink(params, '2026-11-23', sign)).toEqual({ ok: true, claim, action: 'confirm' });
    expect(checkLink({ ...params, a: 'stop' }, '2026-11-23', sign)).toMatchObject({
      ok: true,
      action: 'stop',
    });
  });

  test.each([
    ['another customer', { c: 'C-000002' }],
    ['another cycle', { r: '2026-11-21' }],
    ['a later expiry', { x: '2027-12-20' }],
    ['a changed signature', { s: `${params.s.slice(0, -1)}${params.s.endsWith('A') ? 'B' : 'A'}` }],
    ['an unknown action', { a: 'delete' }],
    ['a missing signature', { s: '' }],
  ])('%s is not valid', (_name, change) => {
    expect(checkLink({ ...params, ...change }, '2026-11-23', sign)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('no secret, or a rotated one, makes every link invalid', () => {
    expect(checkLink(params, '2026-11-23', null)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkLink(params, '2026-11-23', other)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('works through its last day, expired the day after', () => {
    expect(checkLink(params, '2026-12-20', sign).ok).toBe(true);
    expect(checkLink(params, '2026-12-21', sign)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('the review email with links', () => {
  const links = reviewLinks('https://script.google.com/macros/s/X/exec', claim, sign);
  const customer = { id: 'C-000001', name: '王芳', email: 'wang@example.com', language: 'zh' };

  test('speaks the customer’s language, signs with the Chinese sender name, and carries the three links', () => {
    const settings = { ...defaultSettings(), language: 'en', senderName: 'The Shop', senderNameZh: '小店' };
    const mail = renderCustomerEmail(customer, settings, { links });
    expect(mail.name).toBe('小店');
    expect(mail.subject).toBe('请核对我们保存的您的信息');
    expect(mail.body).toContain(`信息无误: ${links.confirm}`);
    expect(mail.body).toContain(`不再接收此类邮件: ${links.stop}`);
    expect(mail.htmlBody).toContain(`href="${links.correct.replace(/&/g, '&amp;')}"`);
  });

  test('without links (no web app address) the email is as before', () => {
    const mail = renderCustomerEmail({ ...customer, language: '' }, defaultSettings());
    expect(mail.body).not.toContain('https://');
    expect(mail.name).toBe('Customer Register');
  });
});
