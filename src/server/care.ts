// Data check (Admins and Managers: run it, apply its safe fixes) and dashboard (staff: refresh it) entry points.
import type { CheckEnv } from '../domain/care/data-check';
import { t } from '../domain/i18n';
import type { TeamMember } from '../domain/roles';
import { refreshDashboard as writeDashboard } from '../gas/dashboard';
import { applySafeFixes, runCheck } from '../gas/data-check';
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

export function runDataCheck(req?: unknown): DataCheckReport {
  const c = authorize(MANAGERS, actions.runDataCheck);
  parseRequest(requests.runDataCheck, req ?? {}, c.lang);
  const now = new Date();
  const run = withDocumentLock(() => runCheck(c.ss, envOf(c, now), c.tz, now));
  const safe = run.findings.filter((f) => f.safe).length;
  return {
    findings: run.findings.length,
    safe,
    scores: run.scores.map((s) => ({
      sheet: s.sheet,
      score: s.score,
      before: run.before?.[s.sheet] ?? null,
    })),
    message: t(c.lang, 'careCheckDone', { findings: run.findings.length, safe }),
  };
}

/** Applies the safe fixes the check finds at this moment, under the lock, audited; then re-runs the check. */
export function applyDataFixes(req?: unknown): SafeFixReport {
  const c = authorize(MANAGERS, actions.runDataCheck);
  parseRequest(requests.applyDataFixes, req ?? {}, c.lang);
  const now = new Date();
  return withDocumentLock(() => {
    const env = envOf(c, now);
    const fixed = applySafeFixes(c.ss, env, c.tz, { email: c.email, lang: c.lang, now });
    if (fixed.cells) runCheck(c.ss, env, c.tz, now);
    return {
      ...fixed,
      message: fixed.cells
        ? t(c.lang, 'careFixesDone', { count: fixed.cells, records: fixed.records })
        : t(c.lang, 'careFixesNone'),
    };
  });
}

/** Staff may refresh the Dashboard on demand; the daily run refreshes it too. */
export function refreshDashboard(req?: unknown): DashboardReport {
  const c = authorize(STAFF, actions.refreshDashboard);
  parseRequest(requests.refreshDashboard, req ?? {}, c.lang);
  const now = new Date();
  withDocumentLock(() => writeDashboard(c.ss, { lang: c.registerLang, tz: c.tz, now }));
  return { refreshedAt: localTime(now, c.tz), message: t(c.lang, 'careDashboardDone') };
}
