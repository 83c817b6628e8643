// The menu items of the data check, the dashboard and the backups: the same entry points as the sidebar, the outcome in a dialog.
import { t } from '../domain/i18n';
import { ask, tell } from '../gas/care-dialogs';
import { uiLang } from '../gas/ui';
import { backupNow } from './backups';
import { UserError } from './caller';
import { applyDataFixes, refreshDashboard, runDataCheck } from './care';
import { entryPoint } from './entry';

/** Refusals are shown as they are; a bug is logged with its stack and shown briefly (entryPoint). */
function shown(work: () => string) {
  try {
    tell(entryPoint(work)());
  } catch (e) {
    if (e instanceof UserError) tell(e.message);
    else throw e;
  }
}

/** Runs the check, then offers its safe fixes as one action: nothing is changed unless the person says yes. */
export function menuRunDataCheck() {
  shown(() => {
    const report = runDataCheck();
    if (!report.safe || !ask(report.message, t(uiLang(), 'careFixesAsk', { count: report.safe })))
      return report.message;
    return applyDataFixes().message;
  });
}

export function menuRefreshDashboard() {
  shown(() => refreshDashboard().message);
}

export function menuBackupNow() {
  shown(() => backupNow().message);
}
