// Reading and writing cell contents: conversion from script values, limits, protection and validation checks.

import { type Behaviour, limits, messages } from '../behaviour';
import type { ExecutionContext } from '../execution';
import { cellA1 } from './a1';
import { displayValue, FORMULA_VALUE } from './display';
import { parseTyped } from './input';
import { sheetMessages } from './messages';
import { assertCellsWritable } from './permissions';
import { layerGrid } from './rects';
import {
  type CellValue,
  isStoredDate,
  isStoredFormula,
  type RangeRef,
  type Rect,
  type SheetState,
  type SpreadsheetState,
} from './state';
import { passes, type ValidationEnv } from './validation-rules';

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function sheetById(state: SpreadsheetState, id: number): SheetState {
  const sheet = state.sheets.find((s) => s.id === id);
  if (!sheet) throw new Error(sheetMessages.sheetDeleted);
  return sheet;
}

export function cellAt(sheet: SheetState, row: number, column: number): CellValue | null {
  const r = sheet.cells[row - 1];
  if (!r) return null;
  const v = r[column - 1];
  return v === undefined ? null : v;
}

export function readGrid(sheet: SheetState, rect: Rect): (CellValue | null)[][] {
  const out: (CellValue | null)[][] = new Array(rect.nr);
  for (let i = 0; i < rect.nr; i++) {
    const src = sheet.cells[rect.r - 1 + i];
    const row: (CellValue | null)[] = new Array(rect.nc);
    for (let j = 0; j < rect.nc; j++) {
      const v = src ? src[rect.c - 1 + j] : undefined;
      row[j] = v === undefined ? null : v;
    }
    out[i] = row;
  }
  return out;
}

/** What getValues returns for a stored value, with dates built in the script's realm. */
export function toScriptValue(v: CellValue | null, realmDate: DateConstructor): unknown {
  if (v === null) return '';
  if (typeof v !== 'object') return v;
  if (isStoredDate(v)) return new realmDate(v.d);
  return FORMULA_VALUE;
}

export function lastRow(sheet: SheetState): number {
  for (let i = sheet.cells.length - 1; i >= 0; i--) {
    const row = sheet.cells[i];
    for (let j = row.length - 1; j >= 0; j--) if (row[j] !== null && row[j] !== undefined) return i + 1;
  }
  return 0;
}

export function lastColumn(sheet: SheetState): number {
  let last = 0;
  for (const row of sheet.cells) {
    for (let j = row.length - 1; j >= last; j--) {
      if (row[j] !== null && row[j] !== undefined) {
        last = j + 1;
        break;
      }
    }
  }
  return last;
}

export function totalCells(state: SpreadsheetState): number {
  return state.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
}

/** Throws when growing the workbook by `extra` cells would pass the 10-million-cell limit. */
export function assertCellBudget(state: SpreadsheetState, extra: number): void {
  if (totalCells(state) + extra > limits.maxCells) throw new Error(messages.tooManyCells);
}

export type WriteMode = 'typed' | 'formula';

/** Converts one script value to a stored value: strings are parsed as user-entered input. */
export function toCellValue(
  v: unknown,
  format: string | null,
  timeZone: string,
  behaviour: Behaviour,
  mode: WriteMode,
): CellValue | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (mode === 'formula' && v.startsWith('=')) return v.length > 1 ? { f: v } : null;
    return parseTyped(v, format, timeZone, behaviour);
  }
  if (isDate(v)) return { d: v.getTime() };
  return parseTyped(String(v), format, timeZone, behaviour);
}

function assertLength(v: CellValue | null): void {
  const text = typeof v === 'string' ? v : isStoredFormula(v) ? v.f : null;
  if (text !== null && text.length > limits.maxCellChars) throw new Error(messages.cellTooLong);
}

function validationEnv(state: SpreadsheetState): ValidationEnv {
  return {
    timeZone: state.timeZone,
    readDisplay(ref: RangeRef): string[] {
      const sheet = state.sheets.find((s) => s.id === ref.sheetId);
      if (!sheet) return [];
      const formats = layerGrid(sheet.layers.numberFormat, ref);
      const grid = readGrid(sheet, ref);
      const out: string[] = [];
      grid.forEach((row, i) => {
        row.forEach((v, j) => {
          if (v !== null) out.push(displayValue(v, formats ? formats[i][j] : null, state.timeZone));
        });
      });
      return out;
    },
  };
}

/** Index (row-major) of the first cell a rejecting rule refuses, or -1. */
function firstRejected(
  state: SpreadsheetState,
  sheet: SheetState,
  rect: Rect,
  values: (CellValue | null)[][],
): number {
  const rules = layerGrid(sheet.layers.validation, rect);
  if (!rules?.some((row) => row.some((r) => r !== null && !r.allowInvalid))) return -1;
  const formats = layerGrid(sheet.layers.numberFormat, rect);
  const env = validationEnv(state);
  for (let i = 0; i < rect.nr; i++) {
    for (let j = 0; j < rect.nc; j++) {
      const rule = rules[i][j];
      if (rule && !rule.allowInvalid && !passes(rule, values[i][j], formats ? formats[i][j] : null, env)) {
        return i * rect.nc + j;
      }
    }
  }
  return -1;
}

