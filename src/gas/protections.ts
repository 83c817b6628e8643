// Reads our protections, applies the plan (Google's editor pattern, fixed calls per protection) and keeps the edit guard installed.

import { columnLetter } from '../domain/a1';
import type { Lang } from '../domain/i18n';
import { compareProtections, type Drift, type FoundProtection, isOurs } from '../domain/protection-drift';
import {
  type PlannedProtection,
  planProtections,
  type SheetColumns,
  sheetKind,
} from '../domain/protection-plan';
import { roleOf, type TeamMember } from '../domain/roles';
import { type RecordType, recordTypes } from '../schema';
import { cachedMap, rebuildMap } from './column-map';
import { PROPERTY_KEYS } from './property-keys';
import { rangesAt } from './ranges';
import { effectiveUser } from './session';
import { verifiedMap } from './table';
import { readTeam } from './team';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** The handler name the installable onEdit trigger calls; exported from src/server/index.ts. */
export const GUARD_HANDLER = 'guardEdit';

const REGISTER: readonly RecordType[] = Object.values(recordTypes);

/**
 * The kinds of protection each kind of sheet is given, and so the only ones asked for: records sheets have
 * ranges only, admin sheets a sheet protection only, logs both (their header row and the whole sheet).
 */
const PROTECTION_TYPES = {
  records: ['RANGE'],
  admin: ['SHEET'],
  log: ['SHEET', 'RANGE'],
} as const;

export interface Inspection {
  planned: PlannedProtection[];
  drift: Drift[];
  guard: 'ok' | 'missing';
  repair: ReturnType<typeof compareProtections>['repair'];
  handles: Protection[];
  sheets: Record<string, Sheet>;
  /** Lower-case; '' when unknown. */
  owner: string;
}

/** Which trigger is the guard: its unique ID and creator. A second one (another Admin's) stays idle. */
export interface Guard {
  uid: string;
  by: string;
}

export function recordedGuard(): Guard | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(PROPERTY_KEYS.guard);
  return raw ? (JSON.parse(raw) as Guard) : null;
}

/** Field columns per sheet: the verified map for records sheets; the other kinds are protected whole, so only their presence matters. */
function sheetColumns(ss: Spreadsheet, sheets: Record<string, Sheet>): SheetColumns {
  const out: Record<string, Record<string, number>> = {};
  for (const rt of REGISTER) {
    if (!sheets[rt.sheetName]) continue;
    const map =
      sheetKind(rt) === 'records'
        ? verifiedMap(ss, rt.sheetName, sheets[rt.sheetName])
        : (cachedMap(rt.sheetName) ?? rebuildMap(ss, rt.sheetName));
    const cols: Record<string, number> = {};
    map.keys.forEach((k, i) => {
      if (k) cols[k] = i + 1;
    });
    out[rt.sheetName] = cols;
  }
  return out;
}

/**
 * "C2:D1001" → bounds; "C2:D" and "1:1" are open-ended (Infinity): Sheets keeps those covering rows and
 * columns added after the sheet's end, which a bounded range does not.
 */
function bounds(a1: string) {
  const none = { row: 0, lastRow: 0, first: 0, last: 0 };
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const plain = a1.replace(/\$/g, '');
  const rows = /^(\d+):(\d+)$/.exec(plain);
  if (rows)
    return { row: Number(rows[1]), lastRow: Number(rows[2]), first: 1, last: Number.POSITIVE_INFINITY };
  const m = /^([A-Z]+)(\d*)(?::([A-Z]+)(\d*))?$/.exec(plain);
  if (!m) return none;
  const row = m[2] ? Number(m[2]) : 1;
  const lastRow = m[3] === undefined ? row : m[4] ? Number(m[4]) : Number.POSITIVE_INFINITY;
  return { row, lastRow, first: col(m[1]), last: col(m[3] ?? m[1]) };
}

/**
 * Everything Check protections compares, in a fixed number of calls: three per sheet, up to five per
 * protection of ours, one column-map check per records sheet, one Team read; none per customer.
 */
export function inspectProtections(ss: Spreadsheet, o: { owner: string | null; lang: Lang }): Inspection {
  const sheets: Record<string, Sheet> = {};
  const found: FoundProtection[] = [];
  const handles: Protection[] = [];
  for (const rt of REGISTER) {
    const sheet = ss.getSheetByName(rt.sheetName);
    if (!sheet) continue;
    sheets[rt.sheetName] = sheet;
    for (const type of PROTECTION_TYPES[sheetKind(rt)]) {
      for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType[type])) {
        const description = p.getDescription();
        if (!isOurs(description)) continue;
        const warningOnly = p.isWarningOnly();
        const at =
          type === 'RANGE' ? bounds(p.getRange().getA1Notation()) : { row: 0, lastRow: 0, first: 0, last: 0 };
        found.push({
          ref: handles.length,
          sheet: rt.sheetName,
          type,
          description,
          ...at,
          warningOnly,
          // A warning-only protection's editors mean nothing; not reading them saves a call.
          editors: warningOnly ? [] : p.getEditors().map((u) => u.getEmail().trim().toLowerCase()),
        });
        handles.push(p);
      }
    }
  }
  const team = readTeam(ss);
  const columns = sheetColumns(ss, sheets);
  const planned = planProtections(REGISTER, columns, team, o.owner, o.lang);
  const { drift, repair } = compareProtections(planned, found, columns, o.owner);
  return {
    planned,
    drift,
    repair,
    handles,
    sheets,
    owner: (o.owner ?? '').trim().toLowerCase(),
    guard: guardState(team, o.owner),
  };
}

