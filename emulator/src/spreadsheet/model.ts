// SpreadsheetModel: one spreadsheet file held in memory, its sharing, JSON round trip and per-execution SpreadsheetApp.

import { randomBytes } from 'node:crypto';
import { type Behaviour, defaultBehaviour } from '../behaviour';
import type { ExecutionContext } from '../execution';
import { cellA1, rangeA1 } from './a1';
import type { Axis } from './axis';
import { a1Ref } from './bounds';
import {
  cellAt,
  formatGrid,
  lastColumn,
  lastRow,
  noteAt,
  readGrid,
  toScriptValue,
  writeCells,
} from './cells';
import { DEFAULT_NUMBER_FORMAT, displayValue } from './display';
import { createApp } from './facade-app';
import { newSheetState } from './facade-spreadsheet';
import { parseTyped } from './input';
import { sheetMessages } from './messages';
import { canEditFile } from './permissions';
import { pasteBlock, type SortSpec, sortRange } from './person';
import { layerValueAt } from './rects';
import { Session } from './session';
import { createSheetsApi } from './sheets-api';
import {
  isStoredFormula,
  type ProtectionState,
  type SheetState,
  type SpreadsheetState,
  type ValidationState,
} from './state';
import { deleteLines, insertLines, moveLines } from './structure';

export interface SpreadsheetInit {
  id?: string;
  name: string;
  owner: string;
  editors?: string[];
  viewers?: string[];
  timeZone: string;
  locale: string;
  behaviour?: Behaviour;
  workspaceDomain?: string | null;
}

/** What the runtime needs to build an onEdit event for one typed cell. Values are as getValue returns them. */
export interface UserEditResult {
  sheetName: string;
  a1: string;
  row: number;
  column: number;
  oldValue: unknown;
  value: unknown;
}

/** A row/column change a person makes in the grid; positions are 1-based, `to` as Sheet.moveRows takes it. */
export type LineChange =
  | { kind: 'insert' | 'delete'; axis: Axis; at: number; count: number }
  | { kind: 'move'; axis: Axis; from: number; count: number; to: number };

export class SpreadsheetModel {
  /** The whole file; facades and tests read it, only the model and facades change it. Never replaced. */
  readonly state: SpreadsheetState;
  readonly behaviour: Behaviour;

  constructor(init: SpreadsheetInit) {
    this.behaviour = init.behaviour ?? defaultBehaviour;
    this.state = {
      version: 1,
      id: init.id ?? randomBytes(33).toString('base64url'),
      name: init.name,
      owner: init.owner,
      editors: [...(init.editors ?? [])],
      viewers: [...(init.viewers ?? [])],
      timeZone: init.timeZone,
      locale: init.locale,
      workspaceDomain: init.workspaceDomain ?? null,
      sheets: [newSheetState(0, 'Sheet1')],
      activeSheetId: 0,
      nextSheetId: 1,
      nextProtectionId: 1,
      nextMetadataId: 1,
      protections: [],
      namedRanges: [],
      metadata: [],
      toasts: [],
    };
  }

  get owner(): string {
    return this.state.owner;
  }

  addEditor(email: string): void {
    if (email !== this.state.owner && !this.state.editors.includes(email)) this.state.editors.push(email);
    this.state.viewers = this.state.viewers.filter((v) => v !== email);
  }

  addViewer(email: string): void {
    if (!canEditFile(this.state, email) && !this.state.viewers.includes(email))
      this.state.viewers.push(email);
  }

  /** The person is no longer an editor or viewer of the file (the owner cannot be removed). */
  removeAccess(email: string): void {
    if (email === this.state.owner) throw new Error(sheetMessages.removeOwner);
    this.state.editors = this.state.editors.filter((e) => e !== email);
    this.state.viewers = this.state.viewers.filter((v) => v !== email);
  }

  /** `to` becomes the owner; the previous owner stays on as an editor. */
  transferOwnership(to: string): void {
    const previous = this.state.owner;
    if (to === '' || to === previous) return;
    this.state.owner = to;
    this.state.editors = [...this.state.editors.filter((e) => e !== to), previous];
    this.state.viewers = this.state.viewers.filter((v) => v !== to);
  }

  canEditFile(user: string): boolean {
    return canEditFile(this.state, user);
  }

  /** Owner, editor or viewer. */
  canViewFile(user: string): boolean {
    return canEditFile(this.state, user) || (user !== '' && this.state.viewers.includes(user));
  }

  toJSON(): SpreadsheetState {
    return structuredClone(this.state);
  }

  static fromJSON(state: SpreadsheetState, behaviour?: Behaviour): SpreadsheetModel {
    const model = new SpreadsheetModel({
      name: state.name,
      owner: state.owner,
      timeZone: state.timeZone,
      locale: state.locale,
      behaviour,
    });
    Object.assign(model.state, structuredClone(state));
    return model;
  }

  /** The SpreadsheetApp global for one execution. getUi is injected by the runtime. */
  createSpreadsheetApp(ctx: ExecutionContext, extras: { getUi: () => unknown }): Record<string, unknown> {
    return createApp(new Session(this.state, this.behaviour, ctx), extras);
  }

