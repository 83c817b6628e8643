// A backup taken in steps across executions: where it stands between steps, and how it knows no row moved under it.
import { utf8Bytes } from '../text';
import { RECORD_SHEETS } from './backup';

/**
 * What the rows read so far of one record sheet were: how many, and a hash of their IDs in row order. Before
 * each step, and once more at the end, the IDs now in those rows must hash the same: then no row was sorted,
 * inserted, deleted or moved among them since, so the rows not read yet are exactly the records not read yet,
 * and every record is in the snapshot once.
 */
interface SheetRead {
  rows: number;
  hash: number;
}

export interface BackupProgress {
  /** When it started (ISO): the time the snapshot carries. */
  startedAt: string;
  /** When its last step ended (ISO). */
  steppedAt: string;
  /** The files' name: the register's, then the local time it started. */
  name: string;
  /** The account taking it: its part files are in that account's Drive, so only its runs go on with it. */
  by: string;
  /** The record sheet being read (index in RECORD_SHEETS); RECORD_SHEETS.length is the closing step. */
  sheet: number;
  read: SheetRead[];
  /** The part files written so far, in row order per sheet. */
  parts: { sheet: string; file: string; rows: number }[];
  /** Sheets read again from their first row because rows moved under the backup. */
  restarts: number;
  /** The longest step so far (ms): what the next one is expected to take. */
  longestMs: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the IDs, each ended by a newline, carried on from `hash`: a block at a time gives the same as all at once. */
export function hashIds(ids: readonly unknown[], hash = FNV_OFFSET): number {
  let h = hash >>> 0;
  for (const id of ids) {
    const text = `${id ?? ''}\n`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, FNV_PRIME) >>> 0;
    }
  }
  return h;
}

export function startBackup(startedAt: string, name: string, by: string): BackupProgress {
  return {
    startedAt,
    steppedAt: startedAt,
    name,
    by,
    sheet: 0,
    read: RECORD_SHEETS.map(() => ({ rows: 0, hash: hashIds([]) })),
    parts: [],
    restarts: 0,
    longestMs: 0,
  };
}

/**
 * After a block of sheet `i` (its `ids`: all its rows, blank IDs too) was saved as `files` (records in each). The sheet being
 * read moves on when the block was its last; the closing step's blocks (rows added since) leave it closing.
 */
export function afterBlock(
  p: BackupProgress,
  i: number,
  block: { ids: readonly unknown[]; files: { file: string; rows: number }[]; ended: boolean; tookMs: number },
): BackupProgress {
  const read = p.read.map((r, j) =>
    j === i ? { rows: r.rows + block.ids.length, hash: hashIds(block.ids, r.hash) } : r,
  );
  return {
    ...p,
    read,
    parts: [...p.parts, ...block.files.map((f) => ({ sheet: RECORD_SHEETS[i], ...f }))],
    sheet: p.sheet === i && block.ended ? i + 1 : p.sheet,
    longestMs: Math.max(p.longestMs, block.tookMs),
  };
}

/** Sheet `i` is read again from its first row, without the parts read of it so far. */
export function restartSheet(p: BackupProgress, i: number): BackupProgress {
  const sheet = RECORD_SHEETS[i];
  return {
    ...p,
    sheet: i,
    read: p.read.map((r, j) => (j === i ? { rows: 0, hash: hashIds([]) } : r)),
    parts: p.parts.filter((x) => x.sheet !== sheet),
    restarts: p.restarts + 1,
  };
}

/** Whether the IDs now in the rows read so far of sheet `i` are those that were read. */
export const prefixHolds = (p: BackupProgress, i: number, idsNow: readonly unknown[]) =>
  idsNow.length >= p.read[i].rows && hashIds(idsNow.slice(0, p.read[i].rows)) === p.read[i].hash;

/**
 * A backup with no step for 6 hours (its admin closed the sidebar, the daily run is off) is dropped and a fresh
 * one started: the daily run's continuations take its next step a minute later.
 */
const STALE_MS = 6 * 60 * 60 * 1000;

export const isStale = (p: BackupProgress, now: number) => now - Date.parse(p.steppedAt) > STALE_MS;

/** Records in the snapshot: every part's rows (blank rows between records included: they are kept as they are). */
export const recordsTaken = (p: BackupProgress) => p.parts.reduce((n, x) => n + x.rows, 0);

/**
 * The block's rows as JSON texts of at most `maxBytes` each, split in halves until each fits (a row of
 * its own always goes, whatever its size: a sheet cell holds at most 50,000 characters).
 */
export function partTexts<R>(rows: readonly R[], toText: (rows: readonly R[]) => string, maxBytes: number) {
  const out: { text: string; rows: readonly R[] }[] = [];
  const split = (part: readonly R[]) => {
    const text = toText(part);
    if (part.length > 1 && utf8Bytes(text) > maxBytes) {
      const half = Math.ceil(part.length / 2);
      split(part.slice(0, half));
      split(part.slice(half));
    } else out.push({ text, rows: part });
  };
  split(rows);
  return out;
}
