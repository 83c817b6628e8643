// A1 notation (and R1C1 cell references): column letters, cell and range references with optional sheet names.

import type { OpenSides } from './state';

export function columnLetter(column: number): string {
  let s = '';
  let n = column;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function rectA1(r: number, c: number, nr: number, nc: number): string {
  const first = cellA1(r, c);
  return nr === 1 && nc === 1 ? first : `${first}:${cellA1(r + nr - 1, c + nc - 1)}`;
}

/** A range's A1 text, keeping the open sides it was given with ('5:7', 'D:F', 'A2:B'). */
export function rangeA1(r: number, c: number, nr: number, nc: number, open?: OpenSides): string {
  const rows = open?.rows;
  const columns = open?.columns;
  if (!rows && !columns) return rectA1(r, c, nr, nc);
  if (columns === 'all') return `${r}:${r + nr - 1}`;
  if (rows === 'all') return `${columnLetter(c)}:${columnLetter(c + nc - 1)}`;
  const end = rows === 'end' ? columnLetter(c + nc - 1) : `${r + nr - 1}`;
  return `${cellA1(r, c)}:${end}`;
}

/** A parsed range reference; `null` bounds are open (to the end of the sheet). */
export interface ParsedA1 {
  sheetName: string | null;
  row: number | null;
  column: number | null;
  endRow: number | null;
  endColumn: number | null;
}

const part = /^\$?([A-Za-z]*)\$?(\d*)$/;
// Absolute R1C1 only ('R5C3', 'R2C1:R4C3'): what getRange accepts besides A1.
const r1c1 = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i;

/** Splits "'My sheet'!A1:B2" into the sheet name and the reference; null when the text is not A1 notation. */
export function parseA1(text: string): ParsedA1 | null {
  let sheetName: string | null = null;
  let ref = text.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = ref.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'") && sheetName.length >= 2) {
      sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    }
    ref = ref.slice(bang + 1);
  }
  const rc = r1c1.exec(ref);
  if (rc) {
    const [row, column] = [Number(rc[1]), Number(rc[2])];
    const [endRow, endColumn] = rc[3] ? [Number(rc[3]), Number(rc[4])] : [row, column];
    return { sheetName, row, column, endRow, endColumn };
  }
  const [a, b, extra] = ref.split(':');
  if (extra !== undefined || !a) return null;
  const start = part.exec(a);
  if (!start || (!start[1] && !start[2])) return null;
  const row = start[2] ? Number(start[2]) : null;
  const column = start[1] ? columnIndex(start[1]) : null;
  if (b === undefined) {
    if (row === null || column === null) return null;
    return { sheetName, row, column, endRow: row, endColumn: column };
  }
  const end = part.exec(b);
  if (!end || (!end[1] && !end[2])) return null;
  const endRow = end[2] ? Number(end[2]) : null;
  const endColumn = end[1] ? columnIndex(end[1]) : null;
  // 'A:B' has no rows, '1:2' no columns; 'A2:B' runs to the last row.
  if ((row === null) !== (endRow === null) && row === null) return null;
  if ((column === null) !== (endColumn === null) && column === null) return null;
  return { sheetName, row, column, endRow, endColumn };
}
