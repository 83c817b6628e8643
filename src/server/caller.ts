// The first step of every entry point: who is calling, in which language, and with which role.
import { t } from '../domain/i18n';
import { roleOf, type TeamMember } from '../domain/roles';
import { activeSpreadsheet, type Caller, caller, spreadsheetOwner } from '../gas/session';
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
  const ss = activeSpreadsheet();
  const owner = spreadsheetOwner(ss);
  const team = readTeam(ss);
  return { ...who, ss, owner, team, role: roleOf(who.email, owner, team) };
}
