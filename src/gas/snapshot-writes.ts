// Changed cells written back into rows read moments before under the caller's lock: one write per run of changed rows in each column, the IDs checked afterwards, and a repair by ID when people moved rows in between.
import { fieldIndex } from '../domain/record-codec';
import { rowRuns } from '../domain/row-runs';
import type { RecordType } from '../schema';
import { columnOf } from './column-map';
import { idKey, type RecordWrite, writeRecords } from './record-writes';
import { type Columns, readColumns } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A record's new cells, by its index in the read (sheet row = index + 2). */
export interface RowChange {
  index: number;
  cells: Record<string, unknown>;
}

/**
 * A call costs what about 70 cells carried along cost (3.5 ms against 0.05 ms a cell, emulator/src/costs.ts):
 * changed rows this close in a column go in one write, the rows between written back as they were read.
 */
const NEAR = 64;

const has = (cells: Record<string, unknown> | undefined, k: string) =>
  cells !== undefined && Object.getOwnPropertyDescriptor(cells, k) !== undefined;

/**
 * Writes `changes` into the rows `read` came from, without reading the sheet again first: `read` must hold
 * the ID column and every column written, read under the lock the caller still holds. Each column gets one
 * write per run of nearby changed rows, so a column that changed everywhere is one write and a few scattered
 * changes are a few small ones. The rows carried between changes go back as read, except in a column people
 * may edit (the lock does not stop a hand edit): such columns are written last, each read again just before,
 * so a tick a manager set by hand while the caller computed, on a row carried along, stays. The ID column is
 * read once afterwards: when a person sorted, inserted or deleted rows while the caller computed, the records
 * on the rows written and the records changed are written again by ID (writeRecords), each with its cells as
 * read plus its changes. A row a person inserted in that moment cannot be given back what it held: its cells
 * were never read.
 */
export function writeChangedCells(
  ss: Spreadsheet,
  rt: RecordType,
  read: Columns,
  changes: readonly RowChange[],
): void {
  if (!changes.length) return;
  const sheetName = rt.sheetName;
  const sheet = ss.getSheetByName(sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
  const keys = [...new Set(changes.flatMap((c) => Object.keys(c.cells)))];
  const byIndex = new Map(changes.map((c) => [c.index, c.cells]));
  const cellAt = (i: number, k: string) => {
    const cells = byIndex.get(i);
    return cells && has(cells, k) ? cells[k] : read.values[k][i];
  };
  const fields = fieldIndex(rt);
  const edited = keys.filter((k) => !fields.get(k)?.system);
  let last = 0;
  // Columns people may edit go last, each read just before its write: the gap a hand edit can fall into is one call.
  for (const k of [...keys.filter((k) => !edited.includes(k)), ...edited]) {
    const rows = changes.filter((c) => has(c.cells, k)).map((c) => c.index);
    const carried = edited.includes(k) ? readColumns(ss, sheetName, [k], 1).values[k] : read.values[k];
    for (const run of rowRuns(rows, NEAR)) {
      const block: unknown[][] = new Array(run.count);
      for (let j = 0; j < run.count; j++) {
        const i = run.first + j;
        const cells = byIndex.get(i);
        block[j] = [cells && has(cells, k) ? cells[k] : (carried[i] ?? '')];
      }
      sheet.getRange(run.first + 2, columnOf(read.map, k), run.count, 1).setValues(block);
      last = Math.max(last, run.first + run.count - 1);
    }
  }
  const now = readColumns(ss, sheetName, ['id'], 1);
  let moved = false;
  for (let i = 0; i <= last && !moved; i++) moved = idKey(now.values.id[i]) !== idKey(read.values.id[i]);
  if (!moved) return;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < read.count; i++) {
    const id = idKey(read.values.id[i]);
    if (id && !indexOf.has(id)) indexOf.set(id, i);
  }
  const writes = new Map<string, RecordWrite>();
  const again = (raw: unknown) => {
    const id = idKey(raw);
    const i = indexOf.get(id);
    if (i === undefined || writes.has(id)) return;
    writes.set(id, {
      id: String(raw).trim(),
      cells: Object.fromEntries(keys.map((k) => [k, cellAt(i, k)])),
    });
  };
  for (const c of changes) again(read.values.id[c.index]);
  for (let i = 0; i <= last && i < now.count; i++) again(now.values.id[i]);
  writeRecords(ss, sheetName, [...writes.values()]);
}
