// Who runs reminders when people change: the real owner is Admin, a run as a former admin sends nothing, any admin takes over, and a cleared log never means a second email.
/// <reference types="google-apps-script" />

import { messages } from '../../emulator/src';
import { fillDueCustomers } from '../fixtures/due-register';
import { callAs } from '../helpers/call-as';
import { columnsOf, recordsOf, teamRegister, workbook } from '../helpers/register';
import { ADMIN, CLERK, MANAGER, OWNER, TEAM } from '../helpers/users';

const TODAY = '2026-11-23';
const MORNING = '2026-11-23T00:00:00Z';
const NEW_OWNER = 'new.owner@example.com';
/** 09:00 in Shanghai `n` days after TODAY: when the daily trigger fires. */
const nine = (n: number) => new Date(Date.parse('2026-11-23T01:00:00Z') + n * 86400000).toISOString();

type Emu = ReturnType<typeof teamRegister>;

function register(n: number, due: number, rows?: Record<number, Record<string, unknown>>) {
  const emu = teamRegister({ now: MORNING, mailQuota: 1500, editors: [...TEAM, NEW_OWNER] });
  fillDueCustomers(emu, n, { due, today: TODAY, rows });
  return emu;
}

const customerMails = (emu: Emu) => emu.outbox.filter((m) => m.to[0]?.endsWith('@example.net'));
const digestsTo = (emu: Emu, who: string) => emu.outbox.filter((m) => m.to[0] === who);

/** Ticks or unticks a Team member's Active box. */
function setActive(emu: Emu, email: string, active: boolean) {
  const team = workbook(emu).getActive().getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet;
  const row = emu.spreadsheet.values('Team').findIndex((r) => r[0] === email) + 1;
  team.getRange(row, 4).setValue(active);
}

const status = (emu: Emu, who: string) => callAs(emu, who, 'reminderStatus', {});

describe('the owner', () => {
  test('after ownership is transferred, the new owner is Admin and the previous one only as Team says', () => {
    const emu = register(3, 0);
    emu.transferOwnership(NEW_OWNER);
    expect(status(emu, NEW_OWNER)).toMatchObject({ on: false });
    expect(() => emu.run(NEW_OWNER, 'applyProtections')).not.toThrow();
    // Setup listed the first owner as an Admin on Team: unticked there, they are no longer one.
    setActive(emu, OWNER, false);
    expect(() => status(emu, OWNER)).toThrow('Only Admin may manage reminders.');
  });
});

describe('an admin who is no longer one', () => {
  test('unticked on Team: their trigger sends nothing and says why; the owner takes over and the next run is theirs', () => {
    const emu = register(10, 4);
    emu.run(ADMIN, 'turnRemindersOn');
    setActive(emu, ADMIN, false);
    emu.advanceClock(nine(0));
    expect(emu.outbox).toEqual([]);
    expect(emu.triggerFailures).toEqual([]);
    const s = status(emu, OWNER);
    expect(s).toMatchObject({ on: true, runsAs: ADMIN, runnerIsAdmin: false, canTakeOver: true });
    expect(s.lastFailure?.message).toBe(
      `${ADMIN} is no longer an active Admin on Team, so the daily run sent nothing. An Admin can take reminders over.`,
    );
    // Turning them on by accident does not take them over; asking to does.
    expect(() => callAs(emu, OWNER, 'turnRemindersOn', {})).toThrow(`Reminders run as ${ADMIN}`);
    expect(callAs(emu, OWNER, 'turnRemindersOn', { takeOver: true })).toMatchObject({
      on: true,
      runsAs: OWNER,
      canTakeOver: false,
    });
    emu.advanceClock(nine(1));
    expect(customerMails(emu).map((m) => m.from)).toEqual([OWNER, OWNER, OWNER, OWNER]);
    expect(digestsTo(emu, ADMIN)).toEqual([]);
    expect(digestsTo(emu, MANAGER)).toHaveLength(1);
    // The former admin's trigger fired too, sent nothing, and removed itself.
    expect(
      emu
        .triggers()
        .filter((t) => t.handler === 'runReminders')
        .map((t) => t.creator),
    ).toEqual([OWNER]);
    expect(status(emu, OWNER).lastSuccess).toBe('2026-11-24 09:00');
  });

  test('the menu asks before taking over, and any admin may turn reminders off', () => {
    const emu = register(3, 1);
    emu.run(ADMIN, 'turnRemindersOn');
    emu.uiAnswers.push('NO');
    emu.run(OWNER, 'menuTurnRemindersOn');
    expect(status(emu, OWNER)).toMatchObject({ runsAs: ADMIN });
    emu.uiAnswers.push('YES');
    emu.run(OWNER, 'menuTurnRemindersOn');
    expect(status(emu, OWNER)).toMatchObject({ runsAs: OWNER });
    emu.run(ADMIN, 'menuTurnRemindersOff');
    expect(status(emu, OWNER)).toMatchObject({ on: false, runsAs: '' });
    emu.advanceClock(nine(0));
    expect(emu.outbox).toEqual([]);
    // Each trigger left behind found it no longer runs reminders and removed itself.
    expect(emu.triggers().filter((t) => t.handler === 'runReminders')).toEqual([]);
  });

  test('lost access to the file: every admin is warned after two silent days, takes over, and the next digests say so', () => {
    const emu = register(10, 4);
    emu.run(ADMIN, 'turnRemindersOn');
    emu.removeAccess(ADMIN);
    emu.advanceClock(nine(2));
    expect(emu.triggerFailures.map((f) => f.user)).toEqual([ADMIN, ADMIN, ADMIN]);
    expect(emu.outbox).toEqual([]);
    const s = status(emu, OWNER);
    expect(s).toMatchObject({ on: true, runsAs: ADMIN, lastSuccess: null, canTakeOver: true });
    expect(s.silentSince).toBe('2026-11-23 08:00');
    callAs(emu, OWNER, 'turnRemindersOn', { takeOver: true });
    // Still silent until the new trigger has run.
    expect(status(emu, OWNER).silentSince).toBe('2026-11-23 08:00');
    emu.advanceClock(nine(3));
    expect(customerMails(emu)).toHaveLength(4);
    const ownerDigest = digestsTo(emu, OWNER);
    expect(ownerDigest).toHaveLength(1);
    expect(ownerDigest[0].body).toContain(
      'Note for admins: the daily reminder run had not succeeded since 2026-11-23 08:00.',
    );
    expect(digestsTo(emu, MANAGER)[0].body).not.toContain('Note for admins');
    expect(status(emu, OWNER)).toMatchObject({ silentSince: null, lastSuccess: '2026-11-26 09:00' });
  });
});

