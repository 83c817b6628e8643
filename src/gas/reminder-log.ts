// The Reminder log sheet: read as log entries (the current cycles only: older rows move to the archive sheet), and rows appended or overwritten in one block.

import type { Lang } from '../domain/i18n';
import { cellsFromRecord } from '../domain/record-codec';
import type { LogEntry, LogRow } from '../domain/reminders';
import { reminderLog } from '../schema';
import { recordArchivedAnswers } from './care-state';
import type { ColumnMap } from './column-map';
import { wireOf } from './records';
import { verifiedMap, writeRowsAt } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const SHEET = reminderLog.sheetName;
/** Where rows of closed cycles go: written, never read by the add-on, kept for people and audits. */
export const ARCHIVE = `${SHEET} archive`;
const KEYS = ['time', 'record', 'recipient', 'kind', 'cycle', 'outcome', 'detail'] as const;

export interface LogView {
  entries: LogEntry[];
  map: ColumnMap;
  lastRow: number;
  /** Rows moved to the archive by this read. */
  archived: number;
}

function entryOf(map: ColumnMap, row: readonly unknown[], tz: string): LogEntry {
  const cells = Object.fromEntries(KEYS.map((k) => [k, row[map.keys.indexOf(k)]]));
  const w = wireOf(reminderLog, cells, tz);
  return {
    time: String(w.time ?? ''),
    record: String(w.record ?? ''),
    recipient: String(w.recipient ?? ''),
    kind: String(w.kind ?? ''),
    cycle: String(w.cycle ?? ''),
    outcome: w.outcome === null ? null : String(w.outcome),
    detail: String(w.detail ?? ''),
  };
}

/** The archive sheet, created with the log's header row the first time a row moves there. */
function archiveSheet(ss: Spreadsheet, header: readonly unknown[]): Sheet {
  const found = ss.getSheetByName(ARCHIVE);
  if (found) return found;
  const sheet = ss.insertSheet(ARCHIVE);
  // Only the log's columns: spare ones would count against the spreadsheet's 10 million cells on every row.
  const spare = sheet.getMaxColumns() - header.length;
  if (spare > 0) sheet.deleteColumns(header.length + 1, spare);
  sheet.getRange(1, 1, 1, header.length).setValues([[...header]]);
  sheet.setFrozenRows(1);
  return sheet;
}

/** Appends whole rows (every column, an admin's own too) after the archive's last row. */
function archive(ss: Spreadsheet, header: readonly unknown[], rows: unknown[][]) {
  const sheet = archiveSheet(ss, header);
  const first = sheet.getLastRow() + 1;
  const need = first + rows.length - 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  const width = header.length;
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(first, 1, rows.length, width).setValues(rows);
}

/**
 * The log's entries of open cycles, and where it ends. With `move`, rows `open` rejects (a cycle the
 * customer has left, a digest of another day) are moved to the archive sheet first, then the rows kept are written back from
 * row 2: the log holds the current cycles only, so what a run reads does not grow with history. The
 * archive is written before the log is rewritten, so a run stopped in between leaves a row in both, never
 * in neither. Nothing a plan decides with is lost: it reads only entries of open cycles (and today's).
 */
export function readLog(
  ss: Spreadsheet,
  tz: string,
  open: (entry: LogEntry) => boolean,
  move: boolean,
): LogView {
  const map = verifiedMap(ss, SHEET);
  const sheet = ss.getSheetByName(SHEET) as Sheet;
  const last = sheet.getLastRow();
  const width = Math.max(map.keys.length, sheet.getLastColumn());
  if (last < 2) return { entries: [], map, lastRow: Math.max(last, 1), archived: 0 };
  const [header, ...rows] = sheet.getRange(1, 1, last, width).getValues();
  const entries: LogEntry[] = [];
  const kept: unknown[][] = [];
  const moved: unknown[][] = [];
  for (const row of rows) {
    if (row.every((v) => v === '')) continue;
    const entry = entryOf(map, row, tz);
    if (open(entry)) {
      entries.push(entry);
      kept.push(row);
    } else moved.push(row);
  }
  if (moved.length && move) {
    archive(ss, header, moved);
    // The archive is never read back: the Dashboard's count of review answers keeps what leaves the log.
    recordArchivedAnswers(moved.map((row) => entryOf(map, row, tz)));
    if (kept.length) sheet.getRange(2, 1, kept.length, width).setValues(kept);
    sheet.getRange(2 + kept.length, 1, last - 1 - kept.length, width).clearContent();
  }
  if (!move) return { entries, map, lastRow: last, archived: 0 };
  return { entries, map, lastRow: moved.length ? kept.length + 1 : last, archived: moved.length };
}

/** Where the next appended rows go, and how to write rows there: the caller writes them in blocks. */
export function openLog(ss: Spreadsheet, lang: Lang, read: { map: ColumnMap; lastRow: number }) {
  const sheet = ss.getSheetByName(SHEET) as Sheet;
  let next = read.lastRow + 1;
  let maxRows = sheet.getMaxRows();
  return {
    /**
     * Writes rows at `first` (a row number from append): the map is verified at each write, since mail is
     * sent between writes and a person may move a column meanwhile.
     */
    write(first: number, rows: readonly LogRow[], time: Date) {
      if (!rows.length) return;
      const cells = rows.map((r) => cellsFromRecord(reminderLog, { ...r, time }, lang));
      writeRowsAt(sheet, verifiedMap(ss, SHEET), first, cells);
    },
    /** Reserves the next rows and writes them; returns the first row number. */
    append(rows: readonly LogRow[], time: Date): number {
      const first = next;
      if (!rows.length) return first;
      if (first + rows.length - 1 > maxRows) {
        sheet.insertRowsAfter(maxRows, first + rows.length - 1 - maxRows + 500);
        maxRows = first + rows.length - 1 + 500;
      }
      this.write(first, rows, time);
      next += rows.length;
      return first;
    },
  };
}
