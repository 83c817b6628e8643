// Review reminders on dist/Code.js in the emulator: the trigger, the daily run, never twice, quota, time limit and faults.
/// <reference types="google-apps-script" />

import { messages } from '../../emulator/src';
import { fillDueCustomers } from '../fixtures/due-register';
import { callAs, saved } from '../helpers/call-as';
import { columnsOf, recordsOf, stateOf, teamRegister, workbook } from '../helpers/register';
import { fireDaily } from '../helpers/reminders';
import { ADMIN, CLERK, MANAGER } from '../helpers/users';

const TODAY = '2026-11-23';
/** 08:00 in Shanghai, an hour before the default reminder hour. */
const MORNING = '2026-11-23T00:00:00Z';
const NINE = '2026-11-23T01:00:00Z';

function register(
  n: number,
  due: number,
  o: {
    quota?: number;
    rows?: Record<number, Record<string, unknown>>;
    scriptTimeZone?: string;
    timeZone?: string;
    now?: string;
  } = {},
) {
  const emu = teamRegister({
    now: o.now ?? MORNING,
    mailQuota: o.quota ?? 1500,
    scriptTimeZone: o.scriptTimeZone,
    timeZone: o.timeZone,
  });
  fillDueCustomers(emu, n, { due, today: TODAY, rows: o.rows });
  return emu;
}

const customerMails = (emu: ReturnType<typeof teamRegister>) =>
  emu.outbox.filter((m) => m.to[0]?.endsWith('@example.net'));
const log = (emu: ReturnType<typeof teamRegister>) => recordsOf(emu, 'Reminder log');

describe('turning reminders on', () => {
  test('installs exactly one daily trigger, at the Settings hour in the spreadsheet’s time zone; again changes nothing', () => {
    const emu = register(5, 0);
    const status = emu.run(ADMIN, 'turnRemindersOn') as { on: boolean; runsAs: string; hour: number };
    expect(status).toMatchObject({ on: true, runsAs: ADMIN, hour: 9 });
    emu.run(ADMIN, 'turnRemindersOn');
    const triggers = emu.triggers().filter((t) => t.handler === 'runReminders');
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({
      creator: ADMIN,
      schedule: { kind: 'days', hour: 9, timeZone: 'Asia/Shanghai' },
    });
    expect(new Date(triggers[0].nextRun as number).toISOString()).toBe('2026-11-23T01:00:00.000Z');
  });

  test('a trigger deleted by hand is repaired by turning reminders on again', () => {
    const emu = register(5, 0);
    emu.run(ADMIN, 'turnRemindersOn');
    emu.deleteTrigger(emu.triggers()[emu.triggers().length - 1].id);
    expect((emu.run(ADMIN, 'reminderStatus') as { on: boolean }).on).toBe(false);
    emu.run(ADMIN, 'turnRemindersOn');
    expect(emu.triggers().filter((t) => t.handler === 'runReminders')).toHaveLength(1);
  });

  test('only an Admin may, and another admin cannot take over someone else’s trigger by accident', () => {
    const emu = register(5, 0);
    expect(() => emu.run(CLERK, 'turnRemindersOn')).toThrow('Only Admin may manage reminders.');
    emu.run(ADMIN, 'turnRemindersOn');
    expect(() => emu.run('owner@example.com', 'turnRemindersOn')).toThrow(`Reminders run as ${ADMIN}`);
  });

  test('the status says whose account runs them and warns when the time zones differ', () => {
    const emu = register(5, 0, { scriptTimeZone: 'America/New_York' });
    emu.run(ADMIN, 'turnRemindersOn');
    expect(emu.run(ADMIN, 'reminderStatus')).toEqual({
      on: true,
      runsAs: ADMIN,
      hour: 9,
      spreadsheetTimeZone: 'Asia/Shanghai',
      scriptTimeZone: 'America/New_York',
      timeZonesDiffer: true,
      runnerIsAdmin: true,
      lastSuccess: null,
      lastFailure: null,
      silentSince: null,
      canTakeOver: false,
    });
  });
});

