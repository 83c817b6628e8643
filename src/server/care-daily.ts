// The care jobs of the daily run (dashboard daily, data check weekly, backups on the Settings cadence): each starts only with time left, the rest continue in the next execution.

import { partitionBackups } from '../domain/care/backup';
import { type CareJob, fitsAnExecution, isDue, leftOf, mayStart, mayStep } from '../domain/care/schedule';
import { isLang, type Lang } from '../domain/i18n';
import { runBackupSteps } from '../gas/backup-steps';
import { readCareState, timed, writeCareState } from '../gas/care-state';
import { refreshDashboard } from '../gas/dashboard';
import { runCheckSteps } from '../gas/data-check';
import { scheduleContinuation } from '../gas/reminder-triggers';
import { withDocumentLock } from '../gas/session';
import { readSettings } from '../gas/settings';
import { recordedLanguage } from '../gas/setup';
import { readTeam } from '../gas/team';
import { checkEnv } from './care';

/** A blank Settings cadence means no scheduled backup. */
const everyDays = (v: unknown) => (typeof v === 'number' && v > 0 ? v : null);

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const WEEK = 7;

/**
 * Runs the jobs that are due, after the reminders, in the same execution (never a trigger of their own).
 * The data check and a backup go in steps of a bounded block of rows, as many as fit, the rest in the next
 * execution. The dashboard runs whole: when it would not end in the time left it is left due, and the
 * reminders' continuation trigger brings the run back a minute later, when it starts with a fresh six minutes.
 * A whole job whose last run took more than a fresh execution has is not started at all: it would die half-way
 * every time.
 */
export function careDaily(ss: Spreadsheet, startedAt: number, owner: string | null): CareJob[] {
  const state = readCareState();
  const stored = recordedLanguage();
  const lang: Lang = isLang(stored) ? stored : 'en';
  const tz = ss.getSpreadsheetTimeZone();
  const jobs: {
    job: CareJob;
    due: boolean;
    /** Runs the job, or as much of it as fits; false when some of it is left for the next execution. */
    steps?: (now: Date) => boolean;
    run?: (now: Date) => void;
  }[] = [
    {
      job: 'dataCheck',
      // A check under way is due until its last step.
      due: Boolean(state.check) || isDue(state.checkedAt, WEEK, Date.now()),
      steps: (now) =>
        runCheckSteps(ss, checkEnv(ss, { lang, tz, team: readTeam(ss), owner, now }), tz, {
          now,
          mayGoOn: (expectedMs) => mayStep(startedAt, Date.now(), expectedMs),
        })?.done ?? false,
    },
    {
      job: 'dashboard',
      due: isDue(state.dashboardAt, 1, Date.now()),
      run: (now) => refreshDashboard(ss, { lang, tz, now }),
    },
    {
      job: 'backup',
      // A backup under way is due until its last step.
      due:
        Boolean(state.backup) ||
        isDue(
          partitionBackups(state.backups ?? [], 1).kept[0]?.at,
          everyDays(readSettings(ss).backupEveryDays),
          Date.now(),
        ),
      steps: (now) => {
        const run = runBackupSteps(ss, tz, {
          now,
          mayGoOn: (expectedMs) => mayStep(startedAt, Date.now(), expectedMs),
        });
        // Another admin's backup under way, or one stopped by rows that kept moving: tried again tomorrow.
        return Boolean(run.entry || run.busyBy || run.gaveUp);
      },
    },
  ];
  const done: CareJob[] = [];
  for (const j of jobs) {
    if (!j.due) continue;
    if (j.steps) {
      if (!j.steps(new Date())) {
        scheduleContinuation();
        break;
      }
      done.push(j.job);
      continue;
    }
    const took = state.took?.[j.job];
    if (!fitsAnExecution(took)) {
      console.log(
        `Care job ${j.job} not started: it takes about ${took} ms, more than a fresh execution has.`,
      );
      const job = j.job;
      withDocumentLock(() => writeCareState({ stalled: { ...readCareState().stalled, [job]: took ?? 0 } }));
      continue;
    }
    if (!mayStart(startedAt, Date.now(), took)) {
      scheduleContinuation();
      break;
    }
    timed(j.job, leftOf(startedAt, Date.now()), () => j.run?.(new Date()));
    done.push(j.job);
  }
  return done;
}
