// The protections a register needs, derived from each field's `editableBy` and the Team: plain data the adapter applies.
import { ADMIN_ONLY, type RecordType, type Role, roleLabels } from '../schema';
import type { Lang } from './i18n';
import type { TeamMember } from './roles';

/** Every description starts with this: it is how an admin, and Check protections, recognise ours. */
export const PROTECTION_PREFIX = 'Customer Register · ';

/**
 * How a sheet is protected, from its fields: all add-on-only (Audit, Reminder log) → the sheet warns and
 * the edit guard reverts; all Admin-only or add-on-only (Team, Settings, Lists) → the whole sheet for
 * Admins; anything else (the records) → the header row for Admins plus one protection per run of columns.
 */
type SheetKind = 'log' | 'admin' | 'records';

export function sheetKind(rt: RecordType): SheetKind {
  if (rt.fields.every((f) => f.system === true)) return 'log';
  if (rt.fields.every((f) => f.system === true || f.editableBy.every((r) => ADMIN_ONLY.includes(r))))
    return 'admin';
  return 'records';
}

export interface PlannedProtection {
  /** Stable identity: `recordType/sheet`, `recordType/header`, or `recordType/<first field of the run>`. */
  key: string;
  recordType: string;
  sheet: string;
  /** 'sheet': the whole sheet; 'header': row 1, every column; 'columns': `first..last`, row 2 to the end. */
  area: 'sheet' | 'header' | 'columns';
  first: number;
  last: number;
  fields: string[];
  /** Who may edit by hand; empty for add-on-only areas, which are warning-only and guarded. */
  roles: readonly Role[];
  warningOnly: boolean;
  /** Lower-case emails set explicitly (owner included); empty for warning-only protections. */
  editors: string[];
  /** The area in words, in the register's language, for descriptions and drift reports. */
  what: string;
  description: string;
}

/** Where each field's column is, per sheet name (1-based), as setup recorded it. */
export type SheetColumns = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** The owner and every active team member holding one of `roles`: lower-case, sorted, no repeats. */
export function editorsFor(
  roles: readonly Role[],
  team: readonly TeamMember[],
  owner: string | null,
): string[] {
  const out = new Set<string>();
  if (owner) out.add(owner.trim().toLowerCase());
  for (const m of team) if (m.active && roles.includes(m.role)) out.add(m.email);
  return [...out].sort();
}

/** Fields a role may not write by hand and the add-on does not write for it: a row it appends must leave them alone. */
export function fieldsClosedTo(rt: RecordType, role: Role): string[] {
  return rt.fields.filter((f) => f.system !== true && !f.editableBy.includes(role)).map((f) => f.key);
}

const words = {
  en: {
    header: 'header row',
    sheet: 'whole sheet',
    addOn: 'add-on only (hand edits are reverted)',
    sep: ', ',
  },
  zh: { header: '表头行', sheet: '整张工作表', addOn: '仅插件写入（手工修改会被撤销）', sep: '、' },
} as const;

function areaText(rt: RecordType, area: PlannedProtection['area'], fields: string[], lang: Lang): string {
  const w = words[lang];
  const labels = fields.map((k) => rt.fields.find((f) => f.key === k)?.labels[lang] ?? k);
  return area === 'header'
    ? w.header
    : area === 'sheet'
      ? w.sheet
      : labels.length > 3
        ? `${labels[0]} … ${labels[labels.length - 1]} (${labels.length})`
        : labels.join(w.sep);
}

function describe(sheet: string, what: string, roles: readonly Role[], lang: Lang): string {
  const w = words[lang];
  const who = roles.length ? roles.map((r) => roleLabels[r][lang]).join(w.sep) : w.addOn;
  return `${PROTECTION_PREFIX}${sheet} · ${what} — ${who}`;
}

function roleKey(field: { system?: true; editableBy: readonly Role[] }): string {
  return field.system === true ? 'system' : [...field.editableBy].sort().join('+');
}

/**
 * The protections for every sheet present in `columns`. Runs are built from where the columns are now,
 * so a moved column or an admin's own column in between splits a run instead of being swallowed by it.
 */
export function planProtections(
  recordTypes: readonly RecordType[],
  columns: SheetColumns,
  team: readonly TeamMember[],
  owner: string | null,
  lang: Lang,
): PlannedProtection[] {
  const admins = editorsFor(ADMIN_ONLY, team, owner);
  const out: PlannedProtection[] = [];
  for (const rt of recordTypes) {
    const cols = columns[rt.sheetName];
    if (!cols) continue;
    const base = { recordType: rt.key, sheet: rt.sheetName };
    const kind = sheetKind(rt);
    const text = (area: PlannedProtection['area'], fields: string[], roles: readonly Role[]) => {
      const what = areaText(rt, area, fields, lang);
      return { what, description: describe(rt.sheetName, what, roles, lang) };
    };
    const whole = (roles: readonly Role[], warningOnly: boolean): PlannedProtection => ({
      ...base,
      key: `${rt.key}/sheet`,
      area: 'sheet',
      first: 1,
      last: 0,
      fields: rt.fields.map((f) => f.key),
      roles,
      warningOnly,
      editors: warningOnly ? [] : admins,
      ...text('sheet', [], roles),
    });
    if (kind === 'admin') {
      out.push(whole(ADMIN_ONLY, false));
      continue;
    }
    out.push({
      ...base,
      key: `${rt.key}/header`,
      area: 'header',
      first: 1,
      last: 0,
      fields: [],
      roles: ADMIN_ONLY,
      warningOnly: false,
      editors: admins,
      ...text('header', [], ADMIN_ONLY),
    });
    if (kind === 'log') {
      out.push(whole([], true));
      continue;
    }
    const placed = rt.fields
      .filter((f) => cols[f.key] !== undefined)
      .map((f) => ({ f, col: cols[f.key] }))
      .sort((a, b) => a.col - b.col);
    let i = 0;
    while (i < placed.length) {
      let j = i;
      const k = roleKey(placed[i].f);
      while (
        j + 1 < placed.length &&
        placed[j + 1].col === placed[j].col + 1 &&
        roleKey(placed[j + 1].f) === k
      )
        j++;
      const run = placed.slice(i, j + 1);
      const system = run[0].f.system === true;
      const roles = system ? [] : run[0].f.editableBy;
      const fields = run.map((x) => x.f.key);
      out.push({
        ...base,
        key: `${rt.key}/${fields[0]}`,
        area: 'columns',
        first: run[0].col,
        last: run[run.length - 1].col,
        fields,
        roles,
        warningOnly: system,
        editors: system ? [] : editorsFor(roles, team, owner),
        ...text('columns', fields, roles),
      });
      i = j + 1;
    }
  }
  return out;
}

/** The add-on-only columns of a records sheet, and whether a whole sheet is add-on-only: what the edit guard watches. */
export function guardedColumns(rt: RecordType, cols: Readonly<Record<string, number>>): 'sheet' | number[] {
  if (sheetKind(rt) === 'log') return 'sheet';
  if (sheetKind(rt) === 'admin') return [];
  return rt.fields.filter((f) => f.system === true && cols[f.key] !== undefined).map((f) => cols[f.key]);
}
