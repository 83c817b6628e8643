// Writes aimed at records by ID: each row is found at the moment of writing, only the given cells are written, and the row's ID is checked afterwards.
import { columnLetter } from '../domain/a1';
import { escapeRe } from '../domain/cell-search';
import { columnRuns } from '../domain/column-runs';
import { type ColumnMap, columnOf, sheetA1 } from './column-map';
import { readColumns, verifiedMap } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface RecordWrite {
  id: string;
  /** Field key → the cell value to write; no other cell of the record is touched. */
  cells: Record<string, unknown>;
}

export interface WriteOutcome {
  id: string;
  /** The row the record's cells are in now; null when no row holds the ID (the record was deleted). */
  row: number | null;
  /**
   * Set when a person moved rows between finding the row and writing it, so the cells first landed on
   * another record: the write was repeated on the right row, and the other record's cells named here hold
   * this record's values until someone corrects them (their old values were never read).
   */
  displaced?: { row: number; id: string; fields: string[] };
}

/** Beyond this many records a batch is written from one read (writeRecords) or one search (stampRecords). */
const FEW = 3;
/** Moves in the middle of a write are rare; a write that keeps being overtaken gives up rather than loop. */
const ATTEMPTS = 3;

/** An ID as rows are matched by it: any case, spacing around it ignored. */
export const idKey = (v: unknown) =>
  String(v ?? '')
    .trim()
    .toLowerCase();

/** The rows whose ID cell is exactly `id`: a search on Google's side, whatever the register's size. */
function findRows(ss: Spreadsheet, sheetName: string, map: ColumnMap, id: string): number[] {
  const wanted = id.trim();
  if (!wanted) return [];
  const c = columnLetter(columnOf(map, 'id'));
  return ss
    .getRange(`${sheetA1(sheetName)}!${c}2:${c}`)
    .createTextFinder(wanted)
    .matchEntireCell(true)
    .findAll()
    .map((r) => r.getRow());
}

/** The first row holding `id`, or null. */
export function findRow(ss: Spreadsheet, sheetName: string, map: ColumnMap, id: string): number | null {
  return findRows(ss, sheetName, map, id)[0] ?? null;
}

/** Contiguous runs of the columns written, each with the keys in column order. */
function runsOf(map: ColumnMap, keys: readonly string[]) {
  const cols = keys.map((k) => ({ k, c: columnOf(map, k) })).sort((a, b) => a.c - b.c);
  const runs: { first: number; keys: string[] }[] = [];
  for (const { k, c } of cols) {
    const last = runs[runs.length - 1];
    if (last && c === last.first + last.keys.length) last.keys.push(k);
    else runs.push({ first: c, keys: [k] });
  }
  return runs;
}

function writeAt(sheet: Sheet, row: number, runs: ReturnType<typeof runsOf>, cells: Record<string, unknown>) {
  for (const run of runs)
    sheet.getRange(row, run.first, 1, run.keys.length).setValues([run.keys.map((k) => cells[k])]);
}

/** The ID and the written cells of one row, in one read of the span that covers them. */
function readBack(sheet: Sheet, map: ColumnMap, row: number, keys: readonly string[]) {
  const cols = ['id', ...keys].map((k) => columnOf(map, k));
  const first = Math.min(...cols);
  const values = sheet.getRange(row, first, 1, Math.max(...cols) - first + 1).getValues()[0];
  const at = (k: string) => values[columnOf(map, k) - first];
  return { id: at('id'), cells: Object.fromEntries(keys.map((k) => [k, at(k)])) };
}

const isDate = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';
/** A cell as read back against the value written: a date written as text reads back as a Date, so only like compares. */
const same = (read: unknown, written: unknown) =>
  isDate(read) && isDate(written)
    ? (read as Date).getTime() === (written as Date).getTime()
    : isDate(read) || isDate(written) || String(read ?? '') === String(written ?? '');

/**
 * Writes `cells` on the record's row: the column map is verified first, the row is searched by ID just
 * before the write, and the ID of the written row is read back; when rows moved in between, the write is
 * repeated where the record now is. Costs a fixed number of calls whatever the register's size.
 */
