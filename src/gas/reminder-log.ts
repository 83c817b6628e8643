// The Reminder log sheet: read as log entries, and rows appended or overwritten in one block.

import type { Lang } from '../domain/i18n';
import { cellsFromRecord } from '../domain/record-codec';
import type { LogEntry, LogRow } from '../domain/reminders';
import { reminderLog } from '../schema';
import type { ColumnMap } from './column-map';
import { wireOf } from './records';
import { readColumns, verifiedMap, writeRowsAt } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const SHEET = reminderLog.sheetName;
const KEYS = ['time', 'record', 'recipient', 'kind', 'cycle', 'outcome', 'detail'] as const;

/** The log's entries, and where it ends: the read verifies the column map, so writing after it needs no second check. */
export function readLog(
  ss: Spreadsheet,
  tz: string,
): { entries: LogEntry[]; map: ColumnMap; lastRow: number } {
  const { map, count, values } = readColumns(ss, reminderLog, KEYS, 1);
  const out: LogEntry[] = [];
  for (let i = 0; i < count; i++) {
    const w = wireOf(reminderLog, Object.fromEntries(KEYS.map((k) => [k, values[k][i]])), tz);
    out.push({
      time: String(w.time ?? ''),
      record: String(w.record ?? ''),
      recipient: String(w.recipient ?? ''),
      kind: String(w.kind ?? ''),
      cycle: String(w.cycle ?? ''),
      outcome: w.outcome === null ? null : String(w.outcome),
      detail: String(w.detail ?? ''),
    });
  }
  return { entries: out, map, lastRow: count + 1 };
}

/** Where the next appended rows go, and how to write rows there: the caller writes them in blocks. */
export function openLog(ss: Spreadsheet, lang: Lang, read: { map: ColumnMap; lastRow: number }) {
  const sheet = ss.getSheetByName(SHEET) as GoogleAppsScript.Spreadsheet.Sheet;
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
