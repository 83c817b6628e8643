// A file's text as a table to import: the header and the data rows, or the reason it cannot be imported (nothing is sent then).
import { type Delimiter, parseCsv } from './csv';
import { matchHeaders, recognized } from './mapping';

/** The largest file the dialog reads: 10,000 customers fit in far less; beyond it a browser tab slows down. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 10000;
export const MAX_COLUMNS = 200;
/** Rows per server call: the bench measures a chunk of this size far inside Apps Script's six-minute limit. */
export const IMPORT_CHUNK = 250;

export type TableProblem =
  | { problem: 'empty' }
  | { problem: 'noHeader' }
  | { problem: 'tooManyRows'; rows: number }
  | { problem: 'tooManyColumns'; line: number; columns: number };

export interface FileRow {
  /** The row's line in the file (1 = the header), as a report names it. */
  line: number;
  cells: string[];
}

type FileTable = { ok: true; headers: string[]; rows: FileRow[] } | ({ ok: false } & TableProblem);

/** Splits off the header, drops blank lines, and checks the limits and that some header names a field. */
export function fileTable(source: string | string[][], delimiter?: Delimiter): FileTable {
  const all = typeof source === 'string' ? parseCsv(source.replace(/^\uFEFF/, ''), delimiter) : source;
  // Lines are counted as the file has them (1 = the header), blank lines included, so a report names the right one.
  const numbered = all
    .map((cells, i) => ({ cells, line: i + 1 }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!numbered.length) return { ok: false, problem: 'empty' };
  const wide = numbered.find((r) => r.cells.length > MAX_COLUMNS);
  if (wide) return { ok: false, problem: 'tooManyColumns', line: wide.line, columns: wide.cells.length };
  const [head, ...data] = numbered;
  if (data.length > MAX_ROWS) return { ok: false, problem: 'tooManyRows', rows: data.length };
  const headers = head.cells.map((c) => c.trim());
  if (recognized(matchHeaders(headers)) === 0) return { ok: false, problem: 'noHeader' };
  return { ok: true, headers, rows: data };
}
