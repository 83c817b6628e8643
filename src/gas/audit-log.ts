// Appends rows to the Audit sheet.
import type { AuditRow } from '../domain/audit';
import type { Lang } from '../domain/i18n';
import { cellsFromRecord } from '../domain/record-codec';
import { recordTypes } from '../schema';
import { appendRows } from './table';

export function appendAudit(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: readonly AuditRow[],
  lang: Lang,
) {
  if (!rows.length) return;
  appendRows(
    ss,
    recordTypes.audit.sheetName,
    rows.map((r) => cellsFromRecord(recordTypes.audit, { ...r }, lang)),
  );
}
