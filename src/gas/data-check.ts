// The data check against the sheets: read every checked sheet in blocks, write the Data check sheet, apply the safe fixes by record ID.
import type { AuditRow } from '../domain/audit';
import { type CheckEnv, type CheckResult, checkRegister, type Finding } from '../domain/care/data-check';
import {
  DATA_CHECK_SHEET,
  DATA_CHECK_TEXT_COLUMNS,
  DATA_CHECK_WIDTHS,
  dataCheckGrid,
} from '../domain/care/data-check-report';
import type { Lang } from '../domain/i18n';
import { customer, interaction, property, type RecordType, team } from '../schema';
import { appendAudit } from './audit-log';
import { readCareState, writeCareState } from './care-state';
import { writeRecords } from './record-writes';
import { readSheetCells } from './register-cells';
import { writeReport } from './report-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every sheet people type into; Audit, Reminder log, Lists and Settings are the add-on's own or have their own checks. */
const CHECKED: readonly RecordType[] = [customer, interaction, property, team];

export interface CheckRun extends CheckResult {
  before: Record<string, number> | null;
}

/** Checks the register and rewrites the Data check sheet; the scores are kept for the next check's trend. */
export function runCheck(ss: Spreadsheet, env: CheckEnv, tz: string, now: Date): CheckRun {
  const result = checkRegister(readSheetCells(ss, CHECKED, tz), env);
  const before = readCareState().scores ?? null;
  const checkedAt = Utilities.formatDate(now, tz, 'yyyy-MM-dd HH:mm');
  writeReport(
    ss,
    DATA_CHECK_SHEET,
    dataCheckGrid(result, before, { lang: env.lang, checkedAt, recordTypes: CHECKED }),
    DATA_CHECK_TEXT_COLUMNS,
    DATA_CHECK_WIDTHS,
  );
  writeCareState({
    checkedAt: now.toISOString(),
    scores: Object.fromEntries(result.scores.map((s) => [s.sheet, s.score])),
  });
  return { ...result, before };
}

/** The safe fixes of records found by ID (Team rows have none and are fixed by hand). */
function fixable(findings: readonly Finding[]): Map<RecordType, Map<string, Finding[]>> {
  const out = new Map<RecordType, Map<string, Finding[]>>();
  for (const f of findings) {
    const rt = CHECKED.find((r) => r.sheetName === f.sheet && r.fields.some((x) => x.key === 'id'));
    if (!f.safe || !rt || !f.record) continue;
    const byId = out.get(rt) ?? new Map<string, Finding[]>();
    byId.set(f.record, [...(byId.get(f.record) ?? []), f]);
    out.set(rt, byId);
  }
  return out;
}

/**
 * Writes every safe fix the check finds now (not what an older Data check sheet lists: values may have
 * changed since), one batch per sheet, each cell audited old → new with the data check as its source.
 */
export function applySafeFixes(
  ss: Spreadsheet,
  env: CheckEnv,
  tz: string,
  who: { email: string; lang: Lang; now: Date },
): { cells: number; records: number } {
  const result = checkRegister(readSheetCells(ss, CHECKED, tz), env);
  const audit: AuditRow[] = [];
  let records = 0;
  for (const [rt, byId] of fixable(result.findings)) {
    const stamps = rt.fields.some((f) => f.key === 'updatedBy');
    const writes = [...byId].map(([id, fs]) => ({
      id,
      cells: {
        ...Object.fromEntries(fs.map((f) => [f.field, f.suggestion])),
        ...(stamps ? { updatedBy: who.email, updatedAt: who.now } : {}),
      },
    }));
    const written = writeRecords(ss, rt.sheetName, writes);
    for (const w of written) {
      if (w.row === null) continue;
      records++;
      for (const f of byId.get(w.id) ?? [])
        audit.push({
          time: who.now,
          user: who.email,
          action: 'update',
          record: w.id,
          field: f.field,
          oldValue: f.value,
          newValue: f.suggestion,
          source: 'dataCheck',
        });
    }
  }
  appendAudit(ss, audit, env.lang);
  return { cells: audit.length, records };
}
