// The clock control's arithmetic: "tomorrow 09:00" and readable local times, in the spreadsheet's time zone.
import { fromWallTime, wallTime } from '../emulator/src/spreadsheet/timezone';
import type { ClockView } from './wire';

const pad = (n: number) => String(n).padStart(2, '0');

/** The next day's `hour`:00 where the spreadsheet is, as epoch ms: when the add-on's morning run is due. */
export function tomorrowAt(now: number, timeZone: string, hour: number): number {
  const w = wallTime(now, timeZone);
  // Day overflow (the 31st + 1) is normalised by Date.UTC inside fromWallTime.
  return fromWallTime({ year: w.year, month: w.month, day: w.day + 1, hour, minute: 0, second: 0 }, timeZone);
}

/** `hour`:00 today where the spreadsheet is: the demo's "now" on the day it is first seeded. */
export function todayAt(now: number, timeZone: string, hour: number): number {
  const w = wallTime(now, timeZone);
  return fromWallTime({ year: w.year, month: w.month, day: w.day, hour, minute: 0, second: 0 }, timeZone);
}

export function clockView(now: number, timeZone: string): ClockView {
  const w = wallTime(now, timeZone);
  return {
    now: new Date(now).toISOString(),
    local: `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`,
    timeZone,
  };
}
