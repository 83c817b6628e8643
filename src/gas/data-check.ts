// The data check against the sheets: in steps of a bounded block of rows each, findings appended to the Data check sheet; the safe fixes by record ID.
import type { AuditRow } from '../domain/audit';
import {
  afterStep,
  type CheckProgress,
  isFinished,
  isStale,
  type StepResult,
  scoresOf,
  startCheck,
} from '../domain/care/check-steps';
import {
  type CheckEnv,
  checkRegister,
  checkSheet,
  DUPLICATE_FIELDS,
  type Finding,
  idSet,
  type SheetScore,
  safeFixFields,
} from '../domain/care/data-check';
import {
  DATA_CHECK_SHEET,
  DATA_CHECK_TEXT_COLUMNS,
  DATA_CHECK_WIDTHS,
  dataCheckHead,
  findingRows,
  type GridOptions,
  moreRows,
} from '../domain/care/data-check-report';
import type { Lang } from '../domain/i18n';
import { customer, interaction, property, type RecordType, team } from '../schema';
import { appendAudit } from './audit-log';
import { readCareState, writeCareState } from './care-state';
import { writeRecords } from './record-writes';
import { readSheetBlock, readSheetCells, readTopRows } from './register-cells';
import { writeReport, writeReportRows } from './report-sheet';
import { withDocumentLock } from './session';
import { rowsPerStep } from './step-rows';
import { readColumns } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every sheet people type into; Audit, Reminder log, Lists and Settings are the add-on's own or have their own checks. */
const CHECKED: readonly RecordType[] = [customer, interaction, property, team];
const WIDTH = DATA_CHECK_WIDTHS.length;
/** As many block reads as a sheet has fields: one per column read. */
const MAX_FIELDS = Math.max(...CHECKED.map((rt) => rt.fields.length));

export interface CheckRun {
  /** The check reached its last step: the Data check sheet is complete, the scores are final. */
  done: boolean;
  /** Records checked so far, findings so far, and those with a safe fix. */
  checked: number;
  findings: number;
  safe: number;
  /** The final scores (empty while the check is under way) and those of the check before. */
  scores: SheetScore[];
  before: Record<string, number> | null;
}

/** The customer IDs that exist, for a sheet whose records name a customer. */
function customerIds(ss: Spreadsheet, rt: RecordType): Set<string> | null {
  if (!rt.fields.some((f) => f.key === 'customerId')) return null;
  if (!ss.getSheetByName(customer.sheetName)) return new Set();
  return idSet(readColumns(ss, customer, ['id'], 1).values.id);
}

/** A block of one sheet judged, its finding rows laid out: what a step writes once it is recorded. */
interface Judged {
  result: StepResult;
  rows: unknown[][];
}

/**
 * One step's reading and judging: a block of rows of one sheet, judged with what the rules need from other rows
 * (the duplicate keys of the Customers rows before it, the customer IDs that exist). Nothing is written here.
 */
function judgeStep(ss: Spreadsheet, env: CheckEnv, tz: string, p: CheckProgress, o: GridOptions): Judged {
  const began = Date.now();
  const rt = CHECKED[p.sheet];
  const { cells, ended } = readSheetBlock(ss, rt, tz, p.from, rowsPerStep(rt.fields.length, 'dataCheckRows'));
  const isCustomers = rt.key === customer.key;
  const result = checkSheet(cells, env, {
    from: p.from,
    customerIds: cells.count ? customerIds(ss, rt) : null,
    earlier: isCustomers && p.from > 0 ? readTopRows(ss, customer, DUPLICATE_FIELDS, p.from) : undefined,
  });
  const rows = findingRows(result.findings, p.listed, o);
  return {
    rows,
    result: {
      records: result.records,
      withProblems: result.withProblems,
      findings: result.findings.length,
      safe: result.findings.filter((f) => f.safe).length,
      listed: rows.length,
      ended,
      tookMs: Date.now() - began,
    },
  };
}

const headRows = (o: GridOptions) => dataCheckHead(null, null, o).length;

const optionsOf = (env: CheckEnv, tz: string, startedAt: string): GridOptions => ({
  lang: env.lang,
  checkedAt: Utilities.formatDate(new Date(startedAt), tz, 'yyyy-MM-dd HH:mm'),
  recordTypes: CHECKED,
});

