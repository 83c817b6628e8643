// Wall-clock time in a named time zone, through one cached Intl formatter per zone: the only zone arithmetic of the emulator.

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A wall time with what formatting and schedules also need: milliseconds, weekday (0 = Sunday) and the zone's offset. */
export interface ZonedTime extends WallTime {
  millisecond: number;
  weekday: number;
  offsetMinutes: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function wallTime(ms: number, timeZone: string): ZonedTime {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) p[part.type] = part.value;
  const year = Number(p.year);
  const month = Number(p.month);
  const day = Number(p.day);
  // Some engines print midnight as 24 even with hourCycle h23.
  const hour = Number(p.hour) % 24;
  const minute = Number(p.minute);
  const second = Number(p.second);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(p.weekday),
    offsetMinutes: Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000),
  };
}

/** The instant at which the zone's clocks show this wall time (day or month overflow is normalised). */
export function fromWallTime(w: WallTime, timeZone: string): number {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const first = guess - wallTime(guess, timeZone).offsetMinutes * 60000;
  // A second pass settles instants next to a daylight-saving change.
  return guess - wallTime(first, timeZone).offsetMinutes * 60000;
}

/** A day number (days since the epoch in the zone's calendar), for comparing dates by day. */
export function dayNumber(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  return Math.floor(Date.UTC(w.year, w.month - 1, w.day) / 86400000);
}
