// The Spreadsheet object: sharing, locale and zone, sheets, named ranges, protections, metadata and toasts.

import { messages } from '../behaviour';
import { a1Ref, a1SheetName } from './bounds';
import { assertCellBudget } from './cells';
import { enumName } from './enums';
import { addMetadata } from './facade-metadata';
import { notations } from './facade-range-list';
import { refOf, sheetIdOf } from './handles';
import { sheetMessages } from './messages';
import { assertFileWritable, assertSheetWritable } from './permissions';
import type { Facade, Session } from './session';
import { emptyLayers, type SheetState, type SpreadsheetState } from './state';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export function newSheetState(id: number, name: string): SheetState {
  return {
    id,
    name,
    maxRows: DEFAULT_ROWS,
    maxColumns: DEFAULT_COLUMNS,
    cells: [],
    notes: [],
    layers: emptyLayers(),
    columns: [],
    frozenRows: 0,
    frozenColumns: 0,
    tabColor: null,
    hidden: false,
    conditionalRules: [],
  };
}

function email(user: unknown): string {
  if (
    typeof user === 'object' &&
    user !== null &&
    typeof (user as { getEmail?: unknown }).getEmail === 'function'
  ) {
    return String((user as { getEmail(): unknown }).getEmail());
  }
  return String(user);
}

function defaultSheetName(state: SpreadsheetState): string {
  for (let k = state.sheets.length + 1; ; k++) {
    const name = `Sheet${k}`;
    if (!state.sheets.some((s) => s.name === name)) return name;
  }
}

/** A named range name: letters, digits and underscores, not starting with a digit, not a cell reference. */
function validRangeName(name: string): boolean {
  return (
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(true|false)$/i.test(name)
  );
}

export function activeSheet(state: SpreadsheetState): SheetState {
  return state.sheets.find((s) => s.id === state.activeSheetId) ?? state.sheets[0];
}

