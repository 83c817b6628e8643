// The reminder plan: eligibility, never twice per cycle, quota and deferral, digests per owner, scale.
import fc from 'fast-check';
import { civilFromDayNumber, dayNumber } from '../../../../src/domain/reminders/civil-date';
import { digestLogRow, emailLogRow } from '../../../../src/domain/reminders/outcomes';
import type { PlanInput } from '../../../../src/domain/reminders/plan';
import { planReminders } from '../../../../src/domain/reminders/plan';
import type { LogEntry } from '../../../../src/domain/reminders/reminder-log';
import { nextReviewDue } from '../../../../src/domain/reminders/review-schedule';
import type { Customer } from './fixtures';
import { customer, settings, TODAY } from './fixtures';

const ADMIN = 'admin@firm.example';
const OWNER = 'owner@firm.example';

function plan(customers: Customer[], extra: Partial<PlanInput> = {}) {
  return planReminders({
    today: TODAY,
    settings: settings(),
    customers,
    remainingQuota: 1500,
    fallbackRecipient: ADMIN,
    ...extra,
  });
}

const emailed = (p: ReturnType<typeof plan>) => p.emails.map((e) => e.customerId);
const noteOf = (p: ReturnType<typeof plan>, id: string) =>
  p.digests.flatMap((d) => d.customers).find((c) => c.id === id)?.note;

describe('who gets a review email', () => {
  test('an approved, due customer with consent and an address is emailed at that address', () => {
    const p = plan([customer({ email: ' Ada@Example.COM ' })]);
    expect(p.emails).toEqual([
      expect.objectContaining({
        customerId: 'C-000001',
        recipient: 'ada@example.com',
        cycle: '2026-05-01',
        daysOverdue: 14,
      }),
    ]);
    expect(p.log).toEqual([]);
  });

  test.each([
    ['pending review', { recordState: 'pendingReview' }],
    ['archived', { recordState: 'archived' }],
    ['not yet due', { nextReviewDue: '2026-05-16' }],
    ['no due date', { nextReviewDue: '' }],
    ['a lost customer', { status: 'lost' }],
    ['a prospect', { status: 'prospect' }],
    ['no ID', { id: '' }],
  ])('%s: neither emailed nor listed', (_why, overrides) => {
    const p = plan([customer(overrides)]);
    expect(p.emails).toEqual([]);
    expect(p.digests.flatMap((d) => d.customers)).toEqual([]);
  });

  test('due today counts', () => {
    expect(emailed(plan([customer({ nextReviewDue: TODAY })]))).toEqual(['C-000001']);
  });

  test.each([
    ['no consent', { consent: false }, 'noConsent', 'skippedNoConsent'],
    ['consent typed as text, not ticked', { consent: 'TRUE' }, 'noConsent', 'skippedNoConsent'],
    ['no email', { email: '' }, 'noEmail', 'skippedNoEmail'],
    ['an address with a second recipient', { email: 'a@x.com, b@y.com' }, 'invalidEmail', 'skippedNoEmail'],
    ['an address with a line break', { email: 'a@x.com\nBcc: b@y.com' }, 'invalidEmail', 'skippedNoEmail'],
    ['prefers WeChat', { preferredChannel: 'wechat' }, 'channel', 'skippedChannel'],
    ['prefers phone', { preferredChannel: 'phone' }, 'channel', 'skippedChannel'],
  ])(
    '%s: goes to the owner’s digest with the reason and is logged as skipped',
    (_why, overrides, note, outcome) => {
      const p = plan([customer(overrides)]);
      expect(p.emails).toEqual([]);
      expect(p.digests).toHaveLength(1);
      expect(p.digests[0].recipient).toBe(OWNER);
      expect(p.digests[0].customers).toEqual([
        expect.objectContaining({ id: 'C-000001', note, daysOverdue: 14 }),
      ]);
      expect(p.log).toEqual([
        expect.objectContaining({ record: 'C-000001', kind: 'customerReview', cycle: '2026-05-01', outcome }),
      ]);
    },
  );

  test('email as the preferred channel is fine', () => {
    expect(emailed(plan([customer({ preferredChannel: 'email' })]))).toEqual(['C-000001']);
  });

  test('a skip is logged once per cycle, not every day', () => {
    const log: LogEntry[] = [
      { record: 'C-000001', kind: 'customerReview', cycle: '2026-05-01', outcome: 'skippedNoConsent' },
    ];
    const p = plan([customer({ consent: false })], { log });
    expect(p.log).toEqual([]);
    expect(noteOf(p, 'C-000001')).toBe('noConsent');
  });
});

