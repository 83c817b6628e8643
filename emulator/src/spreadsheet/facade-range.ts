// The Range object scripts see: values, formulas, formats, notes, validation, protection and metadata of a rectangle.

import { messages } from '../behaviour';
import { rangeA1, rectA1 } from './a1';
import { boundedRef } from './bounds';
import {
  cellAt,
  clearCells,
  formatGrid,
  noteAt,
  readGrid,
  readScriptValues,
  sheetById,
  storeGrid,
  storeNotes,
  toCellValue,
  toScriptValue,
  type WriteMode,
  writeCells,
} from './cells';
import { DEFAULT_NUMBER_FORMAT, displayValue } from './display';
import { enumName } from './enums';
import { addMetadata, metadataOnRange } from './facade-metadata';
import { createValidation } from './facade-validation';
import { rangeRefs, validationRules } from './handles';
import { sheetMessages } from './messages';
import { assertCellsWritable } from './permissions';
import { layerGrid, layerValueAt, paintLayer, paintLayerGrid } from './rects';
import type { Facade, Session } from './session';
import {
  type CellValue,
  freshProtection,
  isStoredFormula,
  type MetadataLocation,
  type RangeRef,
  type Rect,
  type SheetState,
  type ValidationState,
} from './state';
import { clearStyles, type StyleLayer } from './styles';

/** Checks a 2-D argument against the range's shape; nothing is written when it does not match. */
export function checkShape(data: unknown, nr: number, nc: number): unknown[][] {
  const rows = Array.isArray(data) ? (data as unknown[]) : [];
  if (rows.length !== nr) throw new Error(messages.rowsMismatch(rows.length, nr));
  for (const row of rows) {
    const len = Array.isArray(row) ? row.length : 0;
    if (len !== nc) throw new Error(messages.columnsMismatch(len, nc));
  }
  return rows as unknown[][];
}

function checkboxValues(rule: ValidationState | null): [CellValue, CellValue] | null {
  if (rule?.criteria !== 'CHECKBOX') return null;
  const [on, off] = rule.values as CellValue[];
  return [on ?? true, rule.values.length > 1 ? off : rule.values.length === 1 ? '' : false];
}

/** The script write path: parse each value against its cell's number format, then the checked write. */
export function writeScriptValues(
  s: Session,
  sh: SheetState,
  rect: Rect,
  rows: unknown[][],
  mode: WriteMode,
): void {
  const formats = formatGrid(sh, rect);
  const timeZone = s.state.timeZone;
  const values: (CellValue | null)[][] = new Array(rect.nr);
  for (let i = 0; i < rect.nr; i++) {
    const src = rows[i];
    const out: (CellValue | null)[] = new Array(rect.nc);
    const f = formats ? formats[i] : null;
    for (let j = 0; j < rect.nc; j++) {
      const v = src[j];
      out[j] = typeof v === 'number' ? v : toCellValue(v, f ? f[j] : null, timeZone, s.behaviour, mode);
    }
    values[i] = out;
  }
  writeCells(s.state, s.behaviour, s.ctx, sh, rect, values, true);
  s.ctx.noteWrite?.(sh.name, rectA1(rect.r, rect.c, rect.nr, rect.nc));
}

