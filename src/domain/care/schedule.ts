// When the register's care jobs are due in the daily run, and whether one may still start in this execution.

const DAY_MS = 24 * 60 * 60 * 1000;
/** Apps Script stops an execution at 6 minutes: a job must end half a minute before, whatever it costs. */
const EXECUTION_MS = 6 * 60 * 1000;
/** A job started in a fresh execution ends by then. */
const END_BY_MS = 5.5 * 60 * 1000;
/**
 * Later in an execution a job, or a step of one, starts only if it ends by 4 minutes, the budget of every
 * execution of the daily run: otherwise it waits for the continuation a minute later, which starts fresh.
 */
const LATE_END_BY_MS = 4 * 60 * 1000;
/**
 * A job's expected length before it has run once here. The longest, a backup of 100,000 customers, is
 * modelled at about 4 minutes (npm run bench): a job that has run starts from what it took last time.
 */
const FIRST_RUN_MS = 2.5 * 60 * 1000;
/** What a job's last run took is a guess for the next one: the register grows, a slow day happens. */
const MARGIN = 1.2;
/**
 * An execution this young is as fresh as any continuation would be: a job that fits a fresh execution starts
 * here whatever it is expected to take, or it would never start at all.
 */
const FRESH_MS = 60 * 1000;
/** A daily trigger fires within its hour, not on the minute: a job is due a few hours early rather than a day late. */
const SLACK_MS = 6 * 60 * 60 * 1000;

export type CareJob = 'dataCheck' | 'dashboard' | 'backup';

export function isDue(lastRun: string | undefined, everyDays: number | null, now: number): boolean {
  if (everyDays === null || everyDays <= 0) return false;
  if (!lastRun) return true;
  const last = Date.parse(lastRun);
  return !Number.isFinite(last) || now - last >= everyDays * DAY_MS - SLACK_MS;
}

/**
 * The longest a job may be expected to take and still be started: what an execution under a minute old always
 * has left. A job known to take longer is never started whole: it would die half-way in every execution.
 */
const FITS_FRESH_MS = END_BY_MS - FRESH_MS;

/** What is left of an execution started at `startedAt`: at least what a job stopped with it had taken. */
export const leftOf = (startedAt: number, now: number) => Math.max(0, EXECUTION_MS - (now - startedAt));

/** Whether a job that took `lastTookMs` (undefined before its first run) ends in a fresh execution. */
export const fitsAnExecution = (lastTookMs?: number) => (lastTookMs ?? FIRST_RUN_MS) <= FITS_FRESH_MS;

/**
 * Whether a job (or a step of one) may still start, judged by what it took the last time it ran (`lastTookMs`,
 * undefined before its first run): in a fresh execution when it fits one, later only when it ends by 4 minutes.
 */
export function mayStart(startedAt: number, now: number, lastTookMs?: number): boolean {
  if (!fitsAnExecution(lastTookMs)) return false;
  const elapsed = now - startedAt;
  return elapsed < FRESH_MS || elapsed + (lastTookMs ?? FIRST_RUN_MS) * MARGIN < LATE_END_BY_MS;
}

/**
 * Whether a step of a job split across executions may start: as a job, except that a step is bounded in
 * cells, so one that once ran long (a slow day) is still started in a fresh execution rather than never.
 */
export function mayStep(startedAt: number, now: number, lastTookMs?: number): boolean {
  return mayStart(startedAt, now, Math.min(lastTookMs ?? FIRST_RUN_MS, FITS_FRESH_MS));
}
