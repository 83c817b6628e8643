// Row/column insertions, deletions and moves, checked for the acting user and applied to everything anchored to positions.

import type { ExecutionContext } from '../execution';
import { type Axis, type AxisChange, mapArray, mapInterval, mapLayer, mapRect, mapRectSpan } from './axis';
import { assertCellBudget } from './cells';
import { shiftCharts } from './chart-lines';
import { sheetMessages } from './messages';
import { assertLinesWritable } from './permissions';
import type { SheetState, SpreadsheetState } from './state';

const outOfBounds = (axis: Axis) =>
  axis === 'row' ? sheetMessages.rowsOutOfBounds : sheetMessages.columnsOutOfBounds;
const sizeOf = (sh: SheetState, axis: Axis) => (axis === 'row' ? sh.maxRows : sh.maxColumns);

/** Inserts `count` rows/columns before position `at` (a script's insertRowsBefore, or a person's insert). */
export function insertLines(
  state: SpreadsheetState,
  ctx: ExecutionContext,
  sh: SheetState,
  axis: Axis,
  at: number,
  count: number,
): void {
  const size = sizeOf(sh, axis);
  if (!(count >= 1) || !(at >= 1 && at <= size + 1)) throw new Error(outOfBounds(axis));
  assertLinesWritable(state, ctx, sh.id, axis, at - 1, at, true);
  assertCellBudget(state, count * (axis === 'row' ? sh.maxColumns : sh.maxRows));
  applyAxisChange(state, sh, { kind: 'insert', axis, at, count, oldSize: size });
}

/** Deletes `count` rows/columns from position `at`; the last ones of a sheet cannot all go. */
export function deleteLines(
  state: SpreadsheetState,
  ctx: ExecutionContext,
  sh: SheetState,
  axis: Axis,
  at: number,
  count: number,
): void {
  const size = sizeOf(sh, axis);
  if (!(count >= 1) || !(at >= 1 && at + count - 1 <= size)) throw new Error(outOfBounds(axis));
  if (count >= size)
    throw new Error(axis === 'row' ? sheetMessages.deleteAllRows : sheetMessages.deleteAllColumns);
  assertLinesWritable(state, ctx, sh.id, axis, at, at + count - 1);
  applyAxisChange(state, sh, { kind: 'delete', axis, at, count });
}

/** Moves `count` rows/columns starting at `from` before position `to` (pre-move coordinates, as Sheet.moveRows). */
export function moveLines(
  state: SpreadsheetState,
  ctx: ExecutionContext,
  sh: SheetState,
  axis: Axis,
  from: number,
  count: number,
  to: number,
): void {
  const size = sizeOf(sh, axis);
  if (!(to >= 1 && to <= size + 1) || !(count >= 1) || !(from >= 1 && from + count - 1 <= size))
    throw new Error(outOfBounds(axis));
  assertLinesWritable(state, ctx, sh.id, axis, Math.min(from, to), Math.max(from + count - 1, to - 1));
  applyAxisChange(state, sh, { kind: 'move', axis, from, count, to });
}

function mapFrozen(frozen: number, ch: AxisChange): number {
  if (ch.kind === 'insert') return ch.at <= frozen ? frozen + ch.count : frozen;
  if (ch.kind === 'delete') return frozen - Math.max(0, Math.min(ch.at + ch.count, frozen + 1) - ch.at);
  return frozen;
}

/**
 * Shifts values, notes, formats, validations, conditional rules, column properties, protections, named
 * ranges, charts and row/column metadata together. Deleted ranges take their protections, named ranges and
 * metadata with them. VALUE_IN_RANGE references inside validation rules are not shifted (limitation).
 */
export function applyAxisChange(state: SpreadsheetState, sheet: SheetState, ch: AxisChange): void {
  if (ch.axis === 'row') {
    sheet.cells = mapArray(sheet.cells, ch, () => []);
    sheet.notes = mapArray(sheet.notes, ch, () => []);
  } else {
    sheet.cells = sheet.cells.map((row) => mapArray(row, ch, () => null));
    sheet.notes = sheet.notes.map((row) => mapArray(row, ch, () => null));
    sheet.columns = mapArray(sheet.columns, ch, () => null);
  }
  const layers = sheet.layers;
  sheet.layers = {
    numberFormat: mapLayer(layers.numberFormat, ch),
    background: mapLayer(layers.background, ch),
    fontWeight: mapLayer(layers.fontWeight, ch),
    fontColor: mapLayer(layers.fontColor, ch),
    wrapStrategy: mapLayer(layers.wrapStrategy, ch),
    horizontalAlignment: mapLayer(layers.horizontalAlignment, ch),
    verticalAlignment: mapLayer(layers.verticalAlignment, ch),
    validation: mapLayer(layers.validation, ch),
  };
  sheet.conditionalRules = sheet.conditionalRules
    .map((rule) => ({ ...rule, ranges: rule.ranges.flatMap((r) => mapRect(r, ch)) }))
    .filter((rule) => rule.ranges.length > 0);

  state.protections = state.protections.filter((p) => {
    if (p.sheetId !== sheet.id) return true;
    p.unprotected = p.unprotected.flatMap((r) => mapRect(r, ch));
    if (p.rect === null) return true;
    // Only a protection given with an open end ('B2:B', 'C:C', '1:1') covers lines added after the sheet's end.
    const open = ch.axis === 'row' ? p.open?.rows : p.open?.columns;
    p.rect = mapRectSpan(p.rect, ch, open === undefined);
    return p.rect !== null;
  });
  state.namedRanges = state.namedRanges.filter((n) => {
    if (n.ref.sheetId !== sheet.id) return true;
    const ref = mapRectSpan(n.ref, ch);
    if (ref) n.ref = ref;
    return ref !== null;
  });
  const dimension = ch.axis === 'row' ? 'ROW' : 'COLUMN';
  state.metadata = state.metadata.filter((m) => {
    const loc = m.location;
    if (loc.type !== dimension || loc.sheetId !== sheet.id) return true;
    const parts = mapInterval({ start: loc.start, len: loc.count }, ch);
    if (parts.length === 0) return false;
    const start = Math.min(...parts.map((p) => p.start));
    const end = Math.max(...parts.map((p) => p.start + p.len));
    m.location = { ...loc, start, count: end - start };
    return true;
  });

  shiftCharts(state, sheet, ch);

  if (ch.axis === 'row') sheet.frozenRows = mapFrozen(sheet.frozenRows, ch);
  else sheet.frozenColumns = mapFrozen(sheet.frozenColumns, ch);
  const delta = ch.kind === 'insert' ? ch.count : ch.kind === 'delete' ? -ch.count : 0;
  if (ch.axis === 'row') sheet.maxRows += delta;
  else sheet.maxColumns += delta;
}