/**
 * Google's pattern (make yourself an editor, remove everyone else, add the allowed) in the fewest calls with
 * the same outcome: whoever is allowed but not listed is added first, yourself included, so a remover whose
 * access comes through a group never locks themself out; then everyone else is removed. A new protection
 * mirrors the file's sharing until its editors are changed once, so it always gets one explicit change.
 * `current` lists the protection's editors before any change: read from each one being repaired; for new
 * ones, read once from the first (see repairProtections).
 */
function configure(
  p: Protection,
  planned: PlannedProtection,
  o: { me: string; owner: string; fresh: boolean },
  current: () => string[],
  domainEdit: () => boolean,
) {
  p.setDescription(planned.description);
  if (planned.warningOnly) {
    p.setWarningOnly(true);
    return;
  }
  const allowed = new Set([o.me, ...planned.editors].filter((e) => e !== ''));
  const now = current();
  const others = now.filter((e) => !allowed.has(e));
  const missing = [...allowed].filter((e) => e !== o.owner && !now.includes(e));
  if (missing.length || (o.fresh && !others.length)) p.addEditors([...allowed]);
  if (others.length) p.removeEditors(others);
  if (domainEdit()) p.setDomainEdit(false);
}

const emails = (users: GoogleAppsScript.Base.User[]) => users.map((u) => u.getEmail().trim().toLowerCase());

/** Where a new header or column protection goes, open-ended so it covers rows and columns added later. */
function area(planned: PlannedProtection): string {
  return planned.area === 'header' ? '1:1' : `${columnLetter(planned.first)}2:${columnLetter(planned.last)}`;
}

/** Applies the repair an inspection worked out: removals first, so a replaced protection never doubles up. */
export function repairProtections(x: Inspection): number {
  const me = effectiveUser();
  for (const ref of x.repair.remove) x.handles[ref].remove();
  for (const u of x.repair.update) {
    const p = x.handles[u.ref];
    if (!u.planned.warningOnly) p.setWarningOnly(false);
    configure(
      p,
      u.planned,
      { me, owner: x.owner, fresh: false },
      () => emails(p.getEditors()),
      () => p.canDomainEdit(),
    );
  }
  // A new protection mirrors the file's sharing, the same for every one made in this execution: its
  // editors (as the protection lists them, groups included) and domain edit are read from the first only.
  let mirrored: string[] | undefined;
  let freshDomain: boolean | undefined;
  const make = (p: Protection, planned: PlannedProtection) =>
    configure(
      p,
      planned,
      { me, owner: x.owner, fresh: true },
      () => {
        mirrored ??= emails(p.getEditors());
        return mirrored;
      },
      () => {
        freshDomain ??= p.canDomainEdit();
        return freshDomain;
      },
    );
  const bySheet = new Map<string, PlannedProtection[]>();
  for (const p of x.repair.create) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
  for (const [name, planned] of bySheet) {
    const sheet = x.sheets[name];
    for (const p of planned) if (p.area === 'sheet') make(sheet.protect(), p);
    // Asked only of sheets that get a column protection: a one-row sheet has no data rows to protect, and
    // its header protection still applies.
    const short = planned.some((p) => p.area === 'columns') && sheet.getMaxRows() < 2;
    const ranged = planned.filter((p) => p.area === 'header' || (p.area === 'columns' && !short));
    rangesAt(sheet, ranged.map(area)).forEach((range, i) => {
      make(range.protect(), ranged[i]);
    });
  }
  return x.repair.remove.length + x.repair.update.length + x.repair.create.length;
}

/** Our guard is sound when it is recorded and its creator is still an Admin (their triggers run as them). */
function guardState(team: readonly TeamMember[], owner: string | null): 'ok' | 'missing' {
  const g = recordedGuard();
  if (!g) return 'missing';
  if (roleOf(g.by, owner, team) !== 'Admin') return 'missing';
  if (g.by !== effectiveUser()) return 'ok';
  return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === g.uid) ? 'ok' : 'missing';
}

/** Creates the guard as the current Admin; an idle guard of theirs from before is reused, never doubled. */
export function installGuard(ss: Spreadsheet): void {
  const me = effectiveUser();
  const mine = ScriptApp.getProjectTriggers().find((t) => t.getHandlerFunction() === GUARD_HANDLER);
  const trigger = mine ?? ScriptApp.newTrigger(GUARD_HANDLER).forSpreadsheet(ss).onEdit().create();
  PropertiesService.getDocumentProperties().setProperty(
    PROPERTY_KEYS.guard,
    JSON.stringify({ uid: trigger.getUniqueId(), by: me }),
  );
}

/** Inspects and repairs only what drifted: a second run on a sound register changes nothing. */
export function ensureProtections(ss: Spreadsheet, o: { owner: string | null; lang: Lang }) {
  const x = inspectProtections(ss, o);
  const changes = x.drift.length ? repairProtections(x) : 0;
  if (x.guard === 'missing') installGuard(ss);
  return { count: x.planned.length, changes, guardInstalled: x.guard === 'missing', drift: x.drift };
}