export function writeRecord(ss: Spreadsheet, sheetName: string, write: RecordWrite): WriteOutcome {
  const map = verifiedMap(ss, sheetName);
  const sheet = ss.getSheetByName(sheetName) as Sheet;
  const keys = Object.keys(write.cells);
  const runs = runsOf(map, keys);
  let displaced: WriteOutcome['displaced'];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const row = findRow(ss, sheetName, map, write.id);
    if (row === null) return { id: write.id, row: null, displaced };
    writeAt(sheet, row, runs, write.cells);
    const back = readBack(sheet, map, row, keys);
    if (idKey(back.id) === idKey(write.id)) return { id: write.id, row, displaced };
    // Rows moved: if the cells we wrote are what this row now shows, they landed on another record.
    if (!displaced && keys.every((k) => same(back.cells[k], write.cells[k])))
      displaced = { row, id: String(back.id ?? ''), fields: keys };
  }
  return { id: write.id, row: findRow(ss, sheetName, map, write.id), displaced };
}

/**
 * Writes several records' cells. A few go one by one; more are written from one read of the ID column and
 * the written columns under the caller's lock: each run of written columns is one block from the first to
 * the last target row, cells between targets written back as they were just read. The ID column is read
 * again afterwards; if a person sorted or deleted rows in between, the blocks are written again by ID. The
 * calls stay a fixed number whatever the number of records.
 */
export function writeRecords(
  ss: Spreadsheet,
  sheetName: string,
  writes: readonly RecordWrite[],
): WriteOutcome[] {
  if (writes.length <= FEW) return writes.map((w) => writeRecord(ss, sheetName, w));
  const keys = [...new Set(writes.flatMap((w) => Object.keys(w.cells)))];
  const wanted = new Map(writes.map((w) => [idKey(w.id), w]));
  const read = readColumns(ss, sheetName, ['id', ...keys.filter((k) => k !== 'id')], 3);
  const sheet = ss.getSheetByName(sheetName) as Sheet;
  // The read checked the header of every column it covers: its map holds for what is written here.
  const map = read.map;
  const readAt = (i: number) => Object.fromEntries(keys.map((k) => [k, read.values[k][i] ?? '']));
  // Each record's cells as read, by ID (its first row, as a search finds it): what a repeat after a move writes.
  const byId = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < read.count; i++) {
    const id = idKey(read.values.id[i]);
    if (id && !byId.has(id)) byId.set(id, readAt(i));
  }
  let ids = read.values.id.slice(0, read.count);
  // Rows already written stay in the span of a repeat: after a sort they hold other records' cells.
  let from = Number.POSITIVE_INFINITY;
  let to = -1;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const first = new Map<string, number>();
    ids.forEach((v, i) => {
      if (!first.has(idKey(v))) first.set(idKey(v), i);
    });
    const targets = [...wanted.keys()].flatMap((id) => (first.has(id) ? [first.get(id) as number] : []));
    if (!targets.length) break;
    for (const i of targets) {
      from = Math.min(from, i);
      to = Math.max(to, i);
    }
    // Before any move a row is written back as read; after one, by the ID it now holds. Only a target's
    // first row gets its changes.
    const cellsAt = (i: number) => {
      const id = idKey(ids[i]);
      const base = (attempt > 0 && byId.get(id)) || readAt(i);
      return first.get(id) === i && wanted.has(id) ? { ...base, ...wanted.get(id)?.cells } : base;
    };
    for (const run of columnRuns(
      keys.map((k) => columnOf(map, k)),
      keys.length,
    )) {
      const block = [];
      for (let i = from; i <= to; i++) {
        const cells = cellsAt(i);
        const line = [];
        for (let c = run.first; c <= run.last; c++) line.push(cells[map.keys[c - 1]]);
        block.push(line);
      }
      sheet.getRange(from + 2, run.first, block.length, run.last - run.first + 1).setValues(block);
    }
    const now = readColumns(ss, sheetName, ['id'], 1);
    const moved =
      now.count !== ids.length || now.values.id.some((v, i) => i <= to && idKey(v) !== idKey(ids[i]));
    ids = now.values.id.slice(0, now.count);
    if (!moved) break;
  }
  const rowById = new Map<string, number>();
  ids.forEach((v, i) => {
    if (!rowById.has(idKey(v))) rowById.set(idKey(v), i + 2);
  });
  return writes.map((w) => ({ id: w.id, row: rowById.get(idKey(w.id)) ?? null }));
}