describe('never twice, whatever happens to the log', () => {
  test('a killed run whose Reminder log rows are then deleted by hand: no customer and no digest twice', () => {
    const emu = register(20, 10);
    emu.run(ADMIN, 'turnRemindersOn');
    let sends = 0;
    emu.hooks.extraCost = (info) => (info.method === 'sendEmail' && ++sends === 4 ? 6 * 60 * 1000 : 0);
    emu.advanceClock(nine(0));
    emu.hooks.extraCost = undefined;
    expect(emu.triggerFailures.map((f) => f.error)).toEqual([messages.maxExecutionTime]);
    const first = emu.outbox.map((m) => m.to[0]);
    expect(first).toHaveLength(3);
    const rows = emu.spreadsheet.values('Reminder log').length - 1;
    expect(emu.deleteRows(CLERK, 'Reminder log', 2, rows)).toEqual({ ok: true });
    expect(recordsOf(emu, 'Reminder log').filter((r) => r.record !== '' || r.recipient !== '')).toEqual([]);
    const daily = emu.triggers().find((t) => t.handler === 'runReminders');
    emu.advanceClock({ ms: 3600000 });
    emu.run(ADMIN, 'runReminders', { triggerUid: daily?.id });
    const all = emu.outbox.map((m) => m.to[0]);
    expect(all.slice(first.length).filter((to) => first.includes(to))).toEqual([]);
    expect(all.filter((to) => to === MANAGER)).toHaveLength(1);
  });

  test('the documented recovery still works: an admin sets a Sending row to Failed and the customer is emailed once more', () => {
    const emu = register(20, 10);
    emu.run(ADMIN, 'turnRemindersOn');
    let sends = 0;
    emu.hooks.extraCost = (info) => (info.method === 'sendEmail' && ++sends === 4 ? 6 * 60 * 1000 : 0);
    emu.advanceClock(nine(0));
    emu.hooks.extraCost = undefined;
    const log = workbook(emu)
      .getActive()
      .getSheetByName('Reminder log') as GoogleAppsScript.Spreadsheet.Sheet;
    const row = recordsOf(emu, 'Reminder log').findIndex((r) => r.record === 'C-000010') + 2;
    const outcome = columnsOf(log).outcome;
    expect(emu.edit(ADMIN, 'Reminder log', `${String.fromCharCode(64 + outcome)}${row}`, 'Failed')).toEqual({
      ok: true,
    });
    expect(recordsOf(emu, 'Reminder log')[row - 2].outcome).toBe('Failed');
    emu.advanceClock(nine(1));
    const to = customerMails(emu).map((m) => m.to[0]);
    expect(to.filter((a) => a === 'customer9@example.net')).toHaveLength(1);
    expect(new Set(to).size).toBe(to.length);
  });

  test('the stamps land on the customers emailed even when a person deletes a row while they are written', () => {
    const emu = register(10, 5, { 0: { nextReviewDue: '2027-06-01' } });
    emu.run(ADMIN, 'turnRemindersOn');
    // Four customers and the manager's digest; then, between the read and the write of the stamps, a row goes.
    let sends = 0;
    let writes = 0;
    emu.hooks.beforeCall = (info) => {
      if (info.method === 'sendEmail') sends++;
      if (sends === 5 && info.method === 'Range.setValues' && ++writes === 2)
        expect(emu.deleteRows(OWNER, 'Customers', 2, 1)).toEqual({ ok: true });
    };
    emu.advanceClock(nine(0));
    emu.hooks.beforeCall = undefined;
    expect(writes).toBeGreaterThanOrEqual(2);
    const sent = new Map(
      recordsOf(emu, 'Reminder log')
        .filter((r) => r.outcome === 'Sent' && r.record !== '')
        .map((r) => [r.record, r.cycle]),
    );
    expect([...sent.keys()].sort()).toEqual(['C-000002', 'C-000003', 'C-000004', 'C-000005']);
    const customers = recordsOf(emu, 'Customers').filter((c) => c.id !== '');
    expect(customers.map((c) => c.id)).not.toContain('C-000001');
    expect(customers.map((c) => [c.id, c.reviewCycle])).toEqual(
      customers.map((c) => [c.id, sent.get(c.id) ?? '']),
    );
  });
});