describe('never twice in one cycle', () => {
  const sent = (outcome: string | null, extra: Partial<LogEntry> = {}): LogEntry => ({
    time: '2026-05-14 09:03',
    record: 'C-000001',
    recipient: 'ada@example.com',
    kind: 'customerReview',
    cycle: '2026-05-01',
    outcome,
    ...extra,
  });

  test('the record’s stored cycle alone blocks a second email', () => {
    const p = plan([customer({ reviewCycle: '2026-05-01', lastReminded: '2026-05-14 09:03' })]);
    expect(p.emails).toEqual([]);
    expect(noteOf(p, 'C-000001')).toBe('emailedThisCycle');
  });

  test('a sent log entry blocks it even when the record was not updated', () => {
    const p = plan([customer()], { log: [sent('sent')] });
    expect(p.emails).toEqual([]);
    expect(noteOf(p, 'C-000001')).toBe('emailedThisCycle');
  });

  test.each([['sending'], [''], [null]])(
    'outcome %p: unknown whether sent, flagged for staff, not emailed',
    (outcome) => {
      const p = plan([customer()], { log: [sent(outcome)] });
      expect(p.emails).toEqual([]);
      expect(p.deferred).toEqual([]);
      expect(p.digests[0].customers[0]).toEqual(
        expect.objectContaining({ note: 'unknownWhetherSent', detail: '2026-05-14 09:03' }),
      );
    },
  );

  test('unknown wins over a later failure; sent wins over everything', () => {
    expect(noteOf(plan([customer()], { log: [sent('sending'), sent('failed')] }), 'C-000001')).toBe(
      'unknownWhetherSent',
    );
    expect(
      noteOf(plan([customer()], { log: [sent('failed'), sent('sending'), sent('sent')] }), 'C-000001'),
    ).toBe('emailedThisCycle');
  });

  test('a failure today is not retried today at the same address, but is at a corrected one or tomorrow', () => {
    const failed = sent('failed', { time: `${TODAY} 09:01`, detail: 'Invalid email: ada@example.com' });
    const p = plan([customer()], { log: [failed] });
    expect(p.emails).toEqual([]);
    expect(p.digests[0].customers[0]).toEqual(
      expect.objectContaining({ note: 'sendFailed', detail: 'Invalid email: ada@example.com' }),
    );
    expect(emailed(plan([customer({ email: 'ada@example.org' })], { log: [failed] }))).toEqual(['C-000001']);
    expect(emailed(plan([customer()], { log: [sent('failed')] }))).toEqual(['C-000001']);
  });

  test('entries of an older cycle do not block the current one', () => {
    const old = sent('sent', { cycle: '2026-02-01' });
    expect(emailed(plan([customer({ reviewCycle: '2026-02-01' })], { log: [old] }))).toEqual(['C-000001']);
  });

  test('a review confirmed between runs moves the customer to a new cycle, not due until then', () => {
    const first = plan([customer()]);
    const email = first.emails[0];
    const log = [{ ...emailLogRow(email, 'sent'), time: `${TODAY} 09:00` }];
    const afterSend = customer({ lastReminded: `${TODAY} 09:00`, reviewCycle: email.cycle });
    expect(plan([afterSend], { log }).emails).toEqual([]);

    const confirmed = {
      ...afterSend,
      lastReviewed: '2026-05-20',
      nextReviewDue: nextReviewDue('2026-05-20', 3),
    };
    expect(plan([confirmed], { log, today: '2026-06-01' }).emails).toEqual([]);
    const later = plan([confirmed], { log, today: '2026-08-20' });
    expect(later.emails).toEqual([expect.objectContaining({ customerId: 'C-000001', cycle: '2026-08-20' })]);
  });

  test('replaying the plan after each send, however the run is cut, emails each customer once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }),
        (overdue, cuts) => {
          const now = dayNumber(TODAY) ?? 0;
          const customers = overdue.map((d, i) =>
            customer({
              id: `C-${String(i + 1).padStart(6, '0')}`,
              nextReviewDue: civilFromDayNumber(now - d),
            }),
          );
          const log: LogEntry[] = [];
          const count = new Map<string, number>();
          for (const batch of cuts) {
            const p = plan(customers, { log, remainingQuota: 10_000 });
            // Each execution sends a few, and a crash may leave the last one unrecorded ('sending').
            p.emails.slice(0, batch).forEach((e, i) => {
              count.set(e.customerId, (count.get(e.customerId) ?? 0) + 1);
              log.push({ ...emailLogRow(e, i === batch - 1 ? 'sending' : 'sent'), time: `${TODAY} 09:00` });
            });
          }
          for (const n of count.values()) expect(n).toBe(1);
        },
      ),
    );
  });
});

