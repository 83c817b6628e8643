// The customer card and its printouts through dist/Code.js: everything about one customer in one call, credit by role, HTML and PDF.
/// <reference types="google-apps-script" />

import { stateOf, teamRegister } from '../helpers/register';
import { fireDaily } from '../helpers/reminders';
import { CLERK, MANAGER, STRANGER, VIEWER } from '../helpers/users';

type Save = { ok: boolean; id: string; version: string };
type Card = {
  customer: { id: string; values: Record<string, unknown> };
  interactions: { total: number; records: { id: string; values: Record<string, unknown> }[] };
  property: { total: number; records: { id: string }[] };
  purchases: { total: number; records: { id: string; values: Record<string, unknown> }[] };
  credit: Record<string, unknown> | null;
  changes: { action: string; field: string; newValue: string; source: string; user: string }[];
};
type Printout = { filename: string; html: string; pdf: string };

const DAY = '2026-11-20';

function register() {
  const emu = teamRegister({ now: '2026-11-23T02:00:00Z', locales: { [VIEWER]: 'zh-CN' } });
  const zhang = emu.scriptRun(MANAGER, 'createCustomer', {
    values: { customerType: 'individual', name: '张伟', status: 'active', phone: '13800138000' },
  }) as Save;
  const other = emu.scriptRun(MANAGER, 'createCustomer', {
    values: { customerType: 'individual', name: 'Other Person', status: 'active' },
  }) as Save;
  emu.scriptRun(CLERK, 'logInteraction', {
    values: { date: DAY, customerId: zhang.id, kind: 'complaint', summary: 'Late delivery' },
  });
  emu.scriptRun(CLERK, 'logInteraction', {
    values: { date: DAY, customerId: other.id, kind: 'consultation', summary: 'Not Zhang' },
  });
  const watch = emu.scriptRun(CLERK, 'receiveProperty', {
    values: {
      customerId: zhang.id,
      item: 'Watch <b>gold</b>',
      serial: '00042',
      condition: 'good',
      receivedDate: DAY,
      receivedBy: CLERK,
      state: 'received',
      expectedReturn: '2026-12-01',
    },
  }) as Save;
  emu.scriptRun(CLERK, 'recordPurchase', {
    values: { date: '2026-10-01', customerId: zhang.id, amount: 500, dueDate: '2026-10-15' },
  });
  fireDaily(emu);
  const v = emu.scriptRun(MANAGER, 'getCustomer', { id: zhang.id }) as Save;
  emu.scriptRun(MANAGER, 'updateCustomer', {
    id: zhang.id,
    version: v.version,
    changes: { creditRating: 'c' },
  });
  return { emu, zhang: zhang.id, watch: watch.id };
}

