// Who the preview lets you act as: the spreadsheet's owner and the people on the Team sheet who can open the file.
import type { Emulator } from '../emulator/src';
import { recordTypes } from '../src/schema';
import { fieldColumns } from './columns';
import type { Person } from './wire';

/** Owner first, then the Team sheet in its order; the add-on decides what each may do, not the preview. */
export function people(emu: Emulator): Person[] {
  const model = emu.spreadsheet;
  const owner = model.owner.toLowerCase();
  const out: Person[] = [{ email: owner, name: '', role: 'Admin' }];
  const sheet = recordTypes.team.sheetName;
  if (!model.sheetNames().includes(sheet)) return out;
  const col = fieldColumns(model.state, sheet);
  const cell = (row: unknown[], key: string) => (col[key] ? String(row[col[key] - 1] ?? '').trim() : '');
  for (const row of model.values(sheet).slice(1)) {
    const email = cell(row, 'email').toLowerCase();
    if (!email) continue;
    const known = out.find((p) => p.email === email);
    if (known) known.name ||= cell(row, 'name');
    else if (model.canViewFile(email)) out.push({ email, name: cell(row, 'name'), role: cell(row, 'role') });
  }
  return out;
}

export function findPerson(emu: Emulator, email: unknown): Person | undefined {
  return typeof email === 'string' ? people(emu).find((p) => p.email === email.toLowerCase()) : undefined;
}
