// The first step of every entry point: who is calling, in which language, and with which role.
import { t } from '../domain/i18n';
import { roleOf, type TeamMember } from '../domain/roles';
import { type Caller, caller, spreadsheetOwner } from '../gas/session';
import { readTeam } from '../gas/team';
import type { Role } from '../schema';

/** A refusal the user should read: its message is already in their language. */
export class UserError extends Error {}

export interface Identified extends Caller {
  role: Role;
  owner: string | null;
  team: TeamMember[];
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

export function identify(): Identified {
  const who = caller();
  if (!who.email) throw new UserError(t(who.lang, 'noIdentity'));
  const ss = SpreadsheetApp.getActive();
  const owner = spreadsheetOwner(ss);
  const team = readTeam(ss);
  return { ...who, ss, owner, team, role: roleOf(who.email, owner, team) };
}

/** The role of an account that is not the caller, e.g. a trigger's creator: the same rule, the real owner first. */
export function roleOfAccount(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, email: string): Role {
  return roleOf(email, spreadsheetOwner(ss), readTeam(ss));
}
