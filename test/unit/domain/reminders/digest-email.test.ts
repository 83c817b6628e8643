// The staff digest email: sections per kind of item, reasons in words, the register's language, escaped HTML.
import { renderDigestEmail } from '../../../../src/domain/reminders/digest-email';
import type { PlannedDigest } from '../../../../src/domain/reminders/plan';
import { planReminders } from '../../../../src/domain/reminders/plan';
import { customer, settings, TODAY } from './fixtures';

function digestFor(lang: 'en' | 'zh', extra: Partial<PlannedDigest> = {}): PlannedDigest {
  const plan = planReminders({
    today: TODAY,
    settings: settings({ language: lang }),
    customers: [
      customer({ id: 'C-000001', name: '张三 <b>', consent: false, nextReviewDue: '2026-05-14' }),
      customer({ id: 'C-000002', name: 'Li Si', preferredChannel: 'wechat', nextReviewDue: TODAY }),
      customer({ id: 'C-000003', name: 'Wang', email: 'wang@example.com' }),
    ],
    property: [
      {
        id: 'P-000001',
        customerId: 'C-000001',
        item: 'Laptop',
        state: 'received',
        expectedReturn: '2026-05-10',
      },
      {
        id: 'P-000002',
        customerId: 'C-000002',
        item: 'Passport',
        state: 'inUse',
        expectedReturn: '2026-05-18',
      },
    ],
    interactions: [
      {
        id: 'I-000001',
        customerId: 'C-000003',
        date: '2026-05-01',
        nextFollowUp: '2026-05-12',
        kind: 'complaint',
        summary: 'Late\ndelivery',
      },
    ],
    remainingQuota: 100,
    fallbackRecipient: 'admin@firm.example',
  });
  expect(plan.digests).toHaveLength(1);
  return { ...plan.digests[0], ...extra };
}

describe('renderDigestEmail', () => {
  test('English: counts in the subject, a section for each kind, a reason for each customer', () => {
    const email = renderDigestEmail(digestFor('en'), settings());
    expect(email.to).toBe('owner@firm.example');
    expect(email.replyTo).toBeNull();
    expect(email.subject).toBe(
      'Customer register, 2026-05-15: 3 reviews due, 2 property returns, 1 follow-ups',
    );
    expect(email.body).toContain('Customers due or overdue for review (3)');
    expect(email.body).toContain(
      '- C-000003 Wang: review due 2026-05-01, 14 days overdue; the review email goes out today',
    );
    expect(email.body).toContain(
      '- C-000001 张三 <b>: review due 2026-05-14, 1 day overdue; no consent to email',
    );
    expect(email.body).toContain(
      '- C-000002 Li Si: review due today; prefers WeChat: please review that way',
    );
    expect(email.body).toContain('Customer property late or due back within 7 days (2)');
    expect(email.body).toContain(
      '- P-000001 Laptop: for C-000001 张三 <b>; expected back 2026-05-10, 5 days late',
    );
    expect(email.body).toContain(
      '- P-000002 Passport: for C-000002 Li Si; expected back 2026-05-18, in 3 days',
    );
    expect(email.body).toContain('- C-000003 Wang: follow-up due 2026-05-12; Complaint; Late delivery');
    expect(email.htmlBody).toContain('张三 &lt;b&gt;');
    expect(email.htmlBody).not.toContain('<b>');
  });

  test('Chinese: labels, reasons and names in Chinese', () => {
    const email = renderDigestEmail(digestFor('zh'), settings({ language: 'zh' }));
    expect(email.subject).toBe('客户登记簿 2026-05-15：3 位客户待核对，2 件财产待归还，1 条待跟进');
    expect(email.body).toContain(
      '- C-000001 张三 <b>：应于 2026-05-14 核对，已逾期 1 天；客户未同意接收邮件',
    );
    expect(email.body).toContain('客户偏好微信');
    expect(email.body).toContain('投诉');
    expect(email.htmlBody).toContain('<html lang="zh-CN">');
  });

  test('a care job the daily run stopped starting is news for admins, first, in the register’s language', () => {
    const digest = { ...digestFor('zh'), careStalled: [{ job: 'backup' as const, tookMs: 320000 }] };
    const email = renderDigestEmail(digest, settings({ language: 'zh' }));
    expect(email.body.split('\n')[0]).toBe(
      '管理员请注意：每日任务已不再启动定时备份：它约需 5.3 分钟，超过每日任务一次执行所能给出的时间。请在附加组件菜单中选择“立即备份”运行，它会独占一次完整的执行。',
    );
    expect(email.htmlBody).toContain('<p><strong>管理员请注意：每日任务已不再启动定时备份');
  });

  test('empty sections are left out and long ones point to the register', () => {
    const base = digestFor('en');
    const many = Array.from({ length: 250 }, (_, i) => ({ ...base.customers[0], id: `C-${i}` }));
    const email = renderDigestEmail({ ...base, customers: many, property: [], followUps: [] }, settings());
    expect(email.body).not.toContain('Customer property');
    expect(email.body).toContain('…and 50 more: see the register.');
    expect(email.body.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(200);
  });
});
