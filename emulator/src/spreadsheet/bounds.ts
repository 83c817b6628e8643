// Turning coordinates and A1 text into range references, with the errors Apps Script gives for bad ones.

import { messages } from '../behaviour';
import { parseA1 } from './a1';
import { sheetMessages } from './messages';
import type { OpenSides, RangeRef, SheetState } from './state';

/** A checked reference: at least one row and column, and inside the sheet. */
export function boundedRef(
  sheet: SheetState,
  r: unknown,
  c: unknown,
  nr: unknown = 1,
  nc: unknown = 1,
): RangeRef {
  const [row, column, rows, columns] = [Number(r), Number(c), Number(nr), Number(nc)];
  if (![row, column, rows, columns].every(Number.isFinite))
    throw new Error(sheetMessages.invalidArgument('range'));
  if (rows < 1) throw new Error(messages.rowsAtLeastOne);
  if (columns < 1) throw new Error(messages.columnsAtLeastOne);
  if (row < 1 || column < 1 || row + rows - 1 > sheet.maxRows || column + columns - 1 > sheet.maxColumns) {
    throw new Error(messages.outsideSheet);
  }
  return { sheetId: sheet.id, r: row, c: column, nr: rows, nc: columns };
}

/** Resolves A1 text (sheet name already stripped or ignored) on a sheet: 'A1', 'A1:B2', 'A:A', '1:1', 'A2:B'. */
export function a1Ref(sheet: SheetState, text: string): RangeRef {
  const p = parseA1(text);
  if (!p) throw new Error(sheetMessages.invalidA1);
  const r1 = p.row ?? 1;
  const c1 = p.column ?? 1;
  const r2 = p.endRow ?? sheet.maxRows;
  const c2 = p.endColumn ?? sheet.maxColumns;
  const [top, bottom] = r1 <= r2 ? [r1, r2] : [r2, r1];
  const [left, right] = c1 <= c2 ? [c1, c2] : [c2, c1];
  const ref = boundedRef(sheet, top, left, bottom - top + 1, right - left + 1);
  const open: OpenSides = {};
  if (p.endRow === null) open.rows = p.row === null ? 'all' : 'end';
  if (p.endColumn === null) open.columns = p.column === null ? 'all' : 'end';
  return open.rows || open.columns ? { ...ref, open } : ref;
}

/** The sheet name in A1 text, if any. */
export function a1SheetName(text: string): string | null {
  return parseA1(text)?.sheetName ?? null;
}