describe('quota', () => {
  const now = dayNumber(TODAY) ?? 0;
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      customer({
        id: `C-${String(i + 1).padStart(6, '0')}`,
        nextReviewDue: civilFromDayNumber(now - ((i * 7) % 50)),
      }),
    );

  test('keeps the reserve, sends the most overdue first and defers the rest', () => {
    const customers = many(30);
    const p = plan(customers, { remainingQuota: 21, settings: settings({ quotaReserve: 10 }) });
    expect(p.available).toBe(11);
    expect(p.digests).toHaveLength(1);
    expect(p.emails).toHaveLength(10);
    expect(p.deferred).toHaveLength(20);
    const overdue = [...p.emails, ...p.deferred].map((e) => e.daysOverdue);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    expect(Math.min(...p.emails.map((e) => e.daysOverdue))).toBeGreaterThanOrEqual(
      Math.max(...p.deferred.map((e) => e.daysOverdue)),
    );
    expect(p.digests[0].customers.filter((c) => c.note === 'deferred')).toHaveLength(20);
    expect(p.log).toEqual([expect.objectContaining({ outcome: 'quotaReached', cycle: TODAY, detail: '20' })]);
  });

  test('ties are broken by ID, so every run orders alike', () => {
    const p = plan([
      customer({ id: 'C-000003' }),
      customer({ id: 'C-000001' }),
      customer({ id: 'C-000002' }),
    ]);
    expect(emailed(p)).toEqual(['C-000001', 'C-000002', 'C-000003']);
  });

  test('nothing is sent when the quota is at or below the reserve', () => {
    const p = plan(many(3), { remainingQuota: 5, reserve: 5 });
    expect(p.available).toBe(0);
    expect(p.emails).toEqual([]);
    expect(p.digests).toEqual([]);
    expect(p.deferredDigests).toHaveLength(1);
    expect(p.deferred).toHaveLength(3);
  });

  test('the deferred continue the next day, the most overdue first', () => {
    const customers = many(12);
    const day1 = plan(customers, { remainingQuota: 6, reserve: 0 });
    const log: LogEntry[] = day1.emails.map((e) => ({ ...emailLogRow(e, 'sent'), time: `${TODAY} 09:00` }));
    const day2 = plan(customers, { remainingQuota: 100, reserve: 0, log, today: '2026-05-16' });
    expect(day2.emails.map((e) => e.customerId)).toEqual(day1.deferred.map((e) => e.customerId));
  });

  test('the quota row is written once a day', () => {
    const log: LogEntry[] = [{ record: '', kind: 'customerReview', cycle: TODAY, outcome: 'quotaReached' }];
    expect(plan(many(3), { remainingQuota: 1, reserve: 0, log }).log).toEqual([]);
  });
});

