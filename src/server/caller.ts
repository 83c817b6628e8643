// The first step of every entry point: who is calling, in which language, and with which role.
import { t } from '../domain/i18n';
import { roleOf } from '../domain/roles';
import { type Caller, caller, spreadsheetOwner } from '../gas/session';
import { readTeam } from '../gas/team';
import type { Role } from '../schema';

/** A refusal the user should read: its message is already in their language. */
export class UserError extends Error {}

export interface Identified extends Caller {
  role: Role;
  owner: string | null;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

export function identify(): Identified {
  const who = caller();
  if (!who.email) throw new UserError(t(who.lang, 'noIdentity'));
  const ss = SpreadsheetApp.getActive();
  const owner = spreadsheetOwner(ss);
  return { ...who, ss, owner, role: roleOf(who.email, owner, readTeam(ss)) };
}
