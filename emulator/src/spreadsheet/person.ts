// What a person does to cells in the Sheets UI besides typing: pasting or filling a block, and sorting a range.

import { type Behaviour, messages } from '../behaviour';
import type { ExecutionContext } from '../execution';
import { formatGrid, lastRow, noteAt, readGrid, storeGrid, storeNotes, writeCells } from './cells';
import { parseTyped } from './input';
import { sheetMessages } from './messages';
import { assertCellsWritable } from './permissions';
import { layerGrid, paintLayerGrid } from './rects';
import type { CellValue, LayerRect, RangeRef, Rect, SheetState, SpreadsheetState } from './state';

/** One sort key, as Range.sort takes it: an absolute 1-based column index. */
export interface SortSpec {
  column: number;
  ascending?: boolean;
}

/**
 * A paste or fill: the block lands at the range's top-left and must fit inside it; a smaller block fills
 * only its own cells (a paste into whole rows need not span every column). Each cell is parsed as typed,
 * then the usual checked write runs over the cells it changes: protections, then rejecting validation,
 * all or nothing.
 */
export function pasteBlock(
  state: SpreadsheetState,
  behaviour: Behaviour,
  ctx: ExecutionContext,
  sheet: SheetState,
  ref: RangeRef,
  block: readonly (readonly string[])[],
): void {
  const nr = block.length;
  const nc = nr > 0 ? block[0].length : 0;
  if (nr < 1) throw new Error(messages.rowsAtLeastOne);
  if (nc < 1) throw new Error(messages.columnsAtLeastOne);
  if (nr > ref.nr) throw new Error(messages.rowsMismatch(nr, ref.nr));
  for (const row of block) {
    if (row.length !== nc || nc > ref.nc) throw new Error(messages.columnsMismatch(row.length, ref.nc));
  }
  const rect: Rect = { r: ref.r, c: ref.c, nr, nc };
  const formats = formatGrid(sheet, rect);
  const values = block.map((row, i) =>
    row.map((text, j) => parseTyped(String(text), formats ? formats[i][j] : null, state.timeZone, behaviour)),
  );
  writeCells(state, behaviour, ctx, sheet, rect, values);
}

// Sheets orders numbers (and dates) before text before booleans, and leaves blanks at the bottom whichever
// the direction. Formulas are never evaluated here, so they sort as their text.
function rank(v: CellValue | null): number {
  if (v === null) return 3;
  if (typeof v === 'number' || (typeof v === 'object' && 'd' in v)) return 0;
  if (typeof v === 'boolean') return 2;
  return 1;
}

function sortKey(v: CellValue | null): number | string {
  if (v === null) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return v.toLowerCase();
  return 'd' in v ? v.d : v.f.toLowerCase();
}

function compareCells(a: CellValue | null, b: CellValue | null, ascending: boolean): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra === 3 || rb === 3) return ra - rb;
  const sign = ascending ? 1 : -1;
  if (ra !== rb) return sign * (ra - rb);
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -sign : ka > kb ? sign : 0;
}

/** A layer with the rows of `rect` reordered: row i of the result is row order[i] of the original. */
function permuteLayer<T>(layer: LayerRect<T>[], rect: Rect, order: readonly number[]): LayerRect<T>[] {
  const grid = layerGrid(layer, rect);
  return grid
    ? paintLayerGrid(
        layer,
        rect,
        order.map((i) => grid[i]),
        (v) => JSON.stringify(v),
      )
    : layer;
}

/**
 * Sorts the rows of a range by the given columns (stable, first key first). Each row's cells move with
 * their values, formats, validations and notes inside the range; rows below the sheet's last row with
 * content are blank and stay put. Row metadata, protections and everything outside the range stay where
 * they are: a sort rewrites cells, it does not move rows (behaviour.ts, personChange).
 */
export function sortRange(
  state: SpreadsheetState,
  ctx: ExecutionContext,
  sheet: SheetState,
  ref: RangeRef,
  specs: readonly SortSpec[],
): void {
  if (specs.length === 0) throw new Error(sheetMessages.invalidArgument('sortSpecObj'));
  for (const s of specs) {
    if (!(s.column >= ref.c && s.column < ref.c + ref.nc)) throw new Error(sheetMessages.sortColumnOutside);
  }
  const nr = Math.min(ref.nr, lastRow(sheet) - ref.r + 1);
  if (nr < 2) return;
  const rect: Rect = { r: ref.r, c: ref.c, nr, nc: ref.nc };
  assertCellsWritable(state, ctx, sheet.id, rect);
  const cells = readGrid(sheet, rect);
  const order = cells.map((_, i) => i);
  order.sort((a, b) => {
    for (const s of specs) {
      const j = s.column - ref.c;
      const d = compareCells(cells[a][j], cells[b][j], s.ascending !== false);
      if (d !== 0) return d;
    }
    return a - b;
  });
  const permute = <T>(grid: T[][]): T[][] => order.map((i) => grid[i]);
  storeGrid(sheet, rect, permute(cells));
  const notes = Array.from({ length: nr }, (_, i) =>
    Array.from({ length: ref.nc }, (_, j) => noteAt(sheet, ref.r + i, ref.c + j) || null),
  );
  storeNotes(sheet, rect, permute(notes));
  const l = sheet.layers;
  sheet.layers = {
    numberFormat: permuteLayer(l.numberFormat, rect, order),
    background: permuteLayer(l.background, rect, order),
    fontWeight: permuteLayer(l.fontWeight, rect, order),
    fontColor: permuteLayer(l.fontColor, rect, order),
    wrapStrategy: permuteLayer(l.wrapStrategy, rect, order),
    horizontalAlignment: permuteLayer(l.horizontalAlignment, rect, order),
    verticalAlignment: permuteLayer(l.verticalAlignment, rect, order),
    validation: permuteLayer(l.validation, rect, order),
  };
}
