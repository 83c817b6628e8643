// Whole record sheets read for a scan (data check, dashboard, backup): a few block reads each, date cells as the day they show.
import type { DayCell, SheetCells } from '../domain/care/data-check';
import type { RecordType } from '../schema';
import { readColumns } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const isDate = (v: unknown) =>
  typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';

/**
 * Each sheet's fields (all, or those `only` names for it) in at most three block reads; a missing sheet
 * reads as empty.
 */
export function readSheetCells(
  ss: Spreadsheet,
  rts: readonly RecordType[],
  tz: string,
  only: Readonly<Record<string, readonly string[]>> = {},
): SheetCells[] {
  // Registers repeat dates (due dates, days of entry): each instant is formatted once.
  const days = new Map<number, DayCell>();
  return rts.map((rt) => {
    if (!ss.getSheetByName(rt.sheetName)) return { rt, count: 0, columns: {} };
    const { count, values } = readColumns(
      ss,
      rt.sheetName,
      only[rt.sheetName] ?? rt.fields.map((f) => f.key),
      3,
    );
    for (const column of Object.values(values))
      for (let i = 0; i < count; i++) {
        const v = column[i];
        if (!isDate(v)) continue;
        const ms = (v as Date).getTime();
        let day = days.get(ms);
        if (!day) {
          day = { day: Utilities.formatDate(v as Date, tz, 'yyyy-MM-dd') };
          days.set(ms, day);
        }
        column[i] = day;
      }
    return { rt, count, columns: values };
  });
}
