// Embedded charts after rows or columns are inserted, deleted or moved: their data ranges and anchors follow the cells, as in Sheets.

import { type AxisChange, mapIndex, mapRectSpan } from './axis';
import type { SheetState, SpreadsheetState } from './state';

/**
 * A chart's ranges follow the cells like a formula's references, on whichever sheet the chart sits: a
 * range given with fixed ends (`A1:B10`) grows only for lines inserted inside it, an open one (`A:B`) keeps
 * reaching the end; a range whose cells are all deleted is dropped. The anchor cell moves with its line;
 * when that line is deleted the chart stays at the same position.
 */
export function shiftCharts(state: SpreadsheetState, sheet: SheetState, ch: AxisChange): void {
  for (const holder of state.sheets) {
    for (const chart of holder.charts ?? []) {
      chart.ranges = chart.ranges.flatMap((ref) => {
        if (ref.sheetId !== sheet.id) return [ref];
        const open = ch.axis === 'row' ? ref.open?.rows : ref.open?.columns;
        const moved = mapRectSpan(ref, ch, open === undefined);
        return moved ? [moved] : [];
      });
      if (holder.id !== sheet.id) continue;
      const key = ch.axis === 'row' ? 'row' : 'column';
      const at = chart.position[key];
      chart.position = {
        ...chart.position,
        [key]: Math.max(1, mapIndex(ch, at) ?? Math.min(at, sizeAfter(sheet, ch))),
      };
    }
  }
}

/** The sheet's number of lines on the changed axis once the change is applied. */
function sizeAfter(sheet: SheetState, ch: AxisChange): number {
  const size = ch.axis === 'row' ? sheet.maxRows : sheet.maxColumns;
  return ch.kind === 'delete' ? size - ch.count : size;
}
