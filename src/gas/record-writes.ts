// Writes aimed at records by ID: rows found at the moment of writing, only the given fields written, the IDs checked afterwards.
// Interim copy on branch reminders of the batch form; the `integrity` branch owns this module and replaces it on merge.
import { columnRuns } from '../domain/column-runs';
import { columnOf } from './column-map';
import { readColumns } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RecordWrite {
  id: string;
  /** Field key → the cell value to write; no other field of the record is touched. */
  cells: Record<string, unknown>;
}

export interface WriteOutcome {
  id: string;
  /** The row the record is in now; null when no row holds the ID (the record was deleted). */
  row: number | null;
}

const ATTEMPTS = 3;
const idKey = (v: unknown) =>
  String(v ?? '')
    .trim()
    .toLowerCase();

/**
 * Writes several records' fields from one fresh read of the ID column and the written columns: each run
 * of written columns is one block from the first to the last target row, cells between targets written
 * back as they were just read. The ID column is read again afterwards; if rows moved in between, the
 * blocks are written again by ID. A fixed number of calls, whatever the number of records.
 */
export function writeRecords(
  ss: Spreadsheet,
  sheetName: string,
  writes: readonly RecordWrite[],
): WriteOutcome[] {
  if (!writes.length) return [];
  const keys = [...new Set(writes.flatMap((w) => Object.keys(w.cells)))];
  const wanted = new Map(writes.map((w) => [idKey(w.id), w]));
  const read = readColumns(ss, sheetName, ['id', ...keys], 3);
  const sheet = ss.getSheetByName(sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
  const map = read.map;
  const byId = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < read.count; i++) {
    const id = idKey(read.values.id[i]);
    if (!id || byId.has(id)) continue;
    const cells = Object.fromEntries(keys.map((k) => [k, read.values[k][i]]));
    byId.set(id, { ...cells, ...(wanted.get(id)?.cells ?? {}) });
  }
  let ids = read.values.id.slice(0, read.count);
  // Rows already written: after a move, every one of them is written again by ID, targets or not.
  let written: { from: number; to: number } | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const rows = ids.flatMap((v, i) => (wanted.has(idKey(v)) ? [i] : []));
    if (!rows.length) break;
    const from = Math.min(...rows, written?.from ?? Infinity);
    const to = Math.max(...rows, written?.to ?? -1);
    written = { from, to };
    for (const run of columnRuns(
      keys.map((k) => columnOf(map, k)),
      keys.length,
    )) {
      const block = [];
      for (let i = from; i <= to; i++) {
        const cells = byId.get(idKey(ids[i]));
        const line = [];
        // A row without an ID keeps what was just read there, while nothing has moved.
        for (let c = run.first; c <= run.last; c++) {
          const k = map.keys[c - 1];
          line.push(cells ? cells[k] : attempt === 0 ? read.values[k][i] : '');
        }
        block.push(line);
      }
      sheet.getRange(from + 2, run.first, block.length, run.last - run.first + 1).setValues(block);
    }
    const now = readColumns(ss, sheetName, ['id'], 1);
    const moved = now.values.id.some((v, i) => i >= from && i <= to && idKey(v) !== idKey(ids[i]));
    ids = now.values.id.slice(0, now.count);
    if (!moved) break;
  }
  const rowById = new Map<string, number>();
  ids.forEach((v, i) => {
    if (!rowById.has(idKey(v))) rowById.set(idKey(v), i + 2);
  });
  return writes.map((w) => ({ id: w.id, row: rowById.get(idKey(w.id)) ?? null }));
}
