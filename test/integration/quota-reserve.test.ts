// The mail quota reserve, pinned at its edge: a run stops with exactly the reserve left, not one email more.
import { fillDueCustomers } from '../fixtures/due-register';
import { teamRegister } from '../helpers/register';
import { fireDaily } from '../helpers/reminders';
import { ADMIN } from '../helpers/users';

test('when another process eats the quota mid-run, sending stops with exactly the reserve (10) left', () => {
  const emu = teamRegister({ now: '2026-11-23T00:00:00Z', mailQuota: 1500 });
  fillDueCustomers(emu, 30, { due: 20, today: '2026-11-23' });
  let sends = 0;
  emu.hooks.beforeCall = (info) => {
    // Before the 5th send, 4 are gone: the day's quota drops so that 11 remain, one above the reserve.
    if (info.method === 'sendEmail' && ++sends === 5) emu.mail.setDailyQuota(4 + 11);
  };
  const report = fireDaily(emu) as { stoppedFor: string };
  expect(report.stoppedFor).toBe('quota');
  expect(emu.outbox).toHaveLength(5);
  expect(emu.mail.remaining(ADMIN)).toBe(10);
});
