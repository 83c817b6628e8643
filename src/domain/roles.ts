// Who has which role: the spreadsheet owner is always Admin; active Team rows give roles; everyone else is a Viewer.
import { defaultLists, type ListRegistry, type Role } from '../schema';
import { findListItem } from './field-value';

interface TeamRow {
  email: string;
  name: string;
  /** As stored in the sheet: the role's label in either language, or its key. */
  role: string;
  active: boolean | string;
}

export interface TeamMember {
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

const isActive = (v: boolean | string) => v === true || /^(true|yes|是|1)$/i.test(String(v).trim());

/** Team rows as the add-on understands them: email lower-cased, role from its label, unknown roles as Viewer. */
export function teamMembers(rows: readonly TeamRow[], lists: ListRegistry = defaultLists): TeamMember[] {
  const roleList = lists.teamRole;
  return rows
    .filter((r) => String(r.email).trim() !== '')
    .map((r) => {
      const item = roleList ? findListItem(roleList, String(r.role)) : undefined;
      return {
        email: String(r.email).trim().toLowerCase(),
        name: String(r.name ?? '').trim(),
        role: (item?.key as Role | undefined) ?? 'Viewer',
        active: isActive(r.active),
      };
    });
}

export function roleOf(email: string, owner: string | null, team: readonly TeamMember[]): Role {
  const who = email.trim().toLowerCase();
  if (!who) return 'Viewer';
  if (owner && who === owner.trim().toLowerCase()) return 'Admin';
  const member = team.find((m) => m.email === who && m.active);
  return member?.role ?? 'Viewer';
}
