// Reads our protections in one Sheets API call, repairs what drifted in one batch, and keeps the edit guard installed.

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
import { effectiveUser } from './session';
import { batchUpdate, readFile, type SheetsRequest } from './sheets-api';
import { verifiedMap } from './table';
import { readTeam } from './team';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The handler name the installable onEdit trigger calls; exported from src/server/index.ts. */
export const GUARD_HANDLER = 'guardEdit';

const REGISTER: readonly RecordType[] = Object.values(recordTypes);

export interface Inspection {
  planned: PlannedProtection[];
  drift: Drift[];
  guard: 'ok' | 'missing';
  repair: ReturnType<typeof compareProtections>['repair'];
  /** The protectedRangeId of each protection found, by its `ref`. */
  ids: number[];
  /** Our sheets that exist: their IDs and row counts. */
  sheets: Record<string, { id: number; maxRows: number }>;
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
function sheetColumns(ss: Spreadsheet, names: readonly string[]): SheetColumns {
  const out: Record<string, Record<string, number>> = {};
  for (const rt of REGISTER) {
    if (!names.includes(rt.sheetName)) continue;
    const map =
      sheetKind(rt) === 'records'
        ? verifiedMap(ss, rt.sheetName)
        : (cachedMap(rt.sheetName) ?? rebuildMap(ss, rt.sheetName));
    const cols: Record<string, number> = {};
    map.keys.forEach((k, i) => {
      if (k) cols[k] = i + 1;
    });
    out[rt.sheetName] = cols;
  }
  return out;
}

type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;

/**
 * A GridRange as 1-based inclusive bounds, Infinity where a side is open (`C2:D`, `1:1`): Sheets keeps those
 * covering rows and columns added after the sheet's end, which a bounded range does not.
 */
function bounds(g: GridRange) {
  const end = (v: number | undefined) => (v === undefined || v === null ? Number.POSITIVE_INFINITY : v);
  return {
    row: (g.startRowIndex ?? 0) + 1,
    lastRow: end(g.endRowIndex),
    first: (g.startColumnIndex ?? 0) + 1,
    last: end(g.endColumnIndex),
  };
}

/** A range with no bounds at all is the API's form of a sheet protection. */
const wholeSheet = (g: GridRange) =>
  [g.startRowIndex, g.endRowIndex, g.startColumnIndex, g.endColumnIndex].every(
    (v) => v === undefined || v === null,
  );

const PROTECTIONS = 'sheets(properties(sheetId,title,gridProperties.rowCount),protectedRanges)';

/**
 * Everything Check protections compares, in a fixed number of calls: one read of every protection of the
 * file (the Sheets API), one column-map check per records sheet, one Team read; none per customer or
 * per protection.
 */
export function inspectProtections(ss: Spreadsheet, o: { owner: string | null; lang: Lang }): Inspection {
  const ours = new Set(REGISTER.map((rt) => rt.sheetName));
  const sheets: Inspection['sheets'] = {};
  const found: FoundProtection[] = [];
  const ids: number[] = [];
  for (const s of readFile(ss, PROTECTIONS).sheets ?? []) {
    const name = String(s.properties?.title);
    if (!ours.has(name)) continue;
    sheets[name] = {
      id: Number(s.properties?.sheetId),
      maxRows: Number(s.properties?.gridProperties?.rowCount ?? 0),
    };
    for (const p of s.protectedRanges ?? []) {
      const description = p.description ?? '';
      if (!isOurs(description)) continue;
      const range = p.range ?? {};
      const type = wholeSheet(range) ? 'SHEET' : 'RANGE';
      found.push({
        ref: ids.length,
        sheet: name,
        type,
        description,
        ...(type === 'RANGE' ? bounds(range) : { row: 0, lastRow: 0, first: 0, last: 0 }),
        warningOnly: p.warningOnly === true,
        editors: p.warningOnly ? [] : (p.editors?.users ?? []).map((u) => u.trim().toLowerCase()),
      });
      ids.push(Number(p.protectedRangeId));
    }
  }
  const team = readTeam(ss);
  const columns = sheetColumns(ss, Object.keys(sheets));
  const planned = planProtections(REGISTER, columns, team, o.owner, o.lang);
  const { drift, repair } = compareProtections(planned, found, columns, o.owner);
  return {
    planned,
    drift,
    repair,
    ids,
    sheets,
    owner: (o.owner ?? '').trim().toLowerCase(),
    guard: guardState(team, o.owner),
  };
}

/**
 * A protection as the API takes it. The editors are its own list, set with it: the allowed people and the
 * person applying it (so a remover whose access comes through a group never locks themself out); everyone
 * else, groups included, is left off, as Google's pattern (add yourself, remove the rest, add the allowed)
 * leaves them. Google keeps the owner able to edit whatever the list says. A warning-only protection has
 * no editors.
 */
function protectedRange(planned: PlannedProtection, me: string) {
  const base = { description: planned.description, warningOnly: planned.warningOnly };
  if (planned.warningOnly) return base;
  const users = [...new Set([me, ...planned.editors].filter((e) => e !== ''))];
  // Editors replaced whole: domain-wide editing is left off (outside a Workspace domain it cannot be set).
  return { ...base, editors: { users } };
}

/** Where a new protection goes: the whole sheet, or open-ended header row or columns that cover rows added later. */
function range(sheetId: number, planned: PlannedProtection): GridRange {
  if (planned.area === 'sheet') return { sheetId };
  if (planned.area === 'header') return { sheetId, startRowIndex: 0, endRowIndex: 1 };
  return { sheetId, startRowIndex: 1, startColumnIndex: planned.first - 1, endColumnIndex: planned.last };
}

/**
 * Applies the repair an inspection worked out in one batch (all of it or, refused, none): removals first,
 * so a replaced protection never doubles up, then fixes in place, then new ones.
 */
export function repairProtections(ss: Spreadsheet, x: Inspection): number {
  const me = effectiveUser();
  const requests: SheetsRequest[] = [];
  for (const ref of x.repair.remove)
    requests.push({ deleteProtectedRange: { protectedRangeId: x.ids[ref] } });
  for (const u of x.repair.update) {
    const pr = protectedRange(u.planned, me);
    requests.push({
      updateProtectedRange: {
        protectedRange: { protectedRangeId: x.ids[u.ref], ...pr },
        fields: Object.keys(pr).join(','),
      },
    });
  }
  for (const p of x.repair.create) {
    const sheet = x.sheets[p.sheet];
    // A one-row sheet has no data rows to protect; its header protection still applies.
    if (!sheet || (p.area === 'columns' && sheet.maxRows < 2)) continue;
    requests.push({
      addProtectedRange: { protectedRange: { range: range(sheet.id, p), ...protectedRange(p, me) } },
    });
  }
  batchUpdate(ss, requests);
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
  const changes = x.drift.length ? repairProtections(ss, x) : 0;
  if (x.guard === 'missing') installGuard(ss);
  return { count: x.planned.length, changes, guardInstalled: x.guard === 'missing', drift: x.drift };
}
