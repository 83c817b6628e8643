// The care jobs of the daily run (dashboard daily, data check weekly, backups on the Settings cadence): each starts only with time left, the rest continue in the next execution.

import { partitionBackups } from '../domain/care/backup';
import { type CareJob, isDue, mayStart } from '../domain/care/schedule';
import { isLang, type Lang } from '../domain/i18n';
import { readCareState, writeCareState } from '../gas/care-state';
import { refreshDashboard } from '../gas/dashboard';
import { runCheck } from '../gas/data-check';
import { scheduleContinuation } from '../gas/reminder-triggers';
import { withDocumentLock } from '../gas/session';
import { readSettings } from '../gas/settings';
import { recordedLanguage } from '../gas/setup';
import { readTeam } from '../gas/team';
import { backUp } from './backups';
import { checkEnv } from './care';

/** A blank Settings cadence means no scheduled backup. */
const everyDays = (v: unknown) => (typeof v === 'number' && v > 0 ? v : null);

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const WEEK = 7;

/**
 * Runs the jobs that are due, after the reminders, in the same execution (never a trigger of their own).
 * Each job runs whole in one execution (a backup is one snapshot, read under the lock, never pieced together
 * from reads minutes apart): one that would not end in the time left is left due, and the reminders'
 * continuation trigger brings the run back a minute later, when it starts with a fresh six minutes.
 */
export function careDaily(ss: Spreadsheet, startedAt: number, owner: string | null): CareJob[] {
  const state = readCareState();
  const stored = recordedLanguage();
  const lang: Lang = isLang(stored) ? stored : 'en';
  const tz = ss.getSpreadsheetTimeZone();
  const jobs: { job: CareJob; last: string | undefined; every: number | null; run: (now: Date) => void }[] = [
    {
      job: 'dataCheck',
      last: state.checkedAt,
      every: WEEK,
      run: (now) => runCheck(ss, checkEnv(ss, { lang, tz, team: readTeam(ss), owner, now }), tz, now),
    },
    {
      job: 'dashboard',
      last: state.dashboardAt,
      every: 1,
      run: (now) => refreshDashboard(ss, { lang, tz, now }),
    },
    {
      job: 'backup',
      last: partitionBackups(state.backups ?? [], 1).kept[0]?.at,
      every: everyDays(readSettings(ss).backupEveryDays),
      run: (now) => backUp(ss, { tz, now }),
    },
  ];
  const done: CareJob[] = [];
  for (const j of jobs) {
    if (!isDue(j.last, j.every, Date.now())) continue;
    if (!mayStart(startedAt, Date.now(), state.took?.[j.job])) {
      scheduleContinuation();
      break;
    }
    const began = Date.now();
    withDocumentLock(() => {
      j.run(new Date());
      // What it took now tells the next run whether it still fits in what is left of an execution.
      writeCareState({ took: { ...readCareState().took, [j.job]: Date.now() - began } });
    });
    done.push(j.job);
  }
  return done;
}
