// The daily reminder trigger fired as Apps Script fires it: a direct call of the handler does nothing.
import type { Emulator } from '../../emulator/src';
import { ADMIN } from './users';

/** Runs the daily trigger now: its handler, as its creator, with its own trigger ID (turned on by the Admin first if off). */
export function fireDaily(emu: Emulator): unknown {
  let daily = emu.triggers().find((t) => t.handler === 'runReminders');
  if (!daily) {
    emu.run(ADMIN, 'turnRemindersOn');
    daily = emu.triggers().find((t) => t.handler === 'runReminders');
  }
  return emu.run(daily?.creator as string, 'runReminders', { triggerUid: daily?.id });
}
