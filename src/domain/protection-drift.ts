// Compares the protections found in the workbook with the plan: what drifted, and the fewest changes that repair it.
import { type Lang, t } from './i18n';
import { type PlannedProtection, PROTECTION_PREFIX, type SheetColumns } from './protection-plan';

/** One protection as the adapter read it; only ours (by description prefix) are passed in. */
export interface FoundProtection {
  /** The adapter's handle on it: the index in the order it read them. */
  ref: number;
  sheet: string;
  type: 'SHEET' | 'RANGE';
  description: string;
  /** RANGE only, 1-based and inclusive, Infinity where open-ended (`C2:D`, `1:1`); 0 for a SHEET protection. */
  row: number;
  lastRow: number;
  first: number;
  last: number;
  warningOnly: boolean;
  /** Lower-case emails as getEditors() lists them. */
  editors: string[];
}

export type Drift =
  | { kind: 'missing'; sheet: string; what: string }
  | { kind: 'uncovered'; sheet: string; what: string; fields: string[] }
  | { kind: 'range'; sheet: string; what: string }
  | { kind: 'editorAdded'; sheet: string; what: string; user: string }
  | { kind: 'editorMissing'; sheet: string; what: string; user: string }
  | { kind: 'warningOnly'; sheet: string; what: string; now: boolean }
  | { kind: 'description'; sheet: string; what: string }
  | { kind: 'extra'; sheet: string; description: string };

export interface Repair {
  /** Protections to create from scratch. */
  create: PlannedProtection[];
  /** Protections to fix in place: description, warning-only and editors set again. */
  update: { ref: number; planned: PlannedProtection }[];
  /** Ours that no longer fit (duplicates, stale, or covering the wrong cells). */
  remove: number[];
}

export function isOurs(description: string): boolean {
  return description.startsWith(PROTECTION_PREFIX);
}

/** The plan key a found protection stands for: by its sheet and where it starts, read through the column map. */
function foundKey(
  f: FoundProtection,
  recordTypeOf: Readonly<Record<string, string>>,
  columns: SheetColumns,
): string {
  const rt = recordTypeOf[f.sheet] ?? f.sheet;
  if (f.type === 'SHEET') return `${rt}/sheet`;
  if (f.row === 1 && f.lastRow === 1) return `${rt}/header`;
  const cols = columns[f.sheet] ?? {};
  const field = Object.keys(cols).find((k) => cols[k] === f.first);
  return `${rt}/${field ?? `@${f.first}`}`;
}

function rangeHolds(p: PlannedProtection, f: FoundProtection): boolean {
  if (p.area === 'sheet') return f.type === 'SHEET';
  if (f.type !== 'RANGE') return false;
  // Open-ended only: a bounded range stops covering the rows and columns people add past the sheet's end.
  if (p.area === 'header')
    return f.row === 1 && f.lastRow === 1 && f.first === 1 && f.last === Number.POSITIVE_INFINITY;
  return f.row === 2 && f.lastRow === Number.POSITIVE_INFINITY && f.first === p.first && f.last === p.last;
}

/**
 * Drift and repair. The owner is ignored when comparing editors: Google keeps the owner on every
 * protection whatever the script asks, and lists it inconsistently.
 */
export function compareProtections(
  planned: readonly PlannedProtection[],
  found: readonly FoundProtection[],
  columns: SheetColumns,
  owner: string | null,
): { drift: Drift[]; repair: Repair } {
  const recordTypeOf: Record<string, string> = {};
  for (const p of planned) recordTypeOf[p.sheet] = p.recordType;
  const drift: Drift[] = [];
  const repair: Repair = { create: [], update: [], remove: [] };
  const used = new Set<number>();
  const ownerEmail = (owner ?? '').toLowerCase();

  for (const p of planned) {
    const twins = found.filter((f) => !used.has(f.ref) && foundKey(f, recordTypeOf, columns) === p.key);
    const where = { sheet: p.sheet, what: p.what };
    if (!twins.length) {
      drift.push({ kind: 'missing', ...where });
      repair.create.push(p);
      continue;
    }
    // Of several candidates, keep the one whose cells are right; the rest are duplicates.
    const t = twins.find((f) => rangeHolds(p, f)) ?? twins[0];
    used.add(t.ref);
    if (!rangeHolds(p, t)) {
      const open =
        p.area === 'columns' ? p.fields.filter((_, i) => p.first + i < t.first || p.first + i > t.last) : [];
      drift.push(open.length ? { kind: 'uncovered', ...where, fields: open } : { kind: 'range', ...where });
      repair.remove.push(t.ref);
      repair.create.push(p);
      continue;
    }
    let changed = false;
    if (t.warningOnly !== p.warningOnly) {
      drift.push({ kind: 'warningOnly', ...where, now: t.warningOnly });
      changed = true;
    }
    if (!p.warningOnly) {
      const has = new Set(t.editors.filter((e) => e !== ownerEmail));
      const wants = new Set(p.editors.filter((e) => e !== ownerEmail));
      for (const user of has) if (!wants.has(user)) drift.push({ kind: 'editorAdded', ...where, user });
      for (const user of wants) if (!has.has(user)) drift.push({ kind: 'editorMissing', ...where, user });
      changed ||= has.size !== wants.size || [...has].some((u) => !wants.has(u));
    }
    if (t.description !== p.description) {
      drift.push({ kind: 'description', ...where });
      changed = true;
    }
    if (changed) repair.update.push({ ref: t.ref, planned: p });
  }
  for (const f of found) {
    if (used.has(f.ref)) continue;
    drift.push({ kind: 'extra', sheet: f.sheet, description: f.description });
    repair.remove.push(f.ref);
  }
  return { drift, repair };
}

/** One line of the Check protections report, in the reader's language; `label` names a field of a sheet. */
export function driftMessage(d: Drift, lang: Lang, label: (sheet: string, field: string) => string): string {
  switch (d.kind) {
    case 'missing':
      return t(lang, 'driftMissing', d);
    case 'uncovered':
      return t(lang, 'driftUncovered', {
        ...d,
        fields: d.fields.map((f) => label(d.sheet, f)).join(t(lang, 'listSeparator')),
      });
    case 'range':
      return t(lang, 'driftRange', d);
    case 'editorAdded':
      return t(lang, 'driftEditorAdded', d);
    case 'editorMissing':
      return t(lang, 'driftEditorMissing', d);
    case 'warningOnly':
      return t(lang, d.now ? 'driftWarningOnly' : 'driftNotWarningOnly', { sheet: d.sheet, what: d.what });
    case 'description':
      return t(lang, 'driftDescription', d);
    case 'extra':
      return t(lang, 'driftExtra', d);
  }
}
