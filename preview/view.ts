// The grid the page draws for one sheet: display values, dropdown and checkbox cells, protected ranges, frozen rows.
import type { Emulator } from '../emulator/src';
import { formatGrid, lastColumn, lastRow, readGrid } from '../emulator/src/spreadsheet/cells';
import { displayValue } from '../emulator/src/spreadsheet/display';
import { canEditProtection } from '../emulator/src/spreadsheet/permissions';
import { layerGrid, subtract } from '../emulator/src/spreadsheet/rects';
import type { Rect, SheetState } from '../emulator/src/spreadsheet/state';
import { CELL, type ChartView, type SheetView } from './wire';

/** Blank rows shown under the data, so there is somewhere to type a new row. */
const SPARE_ROWS = 30;
const DEFAULT_WIDTH = 100;

export function findSheet(emu: Emulator, name: unknown): SheetState | undefined {
  return emu.spreadsheet.state.sheets.find((s) => s.name === name);
}

/** What `user` sees of a sheet: cells they may not edit are flagged, as Sheets greys them for that person. */
export function sheetView(emu: Emulator, sheet: SheetState, user: string): SheetView {
  const state = emu.spreadsheet.state;
  const rect: Rect = {
    r: 1,
    c: 1,
    nr: Math.min(sheet.maxRows, Math.max(lastRow(sheet) + SPARE_ROWS, sheet.frozenRows + 1)),
    nc: Math.min(sheet.maxColumns, Math.max(lastColumn(sheet), 1)),
  };
  const formats = formatGrid(sheet, rect);
  const rows = readGrid(sheet, rect).map((row, i) =>
    row.map((v, j) => displayValue(v, formats ? formats[i][j] : null, state.timeZone)),
  );
  const flags = rows.map((row) => row.map(() => 0));
  const mark = (x: Rect, bits: number) => {
    const r1 = Math.min(x.r + x.nr, rect.r + rect.nr);
    const c1 = Math.min(x.c + x.nc, rect.c + rect.nc);
    for (let r = Math.max(x.r, rect.r); r < r1; r++)
      for (let c = Math.max(x.c, rect.c); c < c1; c++) flags[r - 1][c - 1] |= bits;
  };
  const rules = layerGrid(sheet.layers.validation, rect);
  rules?.forEach((row, i) => {
    row.forEach((rule, j) => {
      if (!rule) return;
      if (rule.criteria === 'CHECKBOX') flags[i][j] |= CELL.checkbox;
      else if (rule.criteria === 'VALUE_IN_RANGE' || rule.criteria === 'VALUE_IN_LIST')
        flags[i][j] |= CELL.dropdown;
    });
  });
  const whole: Rect = { r: 1, c: 1, nr: sheet.maxRows, nc: sheet.maxColumns };
  for (const p of state.protections.filter((x) => x.sheetId === sheet.id)) {
    const bits = CELL.protected | (canEditProtection(state, p, user) ? 0 : CELL.lockedForYou);
    const areas = p.type === 'SHEET' ? subtract(whole, p.unprotected) : p.rect ? [p.rect] : [];
    for (const a of areas) mark(a, bits);
  }
  if (!emu.spreadsheet.canEditFile(user)) mark(whole, CELL.lockedForYou);
  return {
    name: sheet.name,
    rows,
    flags,
    frozenRows: sheet.frozenRows,
    widths: Array.from({ length: rect.nc }, (_, c) => sheet.columns[c]?.width ?? DEFAULT_WIDTH),
    charts: chartViews(emu, sheet),
  };
}

/** Each chart with the cells of its first range: header row, then a label and numbers per row. */
function chartViews(emu: Emulator, sheet: SheetState): ChartView[] {
  return (sheet.charts ?? []).map((c) => {
    const ref = c.ranges[0];
    const source = ref && emu.spreadsheet.state.sheets.find((s) => s.id === ref.sheetId);
    const cells = source ? readGrid(source, ref) : [];
    const [header = [], ...rows] = cells;
    return {
      type: c.type,
      title: String(c.options.title ?? ''),
      stacked: c.options.isStacked === true,
      row: c.position.row,
      column: c.position.column,
      offsetX: c.position.offsetX,
      offsetY: c.position.offsetY,
      width: typeof c.options.width === 'number' ? c.options.width : 600,
      height: typeof c.options.height === 'number' ? c.options.height : 371,
      labels: rows.map((r) => String(r[0] ?? '')),
      series: header.slice(1).map((h) => String(h ?? '')),
      values: rows.map((r) => r.slice(1).map((v) => (typeof v === 'number' ? v : 0))),
    };
  });
}
