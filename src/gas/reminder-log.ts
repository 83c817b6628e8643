// The Reminder log sheet: read as log entries (the current cycles only: older rows move to the archive sheet), and rows appended or overwritten in one block.

import type { Lang } from '../domain/i18n';
import { cellsFromRecord } from '../domain/record-codec';
import type { LogEntry, LogRow } from '../domain/reminders';
import { reminderLog } from '../schema';
import { answersCountedThrough, recordArchivedAnswers } from './care-state';
import type { ColumnMap } from './column-map';
import { wireOf } from './records';
import { type ArchivePass, readArchivePass, writeArchivePass } from './reminder-state';
import { withDocumentLock } from './session';
import { verifiedMap, writeRowsAt } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const SHEET = reminderLog.sheetName;
/** Where rows of closed cycles go: written, never read by the add-on, kept for people and audits. */
export const ARCHIVE = `${SHEET} archive`;
const KEYS = ['time', 'record', 'recipient', 'kind', 'cycle', 'outcome', 'detail'] as const;

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

/** Log rows read at a time while archiving: a read, an archive write and a log write of this many take seconds. */
const CHUNK = 10000;

/**
 * A row as compared between the log and the archive: by the entry it reads as, since a write parses text as
 * typed (a cycle written as text reads back from the archive as a date).
 */
const rowKey = (map: ColumnMap, row: readonly unknown[], tz: string) => JSON.stringify(entryOf(map, row, tz));

export interface LogView {
  entries: LogEntry[];
  map: ColumnMap;
  lastRow: number;
  /** Rows moved to the archive by this read. */
  archived: number;
  /** False when archiving stopped at its deadline with rows left unread: the entries are not all there. */
  complete: boolean;
}

/** The log's entries that `open` keeps, read whole without changing anything (a preview, the Dashboard). */
function readAll(ss: Spreadsheet, tz: string, open: (entry: LogEntry) => boolean): LogView {
  const map = verifiedMap(ss, SHEET);
  const sheet = ss.getSheetByName(SHEET) as Sheet;
  const last = sheet.getLastRow();
  const width = Math.max(map.keys.length, sheet.getLastColumn());
  const view = { entries: [] as LogEntry[], map, lastRow: Math.max(last, 1), archived: 0, complete: true };
  if (last < 2) return view;
  for (const row of sheet.getRange(2, 1, last - 1, width).getValues()) {
    if (row.every((v) => v === '')) continue;
    const entry = entryOf(map, row, tz);
    if (open(entry)) view.entries.push(entry);
  }
  return view;
}

/**
 * The log's entries of open cycles, and where it ends. With `move`, rows `open` rejects (a cycle the customer
 * has left, a digest of another day) move to the archive sheet, CHUNK rows at a time from the top, until
 * `until` (a Date.now() instant): the log holds the current cycles only, so what a run reads does not grow
 * with history, and a long history takes a few executions rather than one too long. Each chunk is written
 * to the archive first, then the log's rows are replaced in one write and the gap deleted (or, at the log's end, cleared); a pass under way is
 * recorded (reminder-state), so when an execution dies between the two writes the next pass finds the rows
 * already archived and does not archive them again. Nothing a plan decides with is lost: it reads only entries
 * of open cycles (and today's).
 */
export function readLog(
  ss: Spreadsheet,
  tz: string,
  open: (entry: LogEntry) => boolean,
  move: boolean,
  until = Number.POSITIVE_INFINITY,
): LogView {
  if (!move) return readAll(ss, tz, open);
  const map = verifiedMap(ss, SHEET);
  const sheet = ss.getSheetByName(SHEET) as Sheet;
  let last = sheet.getLastRow();
  const width = Math.max(map.keys.length, sheet.getLastColumn());
  const view: LogView = { entries: [], map, lastRow: Math.max(last, 1), archived: 0, complete: true };
  const archiving = new Archiving(ss, sheet, width, tz, map);
  let at = 2;
  for (let chunks = 0; at <= last; chunks++) {
    // At least one chunk, however late: a run that keeps stopping before its first would never get further.
    if (chunks > 0 && Date.now() > until) {
      view.complete = false;
      break;
    }
    const count = Math.min(CHUNK, last - at + 1);
    const rows = sheet.getRange(at, 1, count, width).getValues();
    const kept: unknown[][] = [];
    const moved: unknown[][] = [];
    for (const row of rows) {
      if (row.every((v) => v === '')) continue;
      const entry = entryOf(map, row, tz);
      if (open(entry)) {
        view.entries.push(entry);
        kept.push(row);
      } else moved.push(row);
    }
    if (kept.length < count) {
      view.archived += archiving.add(moved);
      // One write leaves the kept rows first and blanks after them (stopped here, the log only has blank rows
      // more, never a row twice); then one delete takes the blanks. Blanks at the end of the log stay: a sheet
      // refuses to lose all its non-frozen rows, and empty rows there are what any sheet has.
      const end = at + count - 1 === last;
      if (kept.length) {
        const blank = new Array(width).fill('');
        const block = rows.map((_, i) => kept[i] ?? blank);
        sheet.getRange(at, 1, count, width).setValues(block);
      } else if (end) sheet.getRange(at, 1, count, width).clearContent();
      if (!end) sheet.deleteRows(at + kept.length, count - kept.length);
      last -= count - kept.length;
    }
    at += kept.length;
  }
  archiving.finish(view.complete);
  view.lastRow = Math.max(last, 1);
  return view;
}

