// Role checks for actions, with the refusal the user reads naming the roles that may.
import type { Role } from '../schema';
import { type Lang, roleList, t } from './i18n';

/** The refusal message when `role` may not do `action`, or null when it may. */
export function actionRefusal(
  role: Role,
  allowed: readonly Role[],
  lang: Lang,
  action: string,
): string | null {
  return allowed.includes(role)
    ? null
    : t(lang, 'actionNotAllowed', { roles: roleList(lang, allowed), action });
}