export function createSpreadsheet(s: Session): Facade {
  const charge = s.meter('Spreadsheet');
  const st = s.state;

  const self: Facade = {
    getId() {
      charge('getId');
      return st.id;
    },
    getName() {
      charge('getName');
      return st.name;
    },
    rename(name: unknown) {
      charge('rename');
      assertFileWritable(st, s.ctx);
      st.name = String(name);
    },
    getUrl() {
      charge('getUrl');
      return `https://docs.google.com/spreadsheets/d/${st.id}/edit`;
    },
    getOwner() {
      charge('getOwner');
      return s.user(st.owner);
    },
    getEditors() {
      charge('getEditors');
      return [st.owner, ...st.editors.filter((e) => e !== st.owner)].map((e) => s.user(e));
    },
    getViewers() {
      charge('getViewers');
      return st.viewers.map((e) => s.user(e));
    },
    addEditor(user: unknown) {
      charge('addEditor');
      assertFileWritable(st, s.ctx);
      const e = email(user);
      if (e !== st.owner && !st.editors.includes(e)) st.editors.push(e);
      st.viewers = st.viewers.filter((v) => v !== e);
      return self;
    },
    addViewer(user: unknown) {
      charge('addViewer');
      assertFileWritable(st, s.ctx);
      const e = email(user);
      if (e !== st.owner && !st.editors.includes(e) && !st.viewers.includes(e)) st.viewers.push(e);
      return self;
    },
    removeEditor(user: unknown) {
      charge('removeEditor');
      assertFileWritable(st, s.ctx);
      const e = email(user);
      st.editors = st.editors.filter((x) => x !== e);
      return self;
    },
    getSpreadsheetTimeZone() {
      charge('getSpreadsheetTimeZone');
      return st.timeZone;
    },
    setSpreadsheetTimeZone(timeZone: unknown) {
      charge('setSpreadsheetTimeZone');
      assertFileWritable(st, s.ctx);
      st.timeZone = String(timeZone);
    },
    getSpreadsheetLocale() {
      charge('getSpreadsheetLocale');
      return st.locale;
    },
    setSpreadsheetLocale(locale: unknown) {
      charge('setSpreadsheetLocale');
      assertFileWritable(st, s.ctx);
      st.locale = String(locale);
    },
    getSheets() {
      charge('getSheets');
      return st.sheets.map((sh) => s.sheet(sh.id));
    },
    getNumSheets() {
      charge('getNumSheets');
      return st.sheets.length;
    },
    getSheetByName(name: unknown) {
      charge('getSheetByName');
      const sh = st.sheets.find((x) => x.name === String(name));
      return sh ? s.sheet(sh.id) : null;
    },
    getSheetById(id: unknown) {
      charge('getSheetById');
      const sh = st.sheets.find((x) => x.id === Number(id));
      return sh ? s.sheet(sh.id) : null;
    },
    insertSheet(a?: unknown, b?: unknown) {
      charge('insertSheet');
      assertFileWritable(st, s.ctx);
      const name = typeof a === 'string' ? a : defaultSheetName(st);
      const index = typeof a === 'number' ? a : typeof b === 'number' ? b : st.sheets.length;
      if (st.sheets.some((x) => x.name === name)) throw new Error(messages.sheetExists(name));
      assertCellBudget(st, DEFAULT_ROWS * DEFAULT_COLUMNS);
      const sh = newSheetState(st.nextSheetId++, name);
      st.sheets.splice(Math.max(0, Math.min(index, st.sheets.length)), 0, sh);
      st.activeSheetId = sh.id;
      return s.sheet(sh.id);
    },
    deleteSheet(sheet: unknown) {
      charge('deleteSheet');
      const id = sheetIdOf(sheet);
      assertSheetWritable(st, s.ctx, id, true);
      if (st.sheets.filter((x) => !x.hidden && x.id !== id).length === 0)
        throw new Error(sheetMessages.deleteLastSheet);
      st.sheets = st.sheets.filter((x) => x.id !== id);
      st.protections = st.protections.filter((p) => p.sheetId !== id);
      st.namedRanges = st.namedRanges.filter((n) => n.ref.sheetId !== id);
      st.metadata = st.metadata.filter((m) => m.location.type === 'SPREADSHEET' || m.location.sheetId !== id);
      if (st.activeSheetId === id) st.activeSheetId = st.sheets[0].id;
    },
    getActiveSheet() {
      charge('getActiveSheet');
      return s.sheet(activeSheet(st).id);
    },
    setActiveSheet(sheet: unknown) {
      charge('setActiveSheet');
      st.activeSheetId = sheetIdOf(sheet);
      return sheet;
    },
    getRange(a1: unknown) {
      charge('getRange');
      const text = String(a1);
      const name = a1SheetName(text);
      const sh = name === null ? activeSheet(st) : st.sheets.find((x) => x.name === name);
      if (!sh) throw new Error(sheetMessages.invalidA1);
      return s.range(a1Ref(sh, text));
    },
    getRangeList(a1Notations: unknown) {
      charge('getRangeList');
      const refs = notations(a1Notations).map((text) => {
        const name = a1SheetName(text);
        const sh = name === null ? activeSheet(st) : st.sheets.find((x) => x.name === name);
        if (!sh) throw new Error(sheetMessages.invalidA1);
        return a1Ref(sh, text);
      });
      if (refs.some((r) => r.sheetId !== refs[0].sheetId)) throw new Error(sheetMessages.rangeNotOnSheet);
      return s.rangeList(refs);
    },
    getRangeByName(name: unknown) {
      charge('getRangeByName');
      const n = st.namedRanges.find((x) => x.name === String(name));
      return n ? s.range(n.ref) : null;
    },
    setNamedRange(name: unknown, range: unknown) {
      charge('setNamedRange');
      assertFileWritable(st, s.ctx);
      const n = String(name);
      if (!validRangeName(n)) throw new Error(sheetMessages.invalidNamedRange(n));
      const ref = { ...refOf(range) };
      const existing = st.namedRanges.find((x) => x.name === n);
      if (existing) existing.ref = ref;
      else st.namedRanges.push({ name: n, ref });
    },
    getNamedRanges() {
      charge('getNamedRanges');
      return st.namedRanges.map((n) => s.namedRange(n.name));
    },
    removeNamedRange(name: unknown) {
      charge('removeNamedRange');
      assertFileWritable(st, s.ctx);
      st.namedRanges = st.namedRanges.filter((x) => x.name !== String(name));
    },
    getProtections(type: unknown) {
      charge('getProtections');
      const t = enumName(type);
      return st.protections.filter((p) => p.type === t).map((p) => s.protection(p.id));
    },
    addDeveloperMetadata(key: unknown, a?: unknown, b?: unknown) {
      charge('addDeveloperMetadata');
      assertFileWritable(st, s.ctx);
      addMetadata(s, { type: 'SPREADSHEET' }, key, a, b);
      return self;
    },
    getDeveloperMetadata() {
      charge('getDeveloperMetadata');
      return st.metadata.filter((m) => m.location.type === 'SPREADSHEET').map((m) => s.metadata(m.id));
    },
    createDeveloperMetadataFinder() {
      charge('createDeveloperMetadataFinder');
      return s.metadataFinder({ sheetId: null });
    },
    createTextFinder(text: unknown) {
      charge('createTextFinder');
      return s.textFinder({ sheetId: null }, text);
    },
    toast(message: unknown, title?: unknown, timeoutSeconds?: unknown) {
      charge('toast');
      st.toasts.push({
        message: String(message),
        title: title === undefined ? '' : String(title),
        timeoutSeconds: timeoutSeconds === undefined ? null : Number(timeoutSeconds),
      });
    },
    toString: () => 'Spreadsheet',
  };
  return s.instrument(self);
}
