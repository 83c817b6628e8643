// Data check (Admins and Managers: run it, apply its safe fixes) and dashboard (staff: refresh it) entry points.
import type { CheckEnv } from '../domain/care/data-check';
import { leftOf, mayStep } from '../domain/care/schedule';
import { type Lang, t } from '../domain/i18n';
import type { TeamMember } from '../domain/roles';
import { timed } from '../gas/care-state';
import { refreshDashboard as writeDashboard } from '../gas/dashboard';
import { applySafeFixes, type CheckRun, runCheckSteps } from '../gas/data-check';
import { localTime, withDocumentLock } from '../gas/session';
import { readSettings } from '../gas/settings';
import { defaultLists, MANAGERS, STAFF } from '../schema';
import type { DashboardReport, DataCheckReport, SafeFixReport } from '../shared/rpc';
import { actions } from './actions';
import { authorize, type Context } from './context';
import { parseRequest, requests } from './requests';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the check needs to know about the register, from whoever runs it. */
export function checkEnv(
  ss: Spreadsheet,
  o: { lang: CheckEnv['lang']; tz: string; team: readonly TeamMember[]; owner: string | null; now: Date },
): CheckEnv {
  return {
    lists: defaultLists,
    phoneRegion: String(readSettings(ss).defaultPhoneRegion ?? 'CN'),
    lang: o.lang,
    team: o.team,
    owner: o.owner,
    today: localTime(o.now, o.tz).slice(0, 10),
  };
}

const envOf = (c: Context, now: Date) => checkEnv(c.ss, { ...c, lang: c.registerLang, now });

/**
 * Runs the check's steps while they fit in this execution: a small register in one call; a large one resumes
 * the check under way and leaves the rest to the daily run (or to the next call), and says so.
 */
function checkNow(c: Context, now: Date, fresh: boolean): CheckRun | null {
  const startedAt = Date.now();
  return runCheckSteps(c.ss, envOf(c, now), c.tz, {
    now,
    fresh,
    mayGoOn: (expectedMs) => mayStep(startedAt, Date.now(), expectedMs),
  });
}

const underWay = (lang: Lang, run: CheckRun | null) =>
  t(lang, 'careCheckContinues', { records: run?.checked ?? 0, findings: run?.findings ?? 0 });

export function runDataCheck(req?: unknown): DataCheckReport {
  const c = authorize(MANAGERS, actions.runDataCheck);
  parseRequest(requests.runDataCheck, req ?? {}, c.lang);
  const run = checkNow(c, new Date(), false);
  const done = run?.done ?? false;
  return {
    done,
    findings: run?.findings ?? 0,
    // Fixes are offered once the whole register has been checked.
    safe: done ? (run?.safe ?? 0) : 0,
    scores: (run?.scores ?? []).map((s) => ({
      sheet: s.sheet,
      score: s.score,
      before: run?.before?.[s.sheet] ?? null,
    })),
    message: done
      ? t(c.lang, 'careCheckDone', { findings: run?.findings ?? 0, safe: run?.safe ?? 0 })
      : underWay(c.lang, run),
  };
}

/** Applies the safe fixes the check finds at this moment, under the lock, audited; then checks again. */
export function applyDataFixes(req?: unknown): SafeFixReport {
  const c = authorize(MANAGERS, actions.runDataCheck);
  parseRequest(requests.applyDataFixes, req ?? {}, c.lang);
  const now = new Date();
  const fixed = withDocumentLock(() =>
    applySafeFixes(c.ss, envOf(c, now), c.tz, { email: c.email, lang: c.lang, now }),
  );
  const again = fixed.cells ? checkNow(c, now, true) : null;
  const message = fixed.cells
    ? t(c.lang, 'careFixesDone', { count: fixed.cells, records: fixed.records })
    : t(c.lang, 'careFixesNone');
  return { ...fixed, message: again && !again.done ? `${message} ${underWay(c.lang, again)}` : message };
}

/** Staff may refresh the Dashboard on demand; the daily run refreshes it too. */
export function refreshDashboard(req?: unknown): DashboardReport {
  const now = new Date();
  const c = authorize(STAFF, actions.refreshDashboard);
  parseRequest(requests.refreshDashboard, req ?? {}, c.lang);
  timed('dashboard', leftOf(now.getTime(), Date.now()), () =>
    writeDashboard(c.ss, { lang: c.registerLang, tz: c.tz, now }),
  );
  return { refreshedAt: localTime(now, c.tz), message: t(c.lang, 'careDashboardDone') };
}