describe('the customer card', () => {
  test('a manager sees details, interactions, property, purchases, credit figures and the latest changes', () => {
    const { emu, zhang } = register();
    const card = emu.scriptRun(MANAGER, 'customerCard', { id: zhang }) as Card;
    expect(card.customer.values).toMatchObject({ name: '张伟', recordState: 'approved', creditRating: 'c' });
    expect(card.interactions).toMatchObject({
      total: 1,
      records: [{ values: { summary: 'Late delivery' } }],
    });
    expect(card.property.total).toBe(1);
    expect(card.purchases).toMatchObject({ total: 1, records: [{ values: { paymentState: 'overdue' } }] });
    expect(card.credit).toMatchObject({
      creditRating: 'c',
      overdue: true,
      overdueAmount: 500,
      daysPastDue: 39,
    });
    expect(card.changes[0]).toMatchObject({
      action: 'Update',
      field: 'Credit rating',
      newValue: 'C',
      user: MANAGER,
    });
    expect(card.changes.map((c) => c.source)).toContain('Credit figures from purchases');
  });

  test('a clerk and a viewer see no credit: not on the card, not in its history', () => {
    const { emu, zhang } = register();
    for (const who of [CLERK, VIEWER]) {
      const card = emu.scriptRun(who, 'customerCard', { id: zhang }) as Card;
      expect(card.credit).toBeNull();
      expect(Object.keys(card.customer.values)).not.toEqual(expect.arrayContaining(['creditRating']));
      for (const k of ['overdue', 'overdueAmount', 'onTimeRate'])
        expect(card.customer.values).not.toHaveProperty(k);
      const credit = card.changes.filter((c) => /Credit rating|信用等级|Overdue|逾期/.test(c.field));
      expect(credit.length).toBeGreaterThan(0);
      for (const c of credit) expect(c.newValue).toBe('…');
    }
    // The viewer's own language.
    const zh = emu.scriptRun(VIEWER, 'customerCard', { id: zhang }) as Card;
    expect(zh.changes[0].action).toBe('修改');
  });

  test('property held for a name typed where an ID belongs is a refusal naming it, not "nothing held"', () => {
    const { emu, zhang } = register();
    expect(() => emu.scriptRun(CLERK, 'findProperty', { customerId: '张伟' })).toThrow(
      'There is no customer with ID 张伟.',
    );
    expect(
      (emu.scriptRun(CLERK, 'findProperty', { customerId: zhang }) as { results: unknown[] }).results,
    ).toHaveLength(1);
  });

  test('refused for someone not on the team and for an unknown ID, changing nothing', () => {
    const { emu } = register();
    const before = stateOf(emu);
    expect(() => emu.scriptRun(STRANGER, 'customerCard', { id: 'C-000001' })).toThrow();
    expect(() => emu.scriptRun(CLERK, 'customerCard', { id: '张伟' })).toThrow(/张伟/);
    expect(stateOf(emu)).toBe(before);
  });
});

describe('printing', () => {
  const pdfText = (p: Printout) => Buffer.from(p.pdf, 'base64').toString('utf8');

  test('the record card as a PDF made by Apps Script, in the language asked for, redacted for a clerk', () => {
    const { emu, zhang } = register();
    const manager = emu.scriptRun(MANAGER, 'printCustomerCard', { id: zhang, lang: 'zh' }) as Printout;
    expect(manager.filename).toMatch(/^C-000001-2026-11-23\.pdf$/);
    expect(pdfText(manager)).toMatch(/^%PDF-1\.4/);
    expect(pdfText(manager)).toContain(manager.html);
    expect(manager.html).toContain('客户信息表');
    expect(manager.html).toContain('当前逾期金额');
    expect(manager.html).toContain('逾期');
    const clerk = emu.scriptRun(CLERK, 'printCustomerCard', { id: zhang, lang: 'en' }) as Printout;
    expect(clerk.html).toContain('Customer record');
    expect(clerk.html).not.toContain('Credit rating');
    expect(clerk.html).not.toContain('Overdue now');
  });

  test('a property receipt: item, serial, condition, received by and when, expected return, terms, signatures; text escaped', () => {
    const { emu, watch } = register();
    const r = emu.scriptRun(CLERK, 'printPropertyReceipt', { id: watch, lang: 'en' }) as Printout;
    for (const text of [
      'Property receipt',
      'Watch &lt;b&gt;gold&lt;/b&gt;',
      '00042',
      'Good',
      `<th>Received by</th><td>${CLERK}</td>`,
      '2026-11-20',
      '2026-12-01',
      'return it on presentation of this receipt',
      'Customer’s signature',
      '张伟 (C-000001)',
    ])
      expect(r.html).toContain(text);
    expect(r.html).not.toContain('<b>gold');
    const zh = emu.scriptRun(CLERK, 'printPropertyReceipt', { id: watch, lang: 'zh' }) as Printout;
    expect(zh.html).toContain('凭本收据领取');
    expect(zh.html).toContain('客户签名');
  });

  test('a viewer may print the card but not a receipt; nothing is written either way', () => {
    const { emu, zhang, watch } = register();
    const before = stateOf(emu);
    expect(() => emu.scriptRun(VIEWER, 'printPropertyReceipt', { id: watch, lang: 'zh' })).toThrow();
    expect(
      (emu.scriptRun(VIEWER, 'printCustomerCard', { id: zhang, lang: 'zh' }) as Printout).html,
    ).not.toContain('信用等级');
    expect(stateOf(emu)).toBe(before);
  });
});
