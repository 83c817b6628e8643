// The Sheet object: its ranges, rows and columns (insert, delete, move), appendRow, protection and sheet settings.

import { messages } from '../behaviour';
import type { Axis } from './axis';
import { a1Ref, boundedRef } from './bounds';
import { assertCellBudget, clearCells, lastColumn, lastRow, sheetById } from './cells';
import { enumName } from './enums';
import { createChart, createChartBuilder, draftOf } from './facade-chart';
import { createConditionalRule } from './facade-conditional';
import { addMetadata } from './facade-metadata';
import { writeScriptValues } from './facade-range';
import { notations } from './facade-range-list';
import { conditionalRules, refOf, sheetIds } from './handles';
import { sheetMessages } from './messages';
import { assertCellsWritable, assertSheetWritable } from './permissions';
import type { Facade, Session } from './session';
import { type ChartState, type ColumnState, freshProtection, type Rect, type SheetState } from './state';
import { applyAxisChange, deleteLines, insertLines, moveLines } from './structure';
import { clearStyles } from './styles';

const DEFAULT_COLUMN_WIDTH = 100;

export function createSheet(s: Session, id: number): Facade {
  const charge = s.meter('Sheet');
  const sheet = (): SheetState => sheetById(s.state, id);
  const whole = (sh: SheetState): Rect => ({ r: 1, c: 1, nr: sh.maxRows, nc: sh.maxColumns });

  const insert = (axis: Axis, at: number, count: number): void =>
    insertLines(s.state, s.ctx, sheet(), axis, at, count);
  const remove = (axis: Axis, at: number, count: number): void =>
    deleteLines(s.state, s.ctx, sheet(), axis, at, count);
  const move = (axis: Axis, range: unknown, to: number): void => {
    const ref = refOf(range);
    const sh = sheet();
    if (ref.sheetId !== sh.id) throw new Error(sheetMessages.rangeNotOnSheet);
    const [from, count] = axis === 'row' ? [ref.r, ref.nr] : [ref.c, ref.nc];
    moveLines(s.state, s.ctx, sh, axis, from, count, to);
  };
  const setColumns = (start: number, count: number, patch: ColumnState): void => {
    const sh = sheet();
    boundedRef(sh, 1, start, 1, count);
    assertSheetWritable(s.state, s.ctx, sh.id, false);
    for (let c = start; c < start + count; c++) {
      while (sh.columns.length < c) sh.columns.push(null);
      sh.columns[c - 1] = { ...(sh.columns[c - 1] ?? {}), ...patch };
    }
  };
  const sheetSetting = (): SheetState => {
    const sh = sheet();
    assertSheetWritable(s.state, s.ctx, sh.id, false);
    return sh;
  };

  const self: Facade = {
    getName() {
      charge('getName');
      return sheet().name;
    },
    setName(name: unknown) {
      charge('setName');
      const sh = sheetSetting();
      const n = String(name);
      if (s.state.sheets.some((x) => x !== sh && x.name === n)) throw new Error(messages.sheetExists(n));
      sh.name = n;
      return self;
    },
    getSheetId() {
      charge('getSheetId');
      return sheet().id;
    },
    getIndex() {
      charge('getIndex');
      return s.state.sheets.indexOf(sheet()) + 1;
    },
    getParent() {
      charge('getParent');
      return s.spreadsheet();
    },
    getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown) {
      charge('getRange');
      const sh = sheet();
      if (typeof a === 'string') return s.range(a1Ref(sh, a));
      return s.range(boundedRef(sh, a, b, c ?? 1, d ?? 1));
    },
    getRangeList(a1Notations: unknown) {
      charge('getRangeList');
      const sh = sheet();
      return s.rangeList(notations(a1Notations).map((a1) => a1Ref(sh, a1)));
    },
    getDataRange() {
      charge('getDataRange');
      const sh = sheet();
      return s.range({
        sheetId: sh.id,
        r: 1,
        c: 1,
        nr: Math.max(1, lastRow(sh)),
        nc: Math.max(1, lastColumn(sh)),
      });
    },
    getLastRow() {
      charge('getLastRow');
      const n = lastRow(sheet());
      return n === 0 ? s.behaviour.lastRowOfEmptySheet : n;
    },
    getLastColumn() {
      charge('getLastColumn');
      return lastColumn(sheet());
    },
    getMaxRows() {
      charge('getMaxRows');
      return sheet().maxRows;
    },
    getMaxColumns() {
      charge('getMaxColumns');
      return sheet().maxColumns;
    },
    insertRowsAfter(after: unknown, howMany: unknown) {
      charge('insertRowsAfter');
      insert('row', Number(after) + 1, Number(howMany));
      return self;
    },
    insertRowsBefore(before: unknown, howMany: unknown) {
      charge('insertRowsBefore');
      insert('row', Number(before), Number(howMany));
      return self;
    },
    insertRows(index: unknown, howMany: unknown = 1) {
      charge('insertRows');
      insert('row', Number(index), Number(howMany));
    },
    insertRowAfter(after: unknown) {
      charge('insertRowAfter');
      insert('row', Number(after) + 1, 1);
      return self;
    },
    insertRowBefore(before: unknown) {
      charge('insertRowBefore');
      insert('row', Number(before), 1);
      return self;
    },
    insertColumnsAfter(after: unknown, howMany: unknown) {
      charge('insertColumnsAfter');
      insert('column', Number(after) + 1, Number(howMany));
      return self;
    },
    insertColumnsBefore(before: unknown, howMany: unknown) {
      charge('insertColumnsBefore');
      insert('column', Number(before), Number(howMany));
      return self;
    },
    insertColumns(index: unknown, howMany: unknown = 1) {
      charge('insertColumns');
      insert('column', Number(index), Number(howMany));
    },
    insertColumnAfter(after: unknown) {
      charge('insertColumnAfter');
      insert('column', Number(after) + 1, 1);
      return self;
    },
    insertColumnBefore(before: unknown) {
      charge('insertColumnBefore');
      insert('column', Number(before), 1);
      return self;
    },
    deleteRow(position: unknown) {
      charge('deleteRow');
      remove('row', Number(position), 1);
      return self;
    },
    deleteRows(position: unknown, howMany: unknown) {
      charge('deleteRows');
      remove('row', Number(position), Number(howMany));
    },
    deleteColumn(position: unknown) {
      charge('deleteColumn');
      remove('column', Number(position), 1);
      return self;
    },
    deleteColumns(position: unknown, howMany: unknown) {
      charge('deleteColumns');
      remove('column', Number(position), Number(howMany));
    },
    moveColumns(columnSpec: unknown, destinationIndex: unknown) {
      charge('moveColumns');
      move('column', columnSpec, Number(destinationIndex));
    },
    moveRows(rowSpec: unknown, destinationIndex: unknown) {
      charge('moveRows');
      move('row', rowSpec, Number(destinationIndex));
    },
    appendRow(rowContents: unknown) {
      const row = Array.isArray(rowContents) ? rowContents : [];
      charge('appendRow', row.length);
      const sh = sheet();
      if (row.length === 0) return self;
      const target = lastRow(sh) + 1;
      if (row.length > sh.maxColumns) {
        const extra = row.length - sh.maxColumns;
        assertCellBudget(s.state, extra * sh.maxRows);
        applyAxisChange(s.state, sh, {
          kind: 'insert',
          axis: 'column',
          at: sh.maxColumns + 1,
          count: extra,
          oldSize: sh.maxColumns,
        });
      }
      if (target > sh.maxRows) {
        assertCellBudget(s.state, sh.maxColumns);
        applyAxisChange(s.state, sh, {
          kind: 'insert',
          axis: 'row',
          at: sh.maxRows + 1,
          count: 1,
          oldSize: sh.maxRows,
        });
      }
      writeScriptValues(s, sh, { r: target, c: 1, nr: 1, nc: row.length }, [row], 'typed');
      return self;
    },
    clear(options?: unknown) {
      const sh = sheet();
      charge('clear', sh.maxRows * sh.maxColumns);
      const rect = whole(sh);
      assertCellsWritable(s.state, s.ctx, sh.id, rect);
      const o = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
      const any = o.contentsOnly || o.formatOnly;
      if (!any || o.contentsOnly) clearCells(sh, rect);
      if (!any || o.formatOnly) clearStyles(sh, rect);
      s.ctx.noteWrite?.(sh.name, 'A1');
      return self;
    },
    clearContents() {
      const sh = sheet();
      charge('clearContents', sh.maxRows * sh.maxColumns);
      assertCellsWritable(s.state, s.ctx, sh.id, whole(sh));
      clearCells(sh, whole(sh));
      s.ctx.noteWrite?.(sh.name, 'A1');
      return self;
    },
    clearFormats() {
      const sh = sheet();
      charge('clearFormats', sh.maxRows * sh.maxColumns);
      assertCellsWritable(s.state, s.ctx, sh.id, whole(sh));
      clearStyles(sh, whole(sh));
      return self;
    },
    getFrozenRows() {
      charge('getFrozenRows');
      return sheet().frozenRows;
    },
    setFrozenRows(rows: unknown) {
      charge('setFrozenRows');
      sheetSetting().frozenRows = Number(rows);
    },
    getFrozenColumns() {
      charge('getFrozenColumns');
      return sheet().frozenColumns;
    },
    setFrozenColumns(columns: unknown) {
      charge('setFrozenColumns');
      sheetSetting().frozenColumns = Number(columns);
    },
    setColumnWidth(column: unknown, width: unknown) {
      charge('setColumnWidth');
      setColumns(Number(column), 1, { width: Number(width) });
      return self;
    },
    setColumnWidths(start: unknown, count: unknown, width: unknown) {
      charge('setColumnWidths');
      setColumns(Number(start), Number(count), { width: Number(width) });
      return self;
    },
    getColumnWidth(column: unknown) {
      charge('getColumnWidth');
      return sheet().columns[Number(column) - 1]?.width ?? DEFAULT_COLUMN_WIDTH;
    },
    hideColumns(column: unknown, count: unknown = 1) {
      charge('hideColumns');
      setColumns(Number(column), Number(count), { hidden: true });
    },
    showColumns(column: unknown, count: unknown = 1) {
      charge('showColumns');
      setColumns(Number(column), Number(count), { hidden: false });
    },
    isColumnHiddenByUser(column: unknown) {
      charge('isColumnHiddenByUser');
      return sheet().columns[Number(column) - 1]?.hidden === true;
    },
    setTabColor(color: unknown) {
      charge('setTabColor');
      sheetSetting().tabColor = color === null || color === undefined ? null : String(color);
      return self;
    },
    getTabColor() {
      charge('getTabColor');
      return sheet().tabColor;
    },
    protect() {
      charge('protect');
      const sh = sheetSetting();
      const existing = s.state.protections.find((p) => p.sheetId === sh.id && p.type === 'SHEET');
      if (existing) return s.protection(existing.id);
      const pid = s.state.nextProtectionId++;
      s.state.protections.push(freshProtection(pid, 'SHEET', sh.id, null));
      return s.protection(pid);
    },
    getProtections(type: unknown) {
      charge('getProtections');
      const t = enumName(type);
      return s.state.protections
        .filter((p) => p.sheetId === id && p.type === t)
        .map((p) => s.protection(p.id));
    },
    getConditionalFormatRules() {
      charge('getConditionalFormatRules');
      return sheet().conditionalRules.map((r) => createConditionalRule(s, r, id));
    },
    setConditionalFormatRules(rules: unknown) {
      charge('setConditionalFormatRules');
      const sh = sheetSetting();
      sh.conditionalRules = (Array.isArray(rules) ? rules : []).map((r) => {
        const state = conditionalRules.get(r as object);
        if (!state) throw new Error(sheetMessages.invalidArgument('rules'));
        return structuredClone(state);
      });
    },
    addDeveloperMetadata(key: unknown, a?: unknown, b?: unknown) {
      charge('addDeveloperMetadata');
      sheetSetting();
      addMetadata(s, { type: 'SHEET', sheetId: id }, key, a, b);
      return self;
    },
    getDeveloperMetadata() {
      charge('getDeveloperMetadata');
      sheet();
      return s.state.metadata
        .filter((m) => m.location.type === 'SHEET' && m.location.sheetId === id)
        .map((m) => s.metadata(m.id));
    },
    createDeveloperMetadataFinder() {
      charge('createDeveloperMetadataFinder');
      return s.metadataFinder({ sheetId: sheet().id });
    },
    createTextFinder(text: unknown) {
      charge('createTextFinder');
      return s.textFinder({ sheetId: sheet().id }, text);
    },
    activate() {
      charge('activate');
      s.state.activeSheetId = sheet().id;
      return self;
    },
    isSheetHidden() {
      charge('isSheetHidden');
      return sheet().hidden;
    },
    hideSheet() {
      charge('hideSheet');
      sheetSetting().hidden = true;
      return self;
    },
    showSheet() {
      charge('showSheet');
      sheetSetting().hidden = false;
      return self;
    },
    newChart() {
      charge('newChart');
      return createChartBuilder(s, sheet().id);
    },
    insertChart(chart: unknown) {
      charge('insertChart');
      const sh = sheetSetting();
      const draft = draftOf(chart);
      if (draft.id !== null) throw new Error(sheetMessages.invalidArgument('chart'));
      const id = s.state.nextChartId ?? 1;
      s.state.nextChartId = id + 1;
      sh.charts = [...(sh.charts ?? []), { ...draft, id, sheetId: sh.id }];
    },
    getCharts() {
      charge('getCharts');
      return (sheet().charts ?? []).map((c) => createChart(s, structuredClone(c)));
    },
    updateChart(chart: unknown) {
      charge('updateChart');
      const sh = sheetSetting();
      const draft = draftOf(chart);
      const at = (sh.charts ?? []).findIndex((c) => c.id === draft.id);
      if (at < 0) throw new Error(sheetMessages.invalidArgument('chart'));
      (sh.charts as ChartState[])[at] = { ...draft, id: draft.id as number, sheetId: sh.id };
    },
    removeChart(chart: unknown) {
      charge('removeChart');
      const sh = sheetSetting();
      const { id } = draftOf(chart);
      sh.charts = (sh.charts ?? []).filter((c) => c.id !== id);
    },
    toString: () => 'Sheet',
  };
  sheetIds.set(self, id);
  return s.instrument(self);
}