describe('the daily run', () => {
  test('emails each due customer once, in the register’s language, logs it, stamps the record, and digests the owner', () => {
    const emu = register(20, 4);
    emu.run(ADMIN, 'turnRemindersOn');
    emu.advanceClock(NINE);
    expect(emu.triggerFailures).toEqual([]);
    const mails = customerMails(emu);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([
      'customer0@example.net',
      'customer1@example.net',
      'customer2@example.net',
      'customer3@example.net',
    ]);
    expect(mails[0]).toMatchObject({ from: ADMIN, subject: 'Please check the details we hold for you' });
    expect(mails[0].htmlBody).toContain('Customer 0');
    expect(emu.outbox.filter((m) => m.to[0] === MANAGER)).toHaveLength(1);
    const sent = log(emu).filter((r) => r.outcome === 'Sent' && r.kind === 'Customer data review');
    expect(sent.map((r) => r.record).sort()).toEqual(['C-000001', 'C-000002', 'C-000003', 'C-000004']);
    const stamped = recordsOf(emu, 'Customers').filter((c) => c.reviewCycle !== '');
    expect(stamped.map((c) => c.id)).toEqual(['C-000001', 'C-000002', 'C-000003', 'C-000004']);
  });

  test('a second run the same day, by trigger or by hand, sends nothing more', () => {
    const emu = register(20, 4);
    emu.run(ADMIN, 'turnRemindersOn');
    emu.advanceClock(NINE);
    const count = emu.outbox.length;
    fireDaily(emu);
    emu.advanceClock('2026-11-23T05:00:00Z');
    expect(emu.outbox).toHaveLength(count);
  });

  test('customers who cannot be emailed go to the owner’s digest, with the reason logged once', () => {
    const emu = register(6, 3, {
      rows: { 0: { consent: false }, 1: { email: '' }, 2: { preferredChannel: 'Phone' } },
    });
    fireDaily(emu);
    expect(customerMails(emu)).toEqual([]);
    const digest = emu.outbox.find((m) => m.to[0] === MANAGER);
    for (const name of ['Customer 0', '客户 1', 'Customer 2']) expect(digest?.body).toContain(name);
    expect(
      log(emu)
        .map((r) => r.outcome)
        .sort(),
    ).toEqual(['Sent', 'Skipped: no consent', 'Skipped: no email', 'Skipped: prefers another channel']);
    fireDaily(emu);
    expect(log(emu)).toHaveLength(4);
  });

  test('a MailApp error for one recipient is logged and the run goes on', () => {
    const emu = register(10, 5);
    emu.mail.failFor('customer2@example.net', 'Invalid email: customer2@example.net');
    const report = fireDaily(emu) as { emailsSent: number; failed: number };
    expect(report).toMatchObject({ emailsSent: 4, failed: 1 });
    expect(log(emu).find((r) => r.record === 'C-000003')).toMatchObject({
      outcome: 'Failed',
      detail: 'Invalid email: customer2@example.net',
    });
  });

  test('the quota running out mid-run stops cleanly, keeping the reserve, and the rest go the next day, most overdue first', () => {
    const emu = register(30, 20, { quota: 20 });
    emu.run(ADMIN, 'turnRemindersOn');
    emu.advanceClock(NINE);
    // 20 a day, 10 kept in reserve, 1 for the owner's digest: 9 customers today.
    expect(customerMails(emu).map((m) => m.to[0])).toEqual(
      Array.from({ length: 9 }, (_, i) => `customer${i}@example.net`),
    );
    emu.advanceClock('2026-11-24T01:00:00Z');
    emu.advanceClock('2026-11-25T01:00:00Z');
    const all = customerMails(emu).map((m) => m.to[0]);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(20);
  });

  test('another process using the quota during the run is noticed before each send', () => {
    const emu = register(30, 20);
    let sends = 0;
    emu.hooks.beforeCall = (info) => {
      if (info.method === 'sendEmail' && ++sends === 5) emu.mail.setDailyQuota(5 + 10);
    };
    const report = fireDaily(emu) as { stoppedFor: string };
    expect(report.stoppedFor).toBe('quota');
    expect(log(emu).filter((r) => r.outcome === 'Sending')).toEqual([]);
  });

  test('an execution killed at 6 minutes mid-batch never emails those customers again: staff are told instead', () => {
    const emu = register(20, 10);
    let sends = 0;
    emu.hooks.extraCost = (info) => (info.method === 'sendEmail' && ++sends === 4 ? 6 * 60 * 1000 : 0);
    expect(() => fireDaily(emu)).toThrow(messages.maxExecutionTime);
    emu.hooks.extraCost = undefined;
    const before = customerMails(emu).map((m) => m.to[0]);
    emu.advanceClock({ ms: 3600000 });
    fireDaily(emu);
    const after = customerMails(emu).map((m) => m.to[0]);
    const second = after.slice(before.length);
    expect(new Set(after).size).toBe(after.length);
    // Those whose send may or may not have happened are in the owner's digest, not emailed again.
    const unknown = log(emu)
      .filter((r) => r.outcome === 'Sending' && r.kind === 'Customer data review')
      .map((r) => String(r.record));
    expect(unknown).toEqual([
      'C-000001',
      'C-000002',
      'C-000003',
      'C-000004',
      'C-000005',
      'C-000006',
      'C-000007',
      'C-000008',
      'C-000009',
      'C-000010',
    ]);
    expect(second).toEqual([]);
    const digest = emu.outbox.filter((m) => m.to[0] === MANAGER).at(-1);
    expect(digest?.body).toContain('Customer 0');
  });

  test('overlapping runs: the second finds the first holding the lock and sends nothing', () => {
    const emu = register(20, 5);
    let second: unknown;
    emu.hooks.beforeCall = (info) => {
      if (!second && info.method === 'sendEmail') second = fireDaily(emu);
    };
    fireDaily(emu);
    expect(second).toMatchObject({ stoppedFor: 'busy', emailsSent: 0 });
    const all = customerMails(emu).map((m) => m.to[0]);
    expect(all).toHaveLength(5);
  });

  test('a review confirmed between runs opens a new cycle: not due, not emailed', () => {
    const emu = register(3, 2);
    fireDaily(emu);
    const { version } = callAs(emu, CLERK, 'getCustomer', { id: 'C-000001' });
    callAs(emu, CLERK, 'confirmReview', { id: 'C-000001', version, how: 'phone' });
    const c1 = recordsOf(emu, 'Customers')[0];
    expect(Object.prototype.toString.call(c1.lastReviewed)).toBe('[object Date]');
    expect((c1.nextReviewDue as Date).getTime()).toBeGreaterThan(Date.parse('2027-02-01'));
    emu.advanceClock({ ms: 86400000 });
    const count = customerMails(emu).length;
    fireDaily(emu);
    expect(customerMails(emu)).toHaveLength(count);
  });

  test('50,000 customers with 1,500 due: across executions and into the next day, each emailed exactly once', () => {
    const emu = register(50000, 1500, { quota: 1500 });
    emu.run(ADMIN, 'turnRemindersOn');
    emu.advanceClock('2026-11-23T04:00:00Z');
    const today = emu.meter.executions.filter((e) => e.fn === 'runReminders' || e.fn === 'continueReminders');
    expect(today.length).toBeGreaterThan(1);
    expect(Math.max(...today.map((r) => r.modelledMs))).toBeLessThan(6 * 60 * 1000);
    expect(today.every((r) => !r.error)).toBe(true);
    // 1,500 a day less the 10 kept in reserve and the owner's digest.
    expect(customerMails(emu)).toHaveLength(1489);
    emu.advanceClock('2026-11-24T04:00:00Z');
    const all = customerMails(emu).map((m) => m.to[0]);
    expect(all).toHaveLength(1500);
    expect(new Set(all).size).toBe(1500);
  });
});

