// When the register's care jobs are due in the daily run, and whether one may still start in this execution.

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Apps Script stops an execution at 6 minutes. The longest job, the data check at 100,000 customers, is
 * modelled at about 3 minutes 15 seconds (npm run bench): a job starts only while that much is left.
 */
const LAST_START_MS = 2.5 * 60 * 1000;
/** A daily trigger fires within its hour, not on the minute: a job is due a few hours early rather than a day late. */
const SLACK_MS = 6 * 60 * 60 * 1000;

export type CareJob = 'dataCheck' | 'dashboard' | 'backup';

export function isDue(lastRun: string | undefined, everyDays: number | null, now: number): boolean {
  if (everyDays === null || everyDays <= 0) return false;
  if (!lastRun) return true;
  const last = Date.parse(lastRun);
  return !Number.isFinite(last) || now - last >= everyDays * DAY_MS - SLACK_MS;
}

/** Whether a job may still start: it must be able to finish before the execution is stopped. */
export function mayStart(startedAt: number, now: number): boolean {
  return now - startedAt < LAST_START_MS;
}
