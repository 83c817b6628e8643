// What every data entry point needs after identifying the caller: the register's language, the time zone and the settings.
import type { Lang } from '../domain/i18n';
import { actionRefusal } from '../domain/permissions';
import { type FieldError, validateRecord } from '../domain/validation';
import { readLists } from '../gas/lists';
import { localDate } from '../gas/session';
import { readSettings } from '../gas/settings';
import { recordedLanguage } from '../gas/setup';
import type { RecordType, Role, Settings } from '../schema';
import type { SaveResult } from '../shared/rpc';
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

import { phoneRegion } from '../domain/phone-region';

/** Today in the spreadsheet's time zone, 'yyyy-mm-dd': birth dates and consent may not lie after it. */
export function todayOf(c: Context, now = new Date()): string {
  return localDate(now, c.tz);
}

/**
 * What validating a record needs besides the values: the lists as the Lists sheet has them (one read),
 * today's date and, for records with a phone (given the settings), the region its number is read with.
 * Spread into validateRecord's options.
 */
export function valueEnv(c: Context, phone?: { values: Record<string, unknown>; settings: Settings }) {
  return {
    lists: readLists(c.ss),
    today: todayOf(c),
    ...(phone ? { phoneRegion: phoneRegion(phone.values, phone.settings) } : {}),
  };
}

/** A record without a phone judged for the caller: their language and role, the Lists sheet as it is, today. */
export function validateFor(
  c: Context,
  rt: RecordType,
  values: Record<string, unknown>,
  mode: 'create' | 'update',
) {
  return validateRecord(rt, values, { lang: c.lang, role: c.role, mode, ...valueEnv(c) });
}

/** A saved result tells the caller what was read in a way they may not have meant (validateRecord's notices). */
export function withNotices(result: SaveResult, notices: readonly FieldError[]): SaveResult {
  return result.ok && notices.length ? { ...result, notices: [...notices] } : result;
}