/** The check under way (unless `fresh`, or left for a day), or a new one, which first rewrites the Data check sheet. */
function claim(ss: Spreadsheet, env: CheckEnv, tz: string, now: Date, fresh: boolean): CheckProgress {
  return withDocumentLock(() => {
    const state = readCareState();
    if (state.check && !fresh && !isStale(state.check, Date.now())) return state.check;
    const p = startCheck(now.toISOString(), CHECKED.length);
    writeReport(
      ss,
      DATA_CHECK_SHEET,
      dataCheckHead(null, null, optionsOf(env, tz, p.startedAt)),
      DATA_CHECK_TEXT_COLUMNS,
      DATA_CHECK_WIDTHS,
    );
    writeCareState({ check: p });
    return p;
  });
}

const checkedOf = (p: CheckProgress) => p.tally.reduce((n, t) => n + t.records, 0);

/**
 * Records a judged step under the document lock, when the check is still where the step found it: its finding
 * rows appended, and after the last step the scores over the head, kept for the next check's trend. Otherwise
 * another execution took that step meanwhile (two people running the check), and this one's judgement goes.
 */
function commit(ss: Spreadsheet, env: CheckEnv, p: CheckProgress, o: GridOptions, judged: Judged): CheckRun {
  return withDocumentLock(() => {
    const state = readCareState();
    const before = state.scores ?? null;
    if (JSON.stringify(state.check) !== JSON.stringify(p)) {
      const now = state.check;
      if (now)
        return {
          done: false,
          checked: checkedOf(now),
          findings: now.findings,
          safe: now.safe,
          before,
          scores: [],
        };
      // The other execution finished this check: its scores are the ones kept.
      const scores = Object.entries(state.scores ?? {}).map(([sheet, score]) => ({
        sheet,
        score,
        records: 0,
        withProblems: 0,
      }));
      return { done: true, checked: checkedOf(p), findings: p.findings, safe: p.safe, before: null, scores };
    }
    writeReportRows(
      ss,
      DATA_CHECK_SHEET,
      headRows(o) + p.listed + 1,
      judged.rows,
      DATA_CHECK_TEXT_COLUMNS,
      WIDTH,
    );
    const next = afterStep(p, judged.result);
    const run = { checked: checkedOf(next), findings: next.findings, safe: next.safe, before };
    if (!isFinished(next)) {
      writeCareState({ check: next });
      return { ...run, done: false, scores: [] };
    }
    const scores = scoresOf(
      next,
      CHECKED.map((rt) => rt.sheetName),
    );
    writeReportRows(
      ss,
      DATA_CHECK_SHEET,
      1,
      dataCheckHead(scores, before, o),
      DATA_CHECK_TEXT_COLUMNS,
      WIDTH,
    );
    writeReportRows(
      ss,
      DATA_CHECK_SHEET,
      headRows(o) + next.listed + 1,
      moreRows(next.findings, env.lang),
      DATA_CHECK_TEXT_COLUMNS,
      WIDTH,
    );
    writeCareState({
      check: undefined,
      checkedAt: next.startedAt,
      scores: Object.fromEntries(scores.map((s) => [s.sheet, s.score])),
      took: { ...state.took, dataCheck: next.longestMs },
    });
    return { ...run, done: true, scores };
  });
}

/**
 * One step of the check. Its block is read and judged without the lock: findings say what the rows held when
 * read, whatever people save meanwhile, and saves never wait for a block. The lock is taken to claim the step
 * and to record it.
 */
function nextStep(ss: Spreadsheet, env: CheckEnv, tz: string, now: Date, fresh: boolean): CheckRun {
  const p = claim(ss, env, tz, now, fresh);
  const o = optionsOf(env, tz, p.startedAt);
  return commit(ss, env, p, o, judgeStep(ss, env, tz, p, o));
}

/**
 * Runs steps of the check (the one under way, or a new one when there is none or `fresh`) while `mayGoOn`
 * says one more fits, given what a step is expected to take (undefined before any has run).
 */
export function runCheckSteps(
  ss: Spreadsheet,
  env: CheckEnv,
  tz: string,
  o: { now: Date; fresh?: boolean; mayGoOn: (expectedMs: number | undefined) => boolean },
): CheckRun | null {
  let fresh = o.fresh ?? false;
  let run: CheckRun | null = null;
  for (;;) {
    const state = readCareState();
    const expected = (!fresh && state.check?.longestMs) || state.took?.dataCheck;
    if (!o.mayGoOn(expected)) return run;
    run = nextStep(ss, env, tz, o.now, fresh);
    fresh = false;
    if (run.done) return run;
  }
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
  // Only the columns a safe fix can change are read, in runs of adjacent ones (a block spanning them all would
  // read the columns between): 2.4 million cells at 100,000 customers with their history, 119 s modelled.
  const only = Object.fromEntries(CHECKED.map((rt) => [rt.sheetName, safeFixFields(rt)]));
  const result = checkRegister(readSheetCells(ss, CHECKED, tz, only, MAX_FIELDS), env);
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
