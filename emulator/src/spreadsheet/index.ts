// The spreadsheet emulator's public surface: the in-memory model, its JSON state and the messages it adds.

export { DEFAULT_NUMBER_FORMAT, FORMULA_VALUE } from './display';
export { sheetMessages } from './messages';
export { type LineChange, type SpreadsheetInit, SpreadsheetModel, type UserEditResult } from './model';
export type { SortSpec } from './person';
export type { CellValue, ProtectionState, SheetState, SpreadsheetState, ValidationState } from './state';
