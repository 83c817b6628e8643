// Reads the Team sheet into team members, in one block read.
import { type TeamMember, teamMembers } from '../domain/roles';
import { cachedMap } from './column-map';
import { readColumns } from './table';

export function readTeam(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): TeamMember[] {
  // Before the first setup there is no Team sheet (and no cached map): nobody but the owner has a role.
  if (!cachedMap('Team') && !ss.getSheetByName('Team')) return [];
  const { count, values } = readColumns(ss, 'Team', ['email', 'name', 'role', 'active'], 1);
  const rows = [];
  for (let i = 0; i < count; i++)
    rows.push({
      email: String(values.email[i]),
      name: String(values.name[i]),
      role: String(values.role[i]),
      active: values.active[i] as boolean,
    });
  return teamMembers(rows);
}