/**
 * The first row of each of `ids` (by ID, any case): one search on Google's side for all of them, then two
 * calls per row found (its number and its ID). Costs follow the number of IDs, not the register's size.
 */
function findRowsOf(ss: Spreadsheet, sheetName: string, map: ColumnMap, ids: readonly string[]) {
  const rows = new Map<string, number>();
  const wanted = [...new Set(ids.map((id) => id.trim()).filter(Boolean))];
  if (!wanted.length) return rows;
  const c = columnLetter(columnOf(map, 'id'));
  const hits = ss
    .getRange(`${sheetA1(sheetName)}!${c}2:${c}`)
    .createTextFinder(`^\\s*(?:${wanted.map(escapeRe).join('|')})\\s*$`)
    .useRegularExpression(true)
    .findAll();
  for (const hit of hits) {
    const id = idKey(hit.getValue());
    if (!rows.has(id)) rows.set(id, hit.getRow());
  }
  return rows;
}

/** The ID and the given cells of rows `from`..`to`, in one read of the span that covers them. */
function readWindow(sheet: Sheet, map: ColumnMap, from: number, to: number, keys: readonly string[]) {
  const cols = ['id', ...keys].map((k) => columnOf(map, k));
  const first = Math.min(...cols);
  const values = sheet.getRange(from, first, to - from + 1, Math.max(...cols) - first + 1).getValues();
  return values.map((line) => ({
    id: idKey(line[columnOf(map, 'id') - first]),
    cells: Object.fromEntries(keys.map((k) => [k, line[columnOf(map, k) - first]])),
  }));
}

/**
 * Writes several records' cells wherever they are in the register (the reminder run's marks and stamps):
 * a few one by one; more from one search for all their rows, then per record a read of its row and its
 * neighbours, one write per run of columns, and a read-back of its ID. When a
 * person moved rows in between (a row inserted or deleted above), the record the write landed on gets its
 * cells back from that read and the record is written again by writeRecord; after a larger move (a sort)
 * the record written over is named instead. The calls follow the number of records, never the register's
 * size; writeRecords, which reads whole columns, is for a block of neighbouring rows such as a paste.
 */
export function stampRecords(
  ss: Spreadsheet,
  sheetName: string,
  writes: readonly RecordWrite[],
): WriteOutcome[] {
  if (writes.length <= FEW) return writes.map((w) => writeRecord(ss, sheetName, w));
  const map = verifiedMap(ss, sheetName);
  const sheet = ss.getSheetByName(sheetName) as Sheet;
  const rows = findRowsOf(
    ss,
    sheetName,
    map,
    writes.map((w) => w.id),
  );
  return writes.map((w) => {
    const row = rows.get(idKey(w.id));
    if (row === undefined) return { id: w.id, row: null };
    const keys = Object.keys(w.cells);
    const from = Math.max(2, row - 1);
    const around = readWindow(sheet, map, from, row + 1, keys);
    writeAt(sheet, row, runsOf(map, keys), w.cells);
    const back = readBack(sheet, map, row, keys);
    if (idKey(back.id) === idKey(w.id)) return { id: w.id, row };
    // Rows moved under the write: the record now on this row had its cells read a moment ago if it was a neighbour.
    const was = around.find((r) => r.id !== '' && r.id === idKey(back.id));
    if (was) writeAt(sheet, row, runsOf(map, keys), was.cells);
    const again = writeRecord(ss, sheetName, w);
    return was || !keys.every((k) => same(back.cells[k], w.cells[k]))
      ? again
      : { ...again, displaced: { row, id: String(back.id ?? ''), fields: keys } };
  });
}
