// The sidebar ↔ server shapes of the data check, the dashboard and the backups: JSON only, and how the steps of a comparison join.

export interface DataCheckReport {
  /** False while a large register's check goes on in later executions (the findings so far, no scores yet). */
  done: boolean;
  findings: number;
  /** Findings with a safe fix (normalize a phone or email, trim text). */
  safe: number;
  /** Score per sheet (0–100) and the one of the previous check, null when there was none. */
  scores: { sheet: string; score: number; before: number | null }[];
  message: string;
}

export interface SafeFixReport {
  cells: number;
  records: number;
  message: string;
}

export interface DashboardReport {
  /** 'yyyy-mm-dd hh:mm' in the spreadsheet's zone. */
  refreshedAt: string;
  message: string;
}

export interface BackupList {
  /** Newest first; `at` is 'yyyy-mm-dd hh:mm' in the spreadsheet's zone, `by` the account whose Drive holds it. */
  backups: { id: string; at: string; by: string; records: number }[];
  message: string;
  /** A backup is being taken in steps (a large register): call `backupNow` again to go on. */
  underWay: boolean;
}

/**
 * Where a comparison or a restore done in steps goes on: the index of a backed-up sheet (in the order the
 * comparison lists them) and its next data row (0-based). Send it back as `next` to go on.
 */
export interface StepCursor {
  sheet: number;
  from: number;
  /**
   * A comparison's last compared record (its ID): the next call goes on after wherever that record is then, so
   * rows inserted or deleted above it in between neither skip nor repeat a record.
   */
  after?: string;
}

export interface BackupComparison {
  takenAt: string;
  sheets: SheetComparison[];
  /**
   * Set while more is left to compare: the sheets above are what this call compared (a sheet may come in
   * several calls: add the counts, join the lists).
   */
  next: StepCursor | null;
}

export interface SheetComparison {
  sheet: string;
  label: string;
  /** Records restored one by one (by ID); the other sheets are restored whole. */
  byRecord: boolean;
  /** Rows added since the snapshot: a restore keeps them. */
  added: number;
  removed: string[];
  removedCount: number;
  changed: { id: string; fields: string[] }[];
  changedCount: number;
}

/** Changed and deleted rows listed per sheet; all are counted. */
export const LISTED = 200;

/**
 * Adds one step's comparison of a sheet to what the earlier steps found (the server within a call, the sidebar
 * across calls): counts add up, lists join up to the first LISTED rows.
 */
export function joinComparison(into: SheetComparison[], step: SheetComparison): void {
  const had = into.find((x) => x.sheet === step.sheet);
  if (!had) {
    into.push({ ...step, removed: step.removed.slice(0, LISTED), changed: step.changed.slice(0, LISTED) });
    return;
  }
  had.added += step.added;
  had.removedCount += step.removedCount;
  had.changedCount += step.changedCount;
  had.removed = [...had.removed, ...step.removed].slice(0, LISTED);
  had.changed = [...had.changed, ...step.changed].slice(0, LISTED);
}

export interface RestoreReport {
  records: number;
  sheets: string[];
  message: string;
  /** Set while more is left to restore: send the same request again with it. */
  next: StepCursor | null;
}
