// What stops a second email or digest when the Reminder log is gone: the row's sending mark, the digest marks, and the silence notice for admins.
import { sendingFields, unsentFields } from '../../../../src/domain/reminders/outcomes';
import type { PlanInput } from '../../../../src/domain/reminders/plan';
import { planReminders } from '../../../../src/domain/reminders/plan';
import type { LogEntry } from '../../../../src/domain/reminders/reminder-log';
import { SILENT_AFTER_MS, silentSince } from '../../../../src/domain/reminders/run-health';
import type { Customer } from './fixtures';
import { customer, settings, TODAY } from './fixtures';

const ADMIN = 'admin@firm.example';

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

const noteOf = (p: ReturnType<typeof plan>, id: string) =>
  p.digests.flatMap((d) => d.customers).find((c) => c.id === id)?.note;

describe('a row marked as sending', () => {
  const marked = () => {
    const email = plan([customer()]).emails[0];
    return customer(sendingFields(email));
  };

  test('with no log at all is unknown: listed for staff, never emailed', () => {
    const p = plan([marked()]);
    expect(p.emails).toEqual([]);
    expect(noteOf(p, 'C-000001')).toBe('unknownWhetherSent');
  });

  test('is settled by the log: Sent blocks, Failed (an admin’s decision) lets it go again', () => {
    const row = (outcome: string): LogEntry => ({
      time: '2026-05-10 09:00',
      record: 'C-000001',
      recipient: 'ada@example.com',
      kind: 'customerReview',
      cycle: plan([customer()]).emails[0].cycle,
      outcome,
    });
    expect(plan([marked()], { log: [row('sent')] }).emails).toEqual([]);
    expect(plan([marked()], { log: [row('failed')] }).emails.map((e) => e.customerId)).toEqual(['C-000001']);
  });

  test('a send that failed or never happened gives the row its old cycle back', () => {
    const email = plan([customer({ reviewCycle: '2025-11-01' })]).emails[0];
    expect(unsentFields(email)).toEqual({ reviewCycle: '2025-11-01' });
    expect(sendingFields(email).reviewCycle).not.toBe(email.cycle);
  });
});

describe('digests marked outside the log', () => {
  test('a recipient marked today gets no second digest, even with the log cleared', () => {
    const first = plan([customer()]);
    expect(first.digests).toHaveLength(1);
    const again = plan([customer()], { digestsMarked: [first.digests[0].recipient.toUpperCase()] });
    expect(again.digests).toEqual([]);
  });
});

describe('a silent run', () => {
  test('every admin’s digest says since when, and only theirs', () => {
    const p = plan([customer({ owner: 'clerk@firm.example' })], {
      staff: ['clerk@firm.example', ADMIN, 'boss@firm.example'],
      admins: [ADMIN, 'boss@firm.example', 'not an address'],
      silentSince: '2026-05-10 09:00',
    });
    expect(p.digests.map((d) => [d.recipient, d.silentSince ?? null])).toEqual([
      [ADMIN, '2026-05-10 09:00'],
      ['boss@firm.example', '2026-05-10 09:00'],
      ['clerk@firm.example', null],
    ]);
  });

  test('is silent only after two days without a success since reminders were turned on', () => {
    const since = '2026-05-10T01:00:00.000Z';
    const t0 = Date.parse(since);
    const h = { since, lastSuccess: null, lastFailure: null };
    expect(silentSince(h, t0 + SILENT_AFTER_MS)).toBeNull();
    expect(silentSince(h, t0 + SILENT_AFTER_MS + 1)).toBe(since);
    const ok = { ...h, lastSuccess: '2026-05-12T01:00:00.000Z' };
    expect(silentSince(ok, t0 + SILENT_AFTER_MS + 1)).toBeNull();
    expect(silentSince({ ...h, since: null }, t0 + 10 * SILENT_AFTER_MS)).toBeNull();
  });
});
