// Applies a row/column insertion, deletion or move to everything on a sheet that is anchored to positions.

import { type AxisChange, mapArray, mapInterval, mapLayer, mapRect, mapRectSpan } from './axis';
import type { SheetState, SpreadsheetState } from './state';

function mapFrozen(frozen: number, ch: AxisChange): number {
  if (ch.kind === 'insert') return ch.at <= frozen ? frozen + ch.count : frozen;
  if (ch.kind === 'delete') return frozen - Math.max(0, Math.min(ch.at + ch.count, frozen + 1) - ch.at);
  return frozen;
}

/**
 * Shifts values, notes, formats, validations, conditional rules, column properties, protections, named
 * ranges and row/column metadata together. Deleted ranges take their protections, named ranges and
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
    p.rect = mapRectSpan(p.rect, ch);
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

  if (ch.axis === 'row') sheet.frozenRows = mapFrozen(sheet.frozenRows, ch);
  else sheet.frozenColumns = mapFrozen(sheet.frozenColumns, ch);
  const delta = ch.kind === 'insert' ? ch.count : ch.kind === 'delete' ? -ch.count : 0;
  if (ch.axis === 'row') sheet.maxRows += delta;
  else sheet.maxColumns += delta;
}
