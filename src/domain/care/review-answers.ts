// How review cycles were answered (confirmed by link, confirmed by staff, corrected, no answer), per month of the review due date, from Reminder log entries.
import type { LogEntry } from '../reminders';
import { addMonths } from '../reminders/civil-date';

/** Answers per cycle month ('yyyy-mm'): confirmed by link, confirmed by staff, corrected. */
export type AnswerTally = Record<string, [link: number, staff: number, corrected: number]>;

/** Months of tally kept: the dashboard shows six, the rest is margin for a late archive. */
const KEPT_MONTHS = 12;
const SHOWN_CYCLES = 6;

const cycleMonth = (cycle: string) => (/^\d{4}-\d{2}-\d{2}$/.test(cycle) ? cycle.slice(0, 7) : null);

/**
 * Which column a log entry answers: a customer's link logs a confirmation with no detail, staff marking it
 * confirmed log how they heard (phone, in person, reply), and a correction sent through the link logs
 * `changeRequested`. Every other entry (a reminder sent or skipped) answers nothing.
 */
function answerOf(e: LogEntry): 0 | 1 | 2 | null {
  if (e.kind !== 'customerReview') return null;
  if (e.outcome === 'changeRequested') return 2;
  if (e.outcome === 'confirmed') return e.detail ? 1 : 0;
  return null;
}

/** The entries that answer a review cycle. */
export function answersIn(entries: readonly LogEntry[]): LogEntry[] {
  return entries.filter((e) => answerOf(e) !== null);
}

/**
 * Adds the answers among `entries` to `tally` and drops months older than the ones kept. Each log row is
 * added once: the reminder run adds the rows it moves to the archive sheet, the only moment they are seen.
 */
export function addAnswers(tally: AnswerTally, entries: readonly LogEntry[]): AnswerTally {
  const next: AnswerTally = Object.fromEntries(Object.entries(tally).map(([m, n]) => [m, [...n]]));
  for (const e of entries) {
    const column = answerOf(e);
    const month = cycleMonth(e.cycle);
    if (column === null || month === null) continue;
    next[month] ??= [0, 0, 0];
    next[month][column]++;
  }
  const months = Object.keys(next).sort();
  for (const m of months.slice(0, Math.max(0, months.length - KEPT_MONTHS))) delete next[m];
  return next;
}

/**
 * One row per cycle month, the last six ending with this month, oldest first: [month, link, staff, corrected,
 * no answer]. `archived` holds the answers already moved out of the log; `log` is the log as it is now (the
 * current cycles, and rows the next run will archive). A cycle is unanswered when the log holds a reminder
 * sent for it and no answer to it: the log keeps every cycle a customer is still in, so none is missed.
 */
export function answerRows(
  archived: AnswerTally,
  log: readonly LogEntry[],
  today: string,
): [string, number, number, number, number][] {
  const first = `${today.slice(0, 7)}-01`;
  const months = Array.from({ length: SHOWN_CYCLES }, (_, i) =>
    (addMonths(first, i - SHOWN_CYCLES + 1) ?? first).slice(0, 7),
  );
  const counts = addAnswers({}, log);
  const answered = new Set<string>();
  const reminded = new Map<string, string>();
  for (const e of log) {
    const key = `${e.record}\u0000${e.cycle}`;
    if (answerOf(e) !== null) answered.add(key);
    else if (e.kind === 'customerReview' && e.outcome === 'sent' && e.record) reminded.set(key, e.cycle);
  }
  const unanswered = new Map<string, number>();
  for (const [key, cycle] of reminded) {
    const month = cycleMonth(cycle);
    if (month && !answered.has(key)) unanswered.set(month, (unanswered.get(month) ?? 0) + 1);
  }
  return months.map((m) => {
    const a = archived[m] ?? [0, 0, 0];
    const b = counts[m] ?? [0, 0, 0];
    return [m, a[0] + b[0], a[1] + b[1], a[2] + b[2], unanswered.get(m) ?? 0];
  });
}
