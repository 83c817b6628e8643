// The "Set up register" entry point: Admin only (on the first run, the spreadsheet's owner), under the document lock.

import { t } from '../domain/i18n';
import { actionRefusal } from '../domain/permissions';
import { withDocumentLock } from '../gas/session';
import { applyRegister, planRegister, type SetupReport } from '../gas/setup';
import { identify, UserError } from './caller';

export function setUpRegister(): SetupReport {
  const me = identify();
  const refusal = actionRefusal(me.role, ['Admin'], me.lang, t(me.lang, 'setUpAction'));
  if (refusal) throw new UserError(refusal);
  return withDocumentLock(() => {
    const plan = planRegister(me.ss);
    const foreign = plan.refusals[0];
    if (foreign) {
      const headers = [...foreign.unknownHeaders, ...foreign.duplicateHeaders].join(', ');
      throw new UserError(t(me.lang, 'foreignSheet', { sheet: foreign.sheet, headers }));
    }
    return applyRegister(me.ss, plan, { owner: me.owner ?? me.email, requested: me.lang });
  });
}
