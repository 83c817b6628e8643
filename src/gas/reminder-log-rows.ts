// Appending outcomes to the Reminder log from outside the reminder run (a customer's answer through their link).
import type { Lang } from '../domain/i18n';
import { cellsFromRecord } from '../domain/record-codec';
import type { LogRow } from '../domain/reminders';
import { reminderLog } from '../schema';
import { appendRows } from './table';

export function appendReminderLog(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: readonly LogRow[],
  lang: Lang,
) {
  const time = new Date();
  appendRows(
    ss,
    reminderLog.sheetName,
    rows.map((r) => cellsFromRecord(reminderLog, { ...r, time }, lang)),
  );
}