describe('time zones', () => {
  test('the run stays at 09:00 in the spreadsheet’s zone across a daylight-saving change', () => {
    const emu = register(3, 0, {
      timeZone: 'Europe/London',
      scriptTimeZone: 'Europe/London',
      now: '2026-03-27T12:00:00Z',
    });
    emu.run(ADMIN, 'turnRemindersOn');
    emu.advanceClock('2026-03-31T12:00:00Z');
    const runs = emu.meter.executions
      .filter((e) => e.fn === 'runReminders')
      .map((e) => new Date(e.startedAt).toISOString().slice(0, 16));
    expect(runs).toEqual(['2026-03-28T09:00', '2026-03-29T08:00', '2026-03-30T08:00', '2026-03-31T08:00']);
  });
});

describe('what the emails may not do', () => {
  test('a name with a newline or “Bcc:” cannot add headers; HTML is escaped; Chinese arrives intact', () => {
    const emu = register(2, 2, {
      rows: {
        0: { name: 'Eve\r\nBcc: all@evil.example' },
        1: { name: '<b>王</b> 小明', city: '北京' },
      },
    });
    const settings = workbook(emu)
      .getActive()
      .getSheetByName('Settings') as GoogleAppsScript.Spreadsheet.Sheet;
    const row = emu.spreadsheet.values('Settings').findIndex((r) => r[0] === 'reminderSubjectEn') + 1;
    settings.getRange(row, columnsOf(settings).value).setValue('Details for {{name}}');
    fireDaily(emu);
    const [eve, wang] = customerMails(emu);
    expect(eve.subject).not.toMatch(/[\r\n]/);
    expect(eve.bcc).toEqual([]);
    expect(wang.subject).toBe('Details for <b>王</b> 小明');
    expect(wang.htmlBody).toContain('&lt;b&gt;王&lt;/b&gt; 小明');
    expect(wang.htmlBody).not.toContain('<b>王');
    expect(wang.body).toContain('北京');
  });
});

