// The JSON shape of a spreadsheet: everything the model holds, kept JSON-safe so that toJSON is a plain copy.

/** A date as stored in a cell or a criterion: epoch milliseconds (JSON has no Date). */
export interface StoredDate {
  d: number;
}

/** A formula as stored in a cell: its text, starting with '='. Formulas are never evaluated. */
export interface StoredFormula {
  f: string;
}

/** One cell's content; `null` is an empty cell. */
export type CellValue = string | number | boolean | StoredDate | StoredFormula;

/** A rectangle of cells, 1-based and inclusive of its first row/column. */
export interface Rect {
  r: number;
  c: number;
  nr: number;
  nc: number;
}

/** A rectangle carrying a value in a layer; later rectangles override earlier ones, `null` restores the default. */
export interface LayerRect<T> extends Rect {
  v: T | null;
}

/**
 * Which sides of a range its A1 text left open, so that getA1Notation gives back the same form, as live:
 * 'D:F' has no rows ('all'), 'A2:B' no last row ('end'), '5:7' no columns.
 */
export interface OpenSides {
  rows?: 'all' | 'end';
  columns?: 'all' | 'end';
}

/** A range on a sheet, by sheet id so that renaming the sheet keeps the reference. */
export interface RangeRef extends Rect {
  sheetId: number;
  open?: OpenSides;
}

/** A criterion argument: JSON-safe forms of what the builders accept. */
export type CriterionValue = string | number | boolean | StoredDate | { range: RangeRef } | string[];

export interface ValidationState {
  criteria: string;
  values: CriterionValue[];
  allowInvalid: boolean;
  /** null until setHelpText is called, as a new builder's getHelpText() returns. */
  helpText: string | null;
}

export interface ConditionalRuleState {
  ranges: Rect[];
  criteria: string;
  values: CriterionValue[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

/** Per-cell presentation layers that are stored as rectangle lists, never cell by cell. */
export interface Layers {
  numberFormat: LayerRect<string>[];
  background: LayerRect<string>[];
  fontWeight: LayerRect<string>[];
  fontColor: LayerRect<string>[];
  wrapStrategy: LayerRect<string>[];
  horizontalAlignment: LayerRect<string>[];
  verticalAlignment: LayerRect<string>[];
  validation: LayerRect<ValidationState>[];
}

export type LayerName = keyof Layers;

export interface ColumnState {
  width?: number;
  hidden?: boolean;
}

/** An embedded chart: its kind, the ranges it draws, where it sits and its options (JSON-safe). */
export interface ChartState {
  id: number;
  sheetId: number;
  /** A Charts.ChartType member name: 'COLUMN', 'PIE', 'LINE'… */
  type: string;
  ranges: RangeRef[];
  /** Anchored at a cell, offset in pixels, as EmbeddedChartBuilder.setPosition takes it. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  /** Rows of cells, 0-based; a row shorter than the sheet is empty past its end. */
  cells: (CellValue | null)[][];
  notes: (string | null)[][];
  layers: Layers;
  /** Column properties, 0-based; missing entries mean defaults. */
  columns: (ColumnState | null)[];
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  hidden: boolean;
  conditionalRules: ConditionalRuleState[];
  /** Absent in states saved before charts were modelled. */
  charts?: ChartState[];
}

export interface ProtectionState {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** The protected rectangle; a sheet protection covers its whole sheet and has none. */
  rect: Rect | null;
  /** The sides its A1 range left open: only those keep up with rows or columns added at the sheet's end. */
  open?: OpenSides;
  description: string;
  /** False while the protection still mirrors the file's permissions (nobody has set its editors yet). */
  explicit: boolean;
  editors: string[];
  warningOnly: boolean;
  domainEdit: boolean;
  unprotected: Rect[];
}

export interface NamedRangeState {
  name: string;
  ref: RangeRef;
}

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'ROW' | 'COLUMN'; sheetId: number; start: number; count: number };

export interface MetadataState {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export interface ToastState {
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

export interface SpreadsheetState {
  version: 1;
  id: string;
  name: string;
  owner: string;
  editors: string[];
  viewers: string[];
  timeZone: string;
  locale: string;
  workspaceDomain: string | null;
  /** In tab order. */
  sheets: SheetState[];
  activeSheetId: number;
  nextSheetId: number;
  nextProtectionId: number;
  nextMetadataId: number;
  protections: ProtectionState[];
  namedRanges: NamedRangeState[];
  metadata: MetadataState[];
  toasts: ToastState[];
  /** Absent in states saved before charts were modelled. */
  nextChartId?: number;
}

export function emptyLayers(): Layers {
  return {
    numberFormat: [],
    background: [],
    fontWeight: [],
    fontColor: [],
    wrapStrategy: [],
    horizontalAlignment: [],
    verticalAlignment: [],
    validation: [],
  };
}

export function isStoredDate(v: unknown): v is StoredDate {
  return typeof v === 'object' && v !== null && 'd' in v;
}

export function isStoredFormula(v: unknown): v is StoredFormula {
  return typeof v === 'object' && v !== null && 'f' in v;
}

/** A protection as `protect()` makes it: until the script sets editors it mirrors the file's sharing. */
export function freshProtection(
  id: number,
  type: 'RANGE' | 'SHEET',
  sheetId: number,
  rect: ProtectionState['rect'],
): ProtectionState {
  return {
    id,
    type,
    sheetId,
    rect,
    description: '',
    explicit: false,
    editors: [],
    warningOnly: false,
    domainEdit: false,
    unprotected: [],
  };
}