export function createRange(s: Session, ref: RangeRef): Facade {
  // Calls that send one value for the whole range (setNumberFormat, setDataValidation…) move one cell's
  // worth of data, whatever the range's size; reads and writes of arrays move every cell.
  const charge = s.meter('Range');
  const rect: Rect = { r: ref.r, c: ref.c, nr: ref.nr, nc: ref.nc };
  const cells = ref.nr * ref.nc;
  const sheet = (): SheetState => sheetById(s.state, ref.sheetId);
  const a1 = () => rangeA1(ref.r, ref.c, ref.nr, ref.nc, ref.open);
  const fill = <T>(v: T): T[][] => Array.from({ length: ref.nr }, () => new Array<T>(ref.nc).fill(v));
  const grid = <T>(f: (row: number, column: number) => T): T[][] =>
    Array.from({ length: ref.nr }, (_, i) =>
      Array.from({ length: ref.nc }, (_, j) => f(ref.r + i, ref.c + j)),
    );

  const write = (rows: unknown[][], mode: WriteMode): void => writeScriptValues(s, sheet(), rect, rows, mode);
  const paint = (layer: StyleLayer, v: string | null): void => {
    const sh = sheet();
    assertCellsWritable(s.state, s.ctx, sh.id, rect);
    sh.layers[layer] = paintLayer(sh.layers[layer], rect, v);
  };
  const paintGrid = (layer: StyleLayer, data: unknown): void => {
    const rows = checkShape(data, ref.nr, ref.nc).map((row) =>
      row.map((v) => (v === null || v === undefined ? null : String(v))),
    );
    const sh = sheet();
    assertCellsWritable(s.state, s.ctx, sh.id, rect);
    sh.layers[layer] = paintLayerGrid(sh.layers[layer], rect, rows, (v) => String(v));
  };
  const styleAt = (layer: StyleLayer, fallback: string): string =>
    layerValueAt(sheet().layers[layer], ref.r, ref.c) ?? fallback;
  const styleGrid = (layer: StyleLayer, fallback: string): string[][] => {
    const g = layerGrid(sheet().layers[layer], rect);
    return g ? g.map((row) => row.map((v) => v ?? fallback)) : fill(fallback);
  };
  const displayGrid = (): string[][] => {
    const sh = sheet();
    const formats = formatGrid(sh, rect);
    const timeZone = s.state.timeZone;
    return readGrid(sh, rect).map((row, i) =>
      row.map((v, j) => displayValue(v, formats ? formats[i][j] : null, timeZone)),
    );
  };
  const rulesGrid = (): (ValidationState | null)[][] =>
    layerGrid(sheet().layers.validation, rect) ?? fill(null);
  const setChecks = (which: 0 | 1): void => {
    const sh = sheet();
    const rules = rulesGrid();
    const values = readGrid(sh, rect).map((row, i) =>
      row.map((v, j) => {
        const cb = checkboxValues(rules[i][j]);
        return cb ? cb[which] : v;
      }),
    );
    writeCells(s.state, s.behaviour, s.ctx, sh, rect, values);
  };
  const metadataLocation = (): MetadataLocation => {
    const sh = sheet();
    if (ref.r === 1 && ref.nr === sh.maxRows)
      return { type: 'COLUMN', sheetId: sh.id, start: ref.c, count: ref.nc };
    if (ref.c === 1 && ref.nc === sh.maxColumns)
      return { type: 'ROW', sheetId: sh.id, start: ref.r, count: ref.nr };
    throw new Error(sheetMessages.metadataArbitraryRange);
  };

  const self: Facade = {
    getValue() {
      charge('getValue', 1);
      return toScriptValue(cellAt(sheet(), ref.r, ref.c), s.ctx.realmDate);
    },
    getValues() {
      charge('getValues', cells);
      return readScriptValues(sheet(), rect, s.ctx.realmDate);
    },
    setValue(value: unknown) {
      charge('setValue', 1);
      write(fill(value), 'typed');
      return self;
    },
    setValues(values: unknown) {
      charge('setValues', cells);
      write(checkShape(values, ref.nr, ref.nc), 'typed');
      return self;
    },
    getDisplayValue() {
      charge('getDisplayValue', 1);
      return displayGrid()[0][0];
    },
    getDisplayValues() {
      charge('getDisplayValues', cells);
      return displayGrid();
    },
    getFormula() {
      charge('getFormula', 1);
      const v = cellAt(sheet(), ref.r, ref.c);
      return isStoredFormula(v) ? v.f : '';
    },
    getFormulas() {
      charge('getFormulas', cells);
      return readGrid(sheet(), rect).map((row) => row.map((v) => (isStoredFormula(v) ? v.f : '')));
    },
    setFormula(formula: unknown) {
      charge('setFormula', 1);
      write(fill(formula), 'formula');
      return self;
    },
    setFormulas(formulas: unknown) {
      charge('setFormulas', cells);
      write(checkShape(formulas, ref.nr, ref.nc), 'formula');
      return self;
    },
    getNumberFormat() {
      charge('getNumberFormat', 1);
      return styleAt('numberFormat', DEFAULT_NUMBER_FORMAT);
    },
    getNumberFormats() {
      charge('getNumberFormats', cells);
      return styleGrid('numberFormat', DEFAULT_NUMBER_FORMAT);
    },
    setNumberFormat(format: unknown) {
      charge('setNumberFormat', 1);
      paint('numberFormat', format === null || format === undefined ? null : String(format));
      return self;
    },
    setNumberFormats(formats: unknown) {
      charge('setNumberFormats', cells);
      paintGrid('numberFormat', formats);
      return self;
    },
    getNote() {
      charge('getNote', 1);
      return noteAt(sheet(), ref.r, ref.c);
    },
    getNotes() {
      charge('getNotes', cells);
      const sh = sheet();
      return grid((r, c) => noteAt(sh, r, c));
    },
    setNote(note: unknown) {
      charge('setNote', 1);
      const sh = sheet();
      assertCellsWritable(s.state, s.ctx, sh.id, rect);
      storeNotes(sh, rect, fill(note === null || note === undefined ? null : String(note)));
      return self;
    },
    setNotes(notes: unknown) {
      charge('setNotes', cells);
      const rows = checkShape(notes, ref.nr, ref.nc);
      const sh = sheet();
      assertCellsWritable(s.state, s.ctx, sh.id, rect);
      storeNotes(
        sh,
        rect,
        rows.map((row) => row.map((v) => (v === null || v === undefined ? null : String(v)))),
      );
      return self;
    },
    clear(options?: unknown) {
      charge('clear', 1);
      const sh = sheet();
      assertCellsWritable(s.state, s.ctx, sh.id, rect);
      const o = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
      const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
      // clear() without options clears contents and formats, as documented; validations and notes stay.
      if (!any || o.contentsOnly) clearCells(sh, rect);
      if (!any || o.formatOnly) clearStyles(sh, rect);
      if (o.validationsOnly) sh.layers.validation = paintLayer(sh.layers.validation, rect, null);
      if (o.commentsOnly) storeNotes(sh, rect, fill(null));
      s.ctx.noteWrite?.(sh.name, a1());
      return self;
    },
    clearContent() {
      charge('clearContent', 1);
      const sh = sheet();
      assertCellsWritable(s.state, s.ctx, sh.id, rect);
      clearCells(sh, rect);
      s.ctx.noteWrite?.(sh.name, a1());
      return self;
    },
    clearDataValidations() {
      charge('clearDataValidations', 1);
      const sh = sheet();
      assertCellsWritable(s.state, s.ctx, sh.id, rect);
      sh.layers.validation = paintLayer(sh.layers.validation, rect, null);
      return self;
    },
    clearFormat() {
      charge('clearFormat', 1);
      const sh = sheet();
      assertCellsWritable(s.state, s.ctx, sh.id, rect);
      clearStyles(sh, rect);
      return self;
    },
    getRow() {
      charge('getRow');
      return ref.r;
    },
    getColumn() {
      charge('getColumn');
      return ref.c;
    },
    getNumRows() {
      charge('getNumRows');
      return ref.nr;
    },
    getNumColumns() {
      charge('getNumColumns');
      return ref.nc;
    },
    getLastRow() {
      charge('getLastRow');
      return ref.r + ref.nr - 1;
    },
    getLastColumn() {
      charge('getLastColumn');
      return ref.c + ref.nc - 1;
    },
    getA1Notation() {
      charge('getA1Notation');
      return a1();
    },
    getSheet() {
      charge('getSheet');
      return s.sheet(sheet().id);
    },
    offset(rowOffset: unknown, columnOffset: unknown, numRows?: unknown, numColumns?: unknown) {
      charge('offset');
      return s.range(
        boundedRef(
          sheet(),
          ref.r + Number(rowOffset),
          ref.c + Number(columnOffset),
          numRows ?? ref.nr,
          numColumns ?? ref.nc,
        ),
      );
    },
    getCell(row: unknown, column: unknown) {
      charge('getCell');
      const [r, c] = [Number(row), Number(column)];
      if (!(r >= 1 && r <= ref.nr && c >= 1 && c <= ref.nc)) throw new Error(sheetMessages.cellOutOfRange);
      return s.range({ sheetId: ref.sheetId, r: ref.r + r - 1, c: ref.c + c - 1, nr: 1, nc: 1 });
    },
    setDataValidation(rule: unknown) {
      charge('setDataValidation', 1);
      const state = rule === null || rule === undefined ? null : validationRules.get(rule as object);
      if (state === undefined) throw new Error(sheetMessages.invalidArgument('rule'));
      const sh = sheet();
      assertCellsWritable(s.state, s.ctx, sh.id, rect);
      sh.layers.validation = paintLayer(sh.layers.validation, rect, state ? structuredClone(state) : null);
      return self;
    },
    setDataValidations(rules: unknown) {
      charge('setDataValidations', cells);
      const rows = checkShape(rules, ref.nr, ref.nc).map((row) =>
        row.map((x) => (x === null || x === undefined ? null : (validationRules.get(x as object) ?? null))),
      );
      const sh = sheet();
      assertCellsWritable(s.state, s.ctx, sh.id, rect);
      sh.layers.validation = paintLayerGrid(sh.layers.validation, rect, rows, (v) => JSON.stringify(v));
      return self;
    },
    getDataValidation() {
      charge('getDataValidation', 1);
      const rule = layerValueAt(sheet().layers.validation, ref.r, ref.c);
      return rule ? createValidation(s, rule) : null;
    },
    getDataValidations() {
      charge('getDataValidations', cells);
      return rulesGrid().map((row) => row.map((rule) => (rule ? createValidation(s, rule) : null)));
    },
    protect() {
      charge('protect');
      const sh = sheet();
      assertCellsWritable(s.state, s.ctx, sh.id, rect);
      const id = s.state.nextProtectionId++;
      const p = freshProtection(id, 'RANGE', sh.id, { ...rect });
      if (ref.open) p.open = { ...ref.open };
      s.state.protections.push(p);
      return s.protection(id);
    },
    addDeveloperMetadata(key: unknown, a?: unknown, b?: unknown) {
      charge('addDeveloperMetadata');
      const location = metadataLocation();
      assertCellsWritable(s.state, s.ctx, ref.sheetId, rect);
      addMetadata(s, location, key, a, b);
      return self;
    },
    getDeveloperMetadata() {
      charge('getDeveloperMetadata');
      return metadataOnRange(s.state, sheet(), ref).map((m) => s.metadata(m.id));
    },
    createDeveloperMetadataFinder() {
      charge('createDeveloperMetadataFinder');
      return s.metadataFinder({ sheetId: ref.sheetId, rect });
    },
    createTextFinder(text: unknown) {
      charge('createTextFinder');
      return s.textFinder({ sheetId: ref.sheetId, rect }, text);
    },
    getBackground() {
      charge('getBackground', 1);
      return styleAt('background', '#ffffff');
    },
    getBackgrounds() {
      charge('getBackgrounds', cells);
      return styleGrid('background', '#ffffff');
    },
    setBackground(color: unknown) {
      charge('setBackground', 1);
      paint('background', color === null || color === undefined ? null : String(color));
      return self;
    },
    setBackgrounds(colors: unknown) {
      charge('setBackgrounds', cells);
      paintGrid('background', colors);
      return self;
    },
    getFontWeight() {
      charge('getFontWeight', 1);
      return styleAt('fontWeight', 'normal');
    },
    setFontWeight(weight: unknown) {
      charge('setFontWeight', 1);
      paint('fontWeight', weight === null || weight === undefined ? null : String(weight));
      return self;
    },
    getFontColor() {
      charge('getFontColor', 1);
      return styleAt('fontColor', '#000000');
    },
    setFontColor(color: unknown) {
      charge('setFontColor', 1);
      paint('fontColor', color === null || color === undefined ? null : String(color));
      return self;
    },
    setWrap(wrap: unknown) {
      charge('setWrap', 1);
      paint('wrapStrategy', wrap ? 'WRAP' : 'OVERFLOW');
      return self;
    },
    setWrapStrategy(strategy: unknown) {
      charge('setWrapStrategy', 1);
      paint('wrapStrategy', enumName(strategy));
      return self;
    },
    getWrap() {
      charge('getWrap', 1);
      return styleAt('wrapStrategy', 'OVERFLOW') === 'WRAP';
    },
    setHorizontalAlignment(alignment: unknown) {
      charge('setHorizontalAlignment', 1);
      paint('horizontalAlignment', alignment === null || alignment === undefined ? null : String(alignment));
      return self;
    },
    getHorizontalAlignment() {
      charge('getHorizontalAlignment', 1);
      return styleAt('horizontalAlignment', 'general');
    },
    setVerticalAlignment(alignment: unknown) {
      charge('setVerticalAlignment', 1);
      paint('verticalAlignment', alignment === null || alignment === undefined ? null : String(alignment));
      return self;
    },
    getVerticalAlignment() {
      charge('getVerticalAlignment', 1);
      return styleAt('verticalAlignment', 'bottom');
    },
    insertCheckboxes(checked?: unknown, unchecked?: unknown) {
      charge('insertCheckboxes', 1);
      const sh = sheet();
      assertCellsWritable(s.state, s.ctx, sh.id, rect);
      const values = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
      const rule: ValidationState = {
        criteria: 'CHECKBOX',
        values: values.map((v) => s.fromScriptCriterion(v)),
        allowInvalid: true,
        helpText: null,
      };
      sh.layers.validation = paintLayer(sh.layers.validation, rect, rule);
      const off = checkboxValues(rule)?.[1] ?? false;
      storeGrid(sh, rect, fill(off));
      return self;
    },
    isChecked() {
      charge('isChecked', cells);
      const rules = rulesGrid();
      const values = readGrid(sheet(), rect);
      let on = 0;
      let off = 0;
      rules.forEach((row, i) => {
        row.forEach((rule, j) => {
          const cb = checkboxValues(rule);
          const v = values[i][j] ?? '';
          if (cb && v === cb[0]) on++;
          else if (cb && v === cb[1]) off++;
        });
      });
      if (on === cells) return true;
      if (off === cells) return false;
      return null;
    },
    check() {
      charge('check', 1);
      setChecks(0);
      return self;
    },
    uncheck() {
      charge('uncheck', 1);
      setChecks(1);
      return self;
    },
    activate() {
      charge('activate');
      s.state.activeSheetId = sheet().id;
      return self;
    },
    toString: () => 'Range',
  };
  rangeRefs.set(self, { ...ref });
  return s.instrument(self);
}