describe('admin tools', () => {
  test('previewing today’s reminders writes and sends nothing', () => {
    const emu = register(10, 3);
    const before = stateOf(emu);
    const preview = emu.run(ADMIN, 'previewReminders') as {
      emails: { customerId: string }[];
      digests: { recipient: string }[];
    };
    expect(preview.emails.map((e) => e.customerId)).toEqual(['C-000001', 'C-000002', 'C-000003']);
    expect(preview.digests.map((d) => d.recipient)).toEqual([MANAGER]);
    expect(emu.outbox).toEqual([]);
    expect(stateOf(emu)).toBe(before);
  });

  test('a test reminder goes to the admin who asked, not to the customer', () => {
    const emu = register(10, 3);
    expect(emu.run(ADMIN, 'sendTestReminder')).toMatchObject({ to: ADMIN });
    expect(emu.outbox.map((m) => m.to)).toEqual([[ADMIN]]);
    expect(log(emu)).toEqual([]);
  });

  test('approving a customer schedules the next review from the cadence in Settings', () => {
    const emu = teamRegister({ now: MORNING });
    const values = { customerType: 'individual', name: 'V', status: 'active', tier: 'vip', email: 'v@x.com' };
    const { id } = saved(callAs(emu, CLERK, 'createCustomer', { values }));
    const { version } = callAs(emu, MANAGER, 'getCustomer', { id });
    saved(callAs(emu, MANAGER, 'approveCustomer', { id, version }));
    const due = callAs(emu, MANAGER, 'getCustomer', { id }).values.nextReviewDue;
    expect(due).toBe('2026-12-23');
  });
});

describe('the Reminder log while a run sends', () => {
  test('a confirmation logged by staff during the run is kept: the run’s next batch goes after it', () => {
    // 211 to send (210 due and a digest): two batches of log rows in one execution on a day MailApp is fast
    // (0.3 s a message, the low end users report), the second appended after the first one's sends.
    const emu = register(215, 210, { now: NINE });
    const version = (callAs(emu, CLERK, 'getCustomer', { id: 'C-000215' }) as { version: string }).version;
    let confirmed: unknown = null;
    emu.hooks.extraCost = (info) => (info.method.endsWith('sendEmail') ? -450 : 0);
    emu.hooks.beforeCall = (info) => {
      if (confirmed || info.fn !== 'runReminders' || !info.method.endsWith('sendEmail')) return;
      confirmed = emu.scriptRun(CLERK, 'confirmReview', { id: 'C-000215', version, how: 'phone' });
    };
    expect(fireDaily(emu)).toMatchObject({ emailsSent: 210, stoppedFor: 'done' });
    emu.hooks.beforeCall = undefined;
    emu.hooks.extraCost = undefined;
    expect(confirmed).toMatchObject({ ok: true });
    const rows = log(emu);
    expect(
      rows.filter((r) => r.record === 'C-000215' && r.outcome === 'Confirmed by the customer'),
    ).toHaveLength(1);
    // Every message sent has its row, none written over.
    expect(rows.filter((r) => r.outcome === 'Sent')).toHaveLength(211);
  });
});