/**
 * Appends rows to the archive for one pass. The first write records the pass; rows a killed pass already
 * archived (the archive's rows from the recorded start) are skipped when met again, and their answers tallied
 * if that pass had not.
 */
class Archiving {
  private sheet: Sheet | null;
  private pass: ArchivePass | null;
  private next = 0;
  /** Rows a killed pass left in the archive, by content, with their count: each is skipped once. */
  private readonly already = new Map<string, number>();

  constructor(
    private readonly ss: Spreadsheet,
    private readonly log: Sheet,
    private readonly width: number,
    private readonly tz: string,
    private readonly map: ColumnMap,
  ) {
    this.sheet = ss.getSheetByName(ARCHIVE);
    this.pass = readArchivePass();
    if (!this.pass || !this.sheet) return;
    const lastRow = this.sheet.getLastRow();
    const { from } = this.pass;
    // The tally records how far it counted with the answers themselves: a pass killed between the two is not
    // counted twice.
    const counted = Math.max(this.pass.counted, answersCountedThrough(from));
    if (lastRow < from) return;
    const rows = this.sheet.getRange(from, 1, lastRow - from + 1, this.width).getValues();
    for (const row of rows) {
      const k = rowKey(map, row, tz);
      this.already.set(k, (this.already.get(k) ?? 0) + 1);
    }
    // Archived, but stopped before their answers were tallied: tallied now, once.
    if (counted < lastRow) {
      this.tally(rows.slice(Math.max(0, counted + 1 - from)), lastRow);
      this.pass = { from, counted: lastRow };
      writeArchivePass(this.pass);
    }
    this.next = lastRow + 1;
  }

  /** Archives `rows` less those already there; returns how many were written. */
  add(rows: readonly unknown[][]): number {
    const fresh = rows.filter((row) => {
      if (!this.already.size) return true;
      const k = rowKey(this.map, row, this.tz);
      const n = this.already.get(k) ?? 0;
      if (n > 0) this.already.set(k, n - 1);
      return n === 0;
    });
    if (!fresh.length) return 0;
    const sheet = this.target();
    const first = this.next;
    if (!this.pass) {
      this.pass = { from: first, counted: first - 1 };
      writeArchivePass(this.pass);
    }
    const need = first + fresh.length - 1 - sheet.getMaxRows();
    if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
    sheet.getRange(first, 1, fresh.length, this.width).setValues(fresh);
    this.next = first + fresh.length;
    this.tally(fresh, this.next - 1);
    this.pass = { ...this.pass, counted: this.next - 1 };
    writeArchivePass(this.pass);
    return fresh.length;
  }

  /**
   * The pass stopped cleanly. It is forgotten unless rows a killed pass archived may still be in the part of
   * the log not read (`complete` false, some not met yet): the next pass must skip them too.
   */
  finish(complete: boolean) {
    const waiting = [...this.already.values()].some((n) => n > 0);
    if (this.pass && (complete || !waiting)) writeArchivePass(null);
  }

  private target(): Sheet {
    if (!this.sheet) {
      const header = this.log.getRange(1, 1, 1, this.width).getValues()[0];
      this.sheet = archiveSheet(this.ss, header);
    }
    if (!this.next) this.next = this.sheet.getLastRow() + 1;
    if (this.sheet.getMaxColumns() < this.width)
      this.sheet.insertColumnsAfter(this.sheet.getMaxColumns(), this.width - this.sheet.getMaxColumns());
    return this.sheet;
  }

  /** The archive is never read back: the Dashboard's count of review answers keeps what leaves the log. */
  private tally(rows: readonly unknown[][], through: number) {
    if (rows.length && this.pass)
      recordArchivedAnswers(
        rows.map((row) => entryOf(this.map, row, this.tz)),
        { from: this.pass.from, row: through },
      );
  }
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
    /**
     * Reserves the next rows and writes them, under the register's lock; returns the first row number. The
     * run sends mail between appends, while a customer's answer or a staff confirmation may append its own
     * row: the rows go after the log's last row as it is now, never over one written meanwhile.
     */
    append(rows: readonly LogRow[], time: Date): number {
      if (!rows.length) return next;
      return withDocumentLock(() => {
        const first = Math.max(next, sheet.getLastRow() + 1);
        if (first + rows.length - 1 > maxRows) {
          sheet.insertRowsAfter(maxRows, first + rows.length - 1 - maxRows + 500);
          maxRows = first + rows.length - 1 + 500;
        }
        this.write(first, rows, time);
        next = first + rows.length;
        return first;
      });
    },
  };
}