describe('staff digests', () => {
  test('one per owner, listing only their customers, sorted by recipient', () => {
    const p = plan([
      customer({ id: 'C-000001', owner: 'b@firm.example' }),
      customer({ id: 'C-000002', owner: 'A@Firm.example', consent: false }),
      customer({ id: 'C-000003', owner: 'b@firm.example', nextReviewDue: '2026-04-01' }),
      customer({ id: 'C-000004', owner: '' }),
    ]);
    expect(p.digests.map((d) => d.recipient)).toEqual(['a@firm.example', ADMIN, 'b@firm.example']);
    expect(p.digests[2].customers.map((c) => [c.id, c.note])).toEqual([
      ['C-000003', 'emailToday'],
      ['C-000001', 'emailToday'],
    ]);
    expect(p.digests.every((d) => d.cycle === TODAY)).toBe(true);
  });

  test('an owner not on the team is treated as no owner', () => {
    const p = plan([customer({ owner: 'left@firm.example' })], { staff: [OWNER] });
    expect(p.digests.map((d) => d.recipient)).toEqual([ADMIN]);
  });

  test('at most one a day: a digest already sent, or perhaps sent, today is not planned again', () => {
    const first = plan([customer()]).digests[0];
    for (const outcome of ['sent', 'sending']) {
      const log: LogEntry[] = [{ ...digestLogRow(first, outcome as 'sent'), time: `${TODAY} 09:00` }];
      expect(plan([customer()], { log }).digests).toEqual([]);
    }
    const yesterday: LogEntry = { ...digestLogRow(first, 'sent'), cycle: '2026-05-14' };
    expect(plan([customer()], { log: [yesterday] }).digests).toHaveLength(1);
  });

  test('lines nobody can receive are returned, not lost, when the fallback is not an address', () => {
    const p = plan([customer({ owner: '' })], { fallbackRecipient: '' });
    expect(p.digests).toEqual([]);
    expect(p.unrouted?.customers).toHaveLength(1);
  });

  test('property late or due back within the warning days, and not returned, goes to the responsible person', () => {
    const row = (id: string, overrides: Record<string, unknown>) => ({
      id,
      customerId: 'C-000001',
      item: 'Laptop',
      state: 'received',
      expectedReturn: '2026-05-20',
      responsible: 'keeper@firm.example',
      ...overrides,
    });
    const p = plan([customer({ nextReviewDue: '2026-12-01' })], {
      property: [
        row('P-000001', {}),
        row('P-000002', { expectedReturn: '2026-05-23' }),
        row('P-000003', { expectedReturn: '2026-05-10' }),
        row('P-000004', { expectedReturn: '2026-05-10', state: 'returned' }),
        row('P-000005', { expectedReturn: '2026-05-10', returnedDate: '2026-05-11' }),
        row('P-000006', { expectedReturn: '' }),
        row('P-000007', { responsible: '' }),
      ],
    });
    const keeper = p.digests.find((d) => d.recipient === 'keeper@firm.example');
    expect(keeper?.property.map((x) => [x.id, x.daysLate])).toEqual([
      ['P-000003', 5],
      ['P-000001', -5],
    ]);
    expect(keeper?.property[0].customerName).toBe('Ada Lovelace');
    expect(p.digests.find((d) => d.recipient === OWNER)?.property.map((x) => x.id)).toEqual(['P-000007']);
  });

  test('a follow-up is due until a later interaction with the customer is recorded', () => {
    const interactions = [
      {
        id: 'I-000001',
        customerId: 'C-000001',
        date: '2026-05-01',
        nextFollowUp: '2026-05-10',
        kind: 'complaint',
      },
      { id: 'I-000002', customerId: 'C-000002', date: '2026-05-01', nextFollowUp: '2026-05-10' },
      { id: 'I-000003', customerId: 'C-000002', date: '2026-05-12', nextFollowUp: '' },
      { id: 'I-000004', customerId: 'C-000001', date: '2026-05-01', nextFollowUp: '2026-05-16' },
    ];
    const p = plan([customer({ nextReviewDue: '2026-12-01' }), customer({ id: 'C-000002', owner: '' })], {
      interactions,
    });
    expect(p.digests.flatMap((d) => d.followUps.map((f) => [d.recipient, f.id, f.daysOverdue]))).toEqual([
      [OWNER, 'I-000001', 5],
    ]);
  });
});

