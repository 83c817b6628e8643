// What every data entry point needs after identifying the caller: the register's language, the time zone and the settings.
import type { Lang } from '../domain/i18n';
import { actionRefusal } from '../domain/permissions';
import { readSettings } from '../gas/settings';
import { recordedLanguage } from '../gas/setup';
import type { Role, Settings } from '../schema';
import { type Identified, identify, UserError } from './caller';

export interface Context extends Identified {
  registerLang: Lang;
  tz: string;
}

/** Who is calling and may they: the first two steps of every entry point, before any argument is parsed. */
export function authorize(allowed: readonly Role[], action: { en: string; zh: string }): Context {
  const me = identify();
  const refusal = actionRefusal(me.role, allowed, me.lang, action[me.lang]);
  if (refusal) throw new UserError(refusal);
  const registerLang = recordedLanguage() ?? me.lang;
  return { ...me, registerLang, tz: me.ss.getSpreadsheetTimeZone() };
}

export function settingsOf(c: Context): Settings {
  return readSettings(c.ss);
}

// The rule lives in the domain: the edit guard judges hand-typed numbers with it too.
export { phoneRegion } from '../domain/phone-region';
