// The care jobs of the daily run (dashboard daily, data check weekly, backups on the Settings cadence): each starts only with time left, the rest continue in the next execution.

import { partitionBackups } from '../domain/care/backup';
import { type CareJob, fitsAnExecution, isDue, leftOf, mayStart, mayStep } from '../domain/care/schedule';
import { isLang, type Lang } from '../domain/i18n';
import { estimateSnapshotMs } from '../gas/backup';
import { readCareState, timed, writeCareState } from '../gas/care-state';
import { refreshDashboard } from '../gas/dashboard';
import { runCheckSteps } from '../gas/data-check';
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
 * The data check goes in steps of a bounded block of rows, as many as fit, the rest in the next execution.
 * The dashboard and a backup run whole (a backup is one snapshot, read under the lock, never pieced together
 * from reads minutes apart): one that would not end in the time left is left due, and the reminders'
 * continuation trigger brings the run back a minute later, when it starts with a fresh six minutes. A job
 * whose last run took more than a fresh execution has is not started at all: it would die half-way every time.
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
    /** What a whole job would take before it has run once here: without it, a first-run guess. */
    estimate?: () => number;
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
      due: isDue(
        partitionBackups(state.backups ?? [], 1).kept[0]?.at,
        everyDays(readSettings(ss).backupEveryDays),
        Date.now(),
      ),
      run: (now) => backUp(ss, { tz, now }),
      // A first backup of a large register would otherwise start on a guess and die half-way.
      estimate: () => estimateSnapshotMs(ss),
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
    const took = state.took?.[j.job] ?? j.estimate?.();
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
    withDocumentLock(() => timed(j.job, leftOf(startedAt, Date.now()), () => j.run?.(new Date())));
    done.push(j.job);
  }
  return done;
}