describe('scale', () => {
  test('plans a register of 50,000 customers with 1,500 due', () => {
    const now = dayNumber(TODAY) ?? 0;
    const owners = Array.from({ length: 25 }, (_, i) => `staff${i}@firm.example`);
    const customers = Array.from({ length: 50_000 }, (_, i) =>
      customer({
        id: `C-${String(i + 1).padStart(6, '0')}`,
        name: `客户 ${i}`,
        email: `c${i}@example.com`,
        owner: owners[i % owners.length],
        nextReviewDue: civilFromDayNumber(i % 33 === 0 && i < 49_500 ? now - (i % 90) : now + 1 + (i % 300)),
        consent: i % 10 !== 0,
      }),
    );
    const p = plan(customers, { remainingQuota: 1000, staff: owners });
    const due = p.digests.reduce((n, d) => n + d.customers.length, 0);
    expect(due).toBe(1500);
    expect(p.digests).toHaveLength(25);
    expect(p.emails.length + p.deferred.length).toBe(1350);
    expect(p.emails).toHaveLength(1000 - 10 - 25);
    expect(p.deferred).toHaveLength(1350 - 965);
    expect(new Set(p.emails.map((e) => e.customerId)).size).toBe(p.emails.length);
  });
});

describe('duplicate IDs', () => {
  test('two rows sharing an ID are listed for staff and neither is emailed', () => {
    const p = plan([
      customer(),
      customer({ name: 'Other', email: 'other@example.com' }),
      customer({ id: 'C-000002' }),
    ]);
    expect(emailed(p)).toEqual(['C-000002']);
    expect(p.digests[0].customers.filter((c) => c.note === 'duplicateId')).toHaveLength(2);
  });
});

describe('digest grouping, for any register', () => {
  test('every due customer is listed exactly once, in the digest of its owner or the fallback', () => {
    const owners = ['a@firm.example', 'B@firm.example', '', 'not an address', 'gone@firm.example'];
    const now = dayNumber(TODAY) ?? 0;
    const row = fc.record({
      owner: fc.constantFrom(...owners),
      offset: fc.integer({ min: -20, max: 20 }),
      consent: fc.boolean(),
      channel: fc.constantFrom('', 'email', 'sms'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 0, max: 80 }), (rows, quota) => {
        const customers = rows.map((r, i) =>
          customer({
            id: `C-${String(i + 1).padStart(6, '0')}`,
            owner: r.owner,
            nextReviewDue: civilFromDayNumber(now + r.offset),
            consent: r.consent,
            preferredChannel: r.channel,
          }),
        );
        const p = plan(customers, {
          remainingQuota: quota,
          reserve: 0,
          staff: ['a@firm.example', 'b@firm.example'],
        });
        const all = [...p.digests, ...p.deferredDigests];
        expect(new Set(all.map((d) => d.recipient)).size).toBe(all.length);
        const listed = all.flatMap((d) => d.customers.map((c) => [c.id, d.recipient]));
        const due = rows.flatMap((r, i) => (r.offset <= 0 ? [i] : []));
        expect(listed).toHaveLength(due.length);
        for (const i of due) {
          const owner = rows[i].owner.toLowerCase();
          const expected = owner === 'a@firm.example' || owner === 'b@firm.example' ? owner : ADMIN;
          expect(listed).toContainEqual([customers[i].id, expected]);
        }
        expect(p.digests.length + p.emails.length).toBeLessThanOrEqual(quota);
      }),
    );
  });
});
