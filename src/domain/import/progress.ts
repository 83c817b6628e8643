// Where an import stands, kept between chunks (and across a closed sidebar or a dead execution): what was done, counted, and reported.

export interface ImportProgress {
  /** The highest file line already handled: a chunk resent after a failure skips what it holds up to here. */
  last: number;
  imported: number;
  filled: number;
  skipped: number;
  refused: number;
  /** The report sheet's name, once a row needed reporting. */
  report: string;
  finished: boolean;
  /** A chunk about to be written, saved before its first write and cleared with its progress: see PendingChunk. */
  pending: PendingChunk | null;
}

/**
 * What a chunk is about to write, kept until its progress is saved. An execution that dies between the two
 * leaves it behind; the chunk sent again is then judged as before, and each write is made only if a search
 * does not find it already made.
 */
export interface PendingChunk {
  /** The chunk's first file line: the chunk a retry must be for. */
  first: number;
  /** The lines the chunk creates, and the ID given to each (kept on retry: the counter has moved past them). */
  lines: number[];
  ids: string[];
  /** The moment the chunk stamps its rows and Audit rows with (ISO). */
  at: string;
  /** The chunk's first Audit row, found again in Audit by its record, new value and time. */
  audit: { record: string; newValue: string } | null;
  /** The chunk's first line on the report sheet, found again there. */
  reportLine: number | null;
}

const NEW_PROGRESS: ImportProgress = {
  last: 0,
  imported: 0,
  filled: 0,
  skipped: 0,
  refused: 0,
  report: '',
  finished: false,
  pending: null,
};

/** The progress stored as text, or a fresh one when none (or something unreadable) is stored. */
export function readProgress(text: string | null): ImportProgress {
  if (!text) return { ...NEW_PROGRESS };
  try {
    const p = JSON.parse(text) as Partial<ImportProgress>;
    return { ...NEW_PROGRESS, ...p };
  } catch {
    return { ...NEW_PROGRESS };
  }
}

/**
 * What fills an existing record's empty fields from an imported one: the incoming values where the record has
 * none. `again` (a chunk sent again after its execution died) also keeps the fields that already hold the
 * incoming value: the dead execution may have written some of them, and writing them again changes nothing.
 */
export function emptyFieldsFilled(
  existing: Record<string, unknown>,
  incoming: Record<string, unknown>,
  fillable: readonly string[],
  again = false,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of fillable) {
    const now = existing[key];
    const next = incoming[key];
    if (next === null || next === undefined || next === '') continue;
    if (now === '' || now === null || now === undefined || (again && String(now) === String(next)))
      out[key] = next;
  }
  return out;
}
