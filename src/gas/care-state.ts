// What the data check, the dashboard and the backups remember between runs: one JSON document property.

import type { BackupProgress } from '../domain/care/backup-steps';
import type { CheckProgress } from '../domain/care/check-steps';
import { type AnswerTally, addAnswers, answersIn } from '../domain/care/review-answers';
import { type CareJob, fitsAnExecution } from '../domain/care/schedule';
import type { LogEntry } from '../domain/reminders';
import { PROPERTY_KEYS } from './property-keys';
import { withDocumentLock } from './session';

const KEY = PROPERTY_KEYS.care;

export interface BackupEntry {
  /** The Drive file's ID. */
  id: string;
  /** When it was taken (ISO). */
  at: string;
  /** The account whose Drive holds it: only that account's script runs can open it. */
  by: string;
  records: number;
}

export interface CareState {
  /** ISO time of the last data check, its scores by sheet, and of the other jobs. */
  checkedAt?: string;
  scores?: Record<string, number>;
  /** A data check under way across executions: where its next step starts. */
  check?: CheckProgress;
  dashboardAt?: string;
  /**
   * The Dashboard's charts by table key: the chart's ID, so a refresh updates it instead of adding another,
   * and the title the add-on gave it, so a title people changed is kept while one they did not follows the language.
   */
  charts?: Record<string, { id: string; title: string }>;
  backups?: BackupEntry[];
  /** A backup being taken in steps across executions. */
  backup?: BackupProgress;
  /**
   * Part files of a backup left half-taken by another account and dropped: only that account can trash
   * them, which its next backup does.
   */
  abandoned?: Record<string, string[]>;
  /**
   * Review answers per cycle month that have left the Reminder log for its archive (which the add-on never
   * reads back): the Dashboard adds them to the answers still in the log.
   */
  answers?: AnswerTally;
  /**
   * The last archive row whose answers are in `answers`, and the archive pass it belongs to (its first row),
   * written with them: a pass stopped between the tally and its own record does not count them twice.
   */
  answersThrough?: { from: number; row: number };
  /** What each job of the daily run took the last time it ran, in milliseconds (the data check: its longest step). */
  took?: Partial<Record<CareJob, number>>;
  /** Jobs the daily run no longer starts, with what their last run took: the admins' digests say so until one fits again. */
  stalled?: Partial<Record<CareJob, number>>;
}

export function readCareState(): CareState {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY);
  try {
    return raw ? (JSON.parse(raw) as CareState) : {};
  } catch {
    return {};
  }
}

/** Merges `patch` into the stored state; call under the document lock. */
export function writeCareState(patch: Partial<CareState>): CareState {
  const next = { ...readCareState(), ...patch };
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(next));
  return next;
}

/**
 * Runs a whole job, then records what it took: the daily run starts it again only where that much time is left,
 * and never when it is more than a fresh execution has. Before it starts, the job is marked as taking at least
 * the rest of this execution (`leftMs`): if the execution is stopped half-way, that is what the next run knows.
 * The marks take the document lock for a moment each; the job takes it where it writes.
 */
export function timed<T>(job: CareJob, leftMs: number, run: () => T): T {
  withDocumentLock(() => {
    const before = readCareState().took ?? {};
    writeCareState({ took: { ...before, [job]: Math.max(before[job] ?? 0, leftMs) } });
  });
  const began = Date.now();
  const out = run();
  const took = Date.now() - began;
  withDocumentLock(() => {
    const now = readCareState();
    const { [job]: _, ...stalled } = now.stalled ?? {};
    writeCareState({ took: { ...now.took, [job]: took }, ...(fitsAnExecution(took) ? { stalled } : {}) });
  });
  return out;
}

/** The jobs the daily run no longer starts, for the admins' digests. */
export function stalledCareJobs(): { job: CareJob; tookMs: number }[] {
  return Object.entries(readCareState().stalled ?? {}).map(([job, tookMs]) => ({
    job: job as CareJob,
    tookMs: tookMs ?? 0,
  }));
}

/**
 * Counts the answers among rows moved to the Reminder log archive, up to archive row `through.row` of the pass
 * that started at `through.from`, in one write; call under the document lock, as the run does.
 */
export function recordArchivedAnswers(entries: readonly LogEntry[], through: { from: number; row: number }) {
  const answered = answersIn(entries);
  const state = readCareState();
  writeCareState({
    answersThrough: through,
    ...(answered.length ? { answers: addAnswers(state.answers ?? {}, answered) } : {}),
  });
}

/** The last archive row of the pass starting at `from` whose answers were counted (0: none). */
export function answersCountedThrough(from: number): number {
  const t = readCareState().answersThrough;
  return t && t.from === from ? t.row : 0;
}
