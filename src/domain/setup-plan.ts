// Plans "Set up register" from a snapshot of the workbook: which sheets to create, adopt or upgrade, and what to refuse.
import type { RecordType } from '../schema';
import { fieldKeyForHeader } from './columns';

/** What setup needs to know of one existing sheet, read in a fixed number of calls. */
export interface SheetSnapshot {
  name: string;
  /** The record type key recorded on the sheet by an earlier setup, if any. */
  taggedAs: string | null;
  /** Field key of each column (index 0 = column A), from developer metadata; '' where untagged. */
  columnKeys: string[];
  /** Header row as displayed. */
  headers: string[];
  lastColumn: number;
  maxColumns: number;
}

export type SheetPlan =
  | { recordType: string; action: 'create'; addKeys: string[] }
  | {
      recordType: string;
      action: 'adopt' | 'upgrade';
      /** Columns found by header text that still need their key recorded: column (1-based) and key. */
      tagColumns: { column: number; key: string }[];
      /** Field keys to add as new columns after the last one. */
      addKeys: string[];
      /** Where each field lives after the plan is applied (1-based columns). */
      columns: Record<string, number>;
    };

interface Refusal {
  sheet: string;
  /** Headers that match no field of the record type, in either language. */
  unknownHeaders: string[];
  duplicateHeaders: string[];
}

export interface SetupPlan {
  sheets: SheetPlan[];
  refusals: Refusal[];
}

function planSheet(rt: RecordType, snap: SheetSnapshot | undefined): SheetPlan | Refusal {
  const allKeys = rt.fields.map((f) => f.key);
  if (!snap) return { recordType: rt.key, action: 'create', addKeys: allKeys };
  const columns: Record<string, number> = {};
  const tagColumns: { column: number; key: string }[] = [];
  const unknownHeaders: string[] = [];
  const duplicateHeaders: string[] = [];
  const ours = snap.taggedAs === rt.key;
  for (let i = 0; i < Math.max(snap.lastColumn, snap.columnKeys.length); i++) {
    const tagged = snap.columnKeys[i] ?? '';
    if (tagged && allKeys.includes(tagged)) {
      columns[tagged] = i + 1;
      continue;
    }
    const header = (snap.headers[i] ?? '').trim();
    if (!header) continue;
    const key = fieldKeyForHeader(rt, header);
    // An admin may add columns of their own to a sheet the add-on made: they are kept and left alone.
    if (!key) {
      if (!ours) unknownHeaders.push(header);
      continue;
    }
    if (columns[key] !== undefined) {
      duplicateHeaders.push(header);
      continue;
    }
    columns[key] = i + 1;
    tagColumns.push({ column: i + 1, key });
  }
  // Unknown or duplicate headers are cells of row 1: a sheet that has them is never empty.
  if (!ours && (unknownHeaders.length > 0 || duplicateHeaders.length > 0)) {
    return { sheet: snap.name, unknownHeaders, duplicateHeaders };
  }
  const addKeys = allKeys.filter((k) => columns[k] === undefined);
  let next = Math.max(snap.lastColumn, 0);
  for (const k of addKeys) columns[k] = ++next;
  return { recordType: rt.key, action: ours ? 'upgrade' : 'adopt', tagColumns, addKeys, columns };
}

export function planSetup(
  recordTypes: readonly RecordType[],
  snapshots: readonly SheetSnapshot[],
): SetupPlan {
  const plan: SetupPlan = { sheets: [], refusals: [] };
  for (const rt of recordTypes) {
    const snap = snapshots.find((s) => s.name === rt.sheetName);
    const p = planSheet(rt, snap);
    if ('action' in p) plan.sheets.push(p);
    else plan.refusals.push(p);
  }
  return plan;
}

/** The 1-based column of each field once a sheet plan is applied. */
export function plannedColumns(rt: RecordType, p: SheetPlan): Record<string, number> {
  if (p.action !== 'create') return p.columns;
  return Object.fromEntries(rt.fields.map((f, i) => [f.key, i + 1]));
}
