// ScriptApp: the trigger registry (time-driven and spreadsheet triggers, 20 per user) and the enums scripts compare against.
import { limits, messages } from '../behaviour';
import type { Exec } from '../exec';
import { fromWallTime, wallTime } from '../spreadsheet/timezone';
import { requireFullAuth, scopes } from './auth';

export type TriggerEvent = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export type Schedule =
  | { kind: 'interval'; everyMs: number }
  | { kind: 'days'; days: number; hour: number; minute: number; timeZone: string }
  | { kind: 'weeks'; weeks: number; weekDay: number; hour: number; minute: number; timeZone: string }
  | { kind: 'once'; at: number };

export interface TriggerRecord {
  id: string;
  handler: string;
  creator: string;
  event: TriggerEvent;
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string;
  schedule?: Schedule;
  nextRun?: number;
  /** One-off triggers stay listed after they fire until the script deletes them. */
  spent?: boolean;
}

export interface TriggerState {
  list: TriggerRecord[];
  nextId: number;
}

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const enumOf = (names: string[]) => Object.fromEntries(names.map((n) => [n, n]));

/** The first run of a schedule strictly after `from`. */
export function nextRunAfter(s: Schedule, from: number): number | undefined {
  if (s.kind === 'once') return s.at > from ? s.at : undefined;
  if (s.kind === 'interval') return from + s.everyMs;
  const z = wallTime(from, s.timeZone);
  for (let d = 0; d < 400; d++) {
    const t = fromWallTime(
      { year: z.year, month: z.month, day: z.day + d, hour: s.hour, minute: s.minute, second: 0 },
      s.timeZone,
    );
    if (t <= from) continue;
    if (s.kind === 'weeks' && wallTime(t, s.timeZone).weekday !== s.weekDay) continue;
    return t;
  }
  return undefined;
}

export function createScriptApp(
  exec: Exec,
  state: TriggerState,
  o: { scriptTimeZone: string; spreadsheetId: string; scriptId: string },
) {
  const view = (t: TriggerRecord) => ({
    getUniqueId: () => t.id,
    getHandlerFunction: () => t.handler,
    getEventType: () => t.event,
    getTriggerSource: () => t.source,
    getTriggerSourceId: () => t.sourceId,
    toString: () => 'Trigger',
  });
  const create = (t: Omit<TriggerRecord, 'id' | 'creator'>) => {
    requireFullAuth(exec, 'ScriptApp', 'newTrigger', scopes.scriptApp);
    exec.charge('ScriptApp', 'TriggerBuilder.create');
    const mine = state.list.filter((x) => x.creator === exec.effectiveUserEmail);
    if (mine.length >= limits.maxTriggersPerUser) exec.fail(messages.tooManyTriggers);
    const rec: TriggerRecord = { ...t, id: String(state.nextId++), creator: exec.effectiveUserEmail };
    if (rec.schedule) rec.nextRun = nextRunAfter(rec.schedule, exec.now());
    state.list.push(rec);
    return view(rec);
  };
  const newTrigger = (handler: string) => ({
    timeBased() {
      let schedule: Schedule | undefined;
      let hour = 0;
      let minute = 0;
      let tz = o.scriptTimeZone;
      let weekDay: number | undefined;
      let every: { unit: 'days' | 'weeks'; n: number } | undefined;
      const b = {
        everyMinutes(n: number) {
          if (![1, 5, 10, 15, 30].includes(n)) exec.fail('The number of minutes must be 1, 5, 10, 15 or 30.');
          schedule = { kind: 'interval', everyMs: n * 60000 };
          return b;
        },
        everyHours(n: number) {
          schedule = { kind: 'interval', everyMs: n * 3600000 };
          return b;
        },
        everyDays(n: number) {
          every = { unit: 'days', n };
          return b;
        },
        everyWeeks(n: number) {
          every = { unit: 'weeks', n };
          return b;
        },
        atHour(h: number) {
          hour = h;
          return b;
        },
        nearMinute(m: number) {
          minute = m;
          return b;
        },
        onWeekDay(d: string) {
          weekDay = WEEKDAYS.indexOf(String(d));
          every ??= { unit: 'weeks', n: 1 };
          return b;
        },
        inTimezone(zone: string) {
          tz = zone;
          return b;
        },
        after(ms: number) {
          schedule = { kind: 'once', at: exec.now() + ms };
          return b;
        },
        at(date: Date) {
          schedule = { kind: 'once', at: date.getTime() };
          return b;
        },
        create() {
          if (every?.unit === 'days') schedule = { kind: 'days', days: every.n, hour, minute, timeZone: tz };
          if (every?.unit === 'weeks')
            schedule = { kind: 'weeks', weeks: every.n, weekDay: weekDay ?? 1, hour, minute, timeZone: tz };
          if (!schedule) exec.fail('Missing schedule for the time-based trigger.');
          return create({ handler, event: 'CLOCK', source: 'CLOCK', sourceId: '', schedule });
        },
      };
      return b;
    },
    forSpreadsheet(_ss: unknown) {
      let event: TriggerEvent | undefined;
      const on = (e: TriggerEvent) => () => {
        event = e;
        return b;
      };
      const b = {
        onOpen: on('ON_OPEN'),
        onEdit: on('ON_EDIT'),
        onChange: on('ON_CHANGE'),
        onFormSubmit: on('ON_FORM_SUBMIT'),
        create() {
          if (!event) exec.fail('Missing event type for the spreadsheet trigger.');
          return create({ handler, event, source: 'SPREADSHEETS', sourceId: o.spreadsheetId });
        },
      };
      return b;
    },
  });
  const own = () => state.list.filter((t) => t.creator === exec.effectiveUserEmail);
  return {
    AuthMode: enumOf(['NONE', 'LIMITED', 'FULL', 'CUSTOM_FUNCTION']),
    EventType: enumOf(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_CHANGE', 'ON_FORM_SUBMIT', 'ON_EVENT_UPDATED']),
    TriggerSource: enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']),
    WeekDay: enumOf(WEEKDAYS),
    newTrigger,
    getProjectTriggers() {
      requireFullAuth(exec, 'ScriptApp', 'getProjectTriggers', scopes.scriptApp);
      exec.charge('ScriptApp', 'getProjectTriggers');
      return own().map(view);
    },
    getUserTriggers(_ss: unknown) {
      requireFullAuth(exec, 'ScriptApp', 'getUserTriggers', scopes.scriptApp);
      exec.charge('ScriptApp', 'getUserTriggers');
      return own()
        .filter((t) => t.source === 'SPREADSHEETS')
        .map(view);
    },
    deleteTrigger(t: { getUniqueId(): string }) {
      requireFullAuth(exec, 'ScriptApp', 'deleteTrigger', scopes.scriptApp);
      exec.charge('ScriptApp', 'deleteTrigger');
      const i = state.list.findIndex(
        (x) => x.id === t.getUniqueId() && x.creator === exec.effectiveUserEmail,
      );
      if (i >= 0) state.list.splice(i, 1);
    },
    getScriptId: () => o.scriptId,
    getOAuthToken: () => `emulated-token-${exec.effectiveUserEmail}`,
  };
}