/**
 * Stores converted values without checks ('' is stored as empty). With `adopt`, the caller hands over its
 * row arrays (fresh, never a script's) and rows written from column A become the stored rows uncopied.
 */
export function storeGrid(
  sheet: SheetState,
  rect: Rect,
  values: (CellValue | null)[][],
  limit = Infinity,
  adopt = false,
): void {
  const cells = sheet.cells;
  while (cells.length < rect.r - 1 + rect.nr) cells.push([]);
  let k = 0;
  for (let i = 0; i < rect.nr; i++) {
    const src = values[i];
    const index = rect.r - 1 + i;
    if (adopt && rect.c === 1 && k + rect.nc <= limit && cells[index].length <= rect.nc) {
      for (let j = 0; j < rect.nc; j++) if (src[j] === '') src[j] = null;
      while (src.length > 0 && src[src.length - 1] === null) src.pop();
      cells[index] = src;
      k += rect.nc;
      continue;
    }
    const row = cells[index];
    while (row.length < rect.c - 1) row.push(null);
    for (let j = 0; j < rect.nc; j++) {
      if (k++ >= limit) return;
      row[rect.c - 1 + j] = src[j] === '' ? null : src[j];
    }
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
  }
}

/** getValues for a rectangle in one pass: '' for empty, realm Dates, the formula marker. */
export function readScriptValues(sheet: SheetState, rect: Rect, realmDate: DateConstructor): unknown[][] {
  const out: unknown[][] = new Array(rect.nr);
  const c0 = rect.c - 1;
  for (let i = 0; i < rect.nr; i++) {
    const src = sheet.cells[rect.r - 1 + i];
    const row: unknown[] = new Array(rect.nc);
    for (let j = 0; j < rect.nc; j++) {
      const v = src === undefined ? undefined : src[c0 + j];
      if (v === null || v === undefined) row[j] = '';
      else if (typeof v !== 'object') row[j] = v;
      else row[j] = isStoredDate(v) ? new realmDate(v.d) : FORMULA_VALUE;
    }
    out[i] = row;
  }
  return out;
}

/**
 * The checked write every script or user edit goes through: cell length, protections, then rejecting
 * validation (first offending cell in row-major order), then the write.
 */
export function writeCells(
  state: SpreadsheetState,
  behaviour: Behaviour,
  ctx: ExecutionContext,
  sheet: SheetState,
  rect: Rect,
  values: (CellValue | null)[][],
  adopt = false,
): void {
  for (const row of values) {
    for (const v of row)
      if (typeof v === 'string' ? v.length > limits.maxCellChars : typeof v === 'object') assertLength(v);
  }
  assertCellsWritable(state, ctx, sheet.id, rect);
  if (ctx.kind !== 'emulator') {
    const bad = firstRejected(state, sheet, rect, values);
    if (bad >= 0) {
      const row = rect.r + Math.floor(bad / rect.nc);
      const column = rect.c + (bad % rect.nc);
      if (!behaviour.rejectedWriteIsAtomic) storeGrid(sheet, rect, values, bad, adopt);
      throw new Error(messages.validationViolated(cellA1(row, column)));
    }
  }
  storeGrid(sheet, rect, values, Infinity, adopt);
}

/** Number formats over a rectangle (null = default), for parsing and display. */
export function formatGrid(sheet: SheetState, rect: Rect): (string | null)[][] | null {
  return layerGrid(sheet.layers.numberFormat, rect);
}

/** Empties the cells of a rectangle without touching anything else. */
export function clearCells(sheet: SheetState, rect: Rect): void {
  for (let i = rect.r - 1; i < Math.min(sheet.cells.length, rect.r - 1 + rect.nr); i++) {
    const row = sheet.cells[i];
    for (let j = rect.c - 1; j < Math.min(row.length, rect.c - 1 + rect.nc); j++) row[j] = null;
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
  }
}

/** Writes notes (null or '' removes one). */
export function storeNotes(sheet: SheetState, rect: Rect, notes: (string | null)[][]): void {
  while (sheet.notes.length < rect.r - 1 + rect.nr) sheet.notes.push([]);
  for (let i = 0; i < rect.nr; i++) {
    const row = sheet.notes[rect.r - 1 + i];
    while (row.length < rect.c - 1 + rect.nc) row.push(null);
    for (let j = 0; j < rect.nc; j++) row[rect.c - 1 + j] = notes[i][j] || null;
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
  }
}

export function noteAt(sheet: SheetState, row: number, column: number): string {
  return sheet.notes[row - 1]?.[column - 1] ?? '';
}