  /** The Sheets advanced service for one execution: batchUpdate and get on this same file. */
  createSheetsService(ctx: ExecutionContext): Record<string, unknown> {
    return createSheetsApi(new Session(this.state, this.behaviour, ctx));
  }

  /**
   * A person typing `input` into one cell: parsed like typed input, checked against ctx.actingUser's rights
   * and rejecting validation (same messages as script writes), then written. Not metered.
   */
  userEdit(ctx: ExecutionContext, sheetName: string, a1: string, input: string): UserEditResult {
    const sheet = this.sheet(sheetName);
    const { r, c } = a1Ref(sheet, a1);
    const rect = { r, c, nr: 1, nc: 1 };
    const format = formatGrid(sheet, rect)?.[0][0] ?? null;
    const old = cellAt(sheet, r, c);
    const value = parseTyped(input, format, this.state.timeZone, this.behaviour);
    writeCells(this.state, this.behaviour, ctx, sheet, rect, [[value]]);
    return {
      sheetName: sheet.name,
      a1: cellA1(r, c),
      row: r,
      column: c,
      oldValue: toScriptValue(old, ctx.realmDate),
      value: toScriptValue(cellAt(sheet, r, c), ctx.realmDate),
    };
  }

  /**
   * A person pasting or filling `block` over `a1` (whole rows and columns accepted): see pasteBlock.
   * Returns the range's A1 text in the form it was given ('5:7', 'D:F'), for the edit event.
   */
  userPaste(
    ctx: ExecutionContext,
    sheetName: string,
    a1: string,
    block: string[][],
  ): { sheetName: string; a1: string } {
    const sheet = this.sheet(sheetName);
    const ref = a1Ref(sheet, a1);
    pasteBlock(this.state, this.behaviour, ctx, sheet, ref, block);
    return { sheetName: sheet.name, a1: rangeA1(ref.r, ref.c, ref.nr, ref.nc, ref.open) };
  }

  /** A person sorting a range with Data > Sort range: see sortRange. */
  userSort(ctx: ExecutionContext, sheetName: string, a1: string, specs: readonly SortSpec[]): void {
    const sheet = this.sheet(sheetName);
    sortRange(this.state, ctx, sheet, a1Ref(sheet, a1), specs);
  }

  /** A person inserting, deleting or moving rows or columns: the same code as the Sheet methods scripts call. */
  userLines(ctx: ExecutionContext, sheetName: string, ch: LineChange): void {
    const sheet = this.sheet(sheetName);
    if (ch.kind === 'move') moveLines(this.state, ctx, sheet, ch.axis, ch.from, ch.count, ch.to);
    else if (ch.kind === 'insert') insertLines(this.state, ctx, sheet, ch.axis, ch.at, ch.count);
    else deleteLines(this.state, ctx, sheet, ch.axis, ch.at, ch.count);
  }

  // Direct inspection for tests: no metering, no checks.

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  private sheet(name: string): SheetState {
    const sheet = this.state.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(sheetMessages.sheetDeleted);
    return sheet;
  }

  private dataRect(sheet: SheetState) {
    return { r: 1, c: 1, nr: Math.max(1, lastRow(sheet)), nc: Math.max(1, lastColumn(sheet)) };
  }

  /** The data range (A1 to lastRow, lastColumn) as getValues returns it, with Dates of this realm. */
  values(sheetName: string): unknown[][] {
    const sheet = this.sheet(sheetName);
    return readGrid(sheet, this.dataRect(sheet)).map((row) => row.map((v) => toScriptValue(v, Date)));
  }

  formulas(sheetName: string): string[][] {
    const sheet = this.sheet(sheetName);
    return readGrid(sheet, this.dataRect(sheet)).map((row) =>
      row.map((v) => (isStoredFormula(v) ? v.f : '')),
    );
  }

  displayValues(sheetName: string): string[][] {
    const sheet = this.sheet(sheetName);
    const rect = this.dataRect(sheet);
    const formats = formatGrid(sheet, rect);
    return readGrid(sheet, rect).map((row, i) =>
      row.map((v, j) => displayValue(v, formats ? formats[i][j] : null, this.state.timeZone)),
    );
  }

  numberFormat(sheetName: string, a1: string): string {
    const sheet = this.sheet(sheetName);
    const { r, c } = a1Ref(sheet, a1);
    return layerValueAt(sheet.layers.numberFormat, r, c) ?? DEFAULT_NUMBER_FORMAT;
  }

  note(sheetName: string, a1: string): string {
    const sheet = this.sheet(sheetName);
    const { r, c } = a1Ref(sheet, a1);
    return noteAt(sheet, r, c);
  }

  validation(sheetName: string, a1: string): ValidationState | null {
    const sheet = this.sheet(sheetName);
    const { r, c } = a1Ref(sheet, a1);
    const rule = layerValueAt(sheet.layers.validation, r, c);
    return rule ? structuredClone(rule) : null;
  }

  protections(): ProtectionState[] {
    return structuredClone(this.state.protections);
  }
}
