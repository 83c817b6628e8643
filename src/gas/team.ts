// Reads the Team sheet into team members, by column keys.
import { type TeamMember, teamMembers } from '../domain/roles';
import { recordTypes } from '../schema';
import { columnKeys } from './metadata';

export function readTeam(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): TeamMember[] {
  const sheet = ss.getSheetByName(recordTypes.team.sheetName);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const keys = columnKeys(sheet);
  const values = sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).getValues();
  const at = (k: string) => keys.indexOf(k);
  return teamMembers(
    values.map((r) => ({
      email: String(r[at('email')] ?? ''),
      name: String(r[at('name')] ?? ''),
      role: String(r[at('role')] ?? ''),
      active: r[at('active')] as boolean,
    })),
  );
}
