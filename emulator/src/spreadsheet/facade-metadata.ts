// DeveloperMetadata, its location and finder: key/value pairs attached to the spreadsheet, a sheet, rows or columns.

import { sheetById } from './cells';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility, enumName } from './enums';
import { refOf, sheetIdOf } from './handles';
import { sheetMessages } from './messages';
import { assertCellsWritable, assertFileWritable, assertSheetWritable } from './permissions';
import { intersects } from './rects';
import type { Facade, Session } from './session';
import type {
  MetadataLocation,
  MetadataState,
  OpenSides,
  RangeRef,
  Rect,
  SheetState,
  SpreadsheetState,
} from './state';

/** Where a finder looks: the whole spreadsheet, one sheet, or the rows/columns meeting a rectangle. */
export type MetadataScope = { sheetId: null } | { sheetId: number; rect?: Rect };

function isVisibility(v: unknown): boolean {
  return Object.values(DeveloperMetadataVisibility).includes(v as never);
}

/** addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility). */
export function addMetadata(
  s: Session,
  location: MetadataLocation,
  key: unknown,
  a?: unknown,
  b?: unknown,
): number {
  const valueGiven = a !== undefined && !isVisibility(a);
  const visibility = isVisibility(a) ? a : b;
  const id = s.state.nextMetadataId++;
  s.state.metadata.push({
    id,
    key: String(key),
    value: valueGiven ? String(a) : null,
    visibility: visibility === undefined ? 'DOCUMENT' : (enumName(visibility) as 'DOCUMENT' | 'PROJECT'),
    location,
  });
  return id;
}

function locationRect(state: SpreadsheetState, loc: MetadataLocation): Rect | null {
  if (loc.type !== 'ROW' && loc.type !== 'COLUMN') return null;
  const sheet = sheetById(state, loc.sheetId);
  return loc.type === 'ROW'
    ? { r: loc.start, c: 1, nr: loc.count, nc: sheet.maxColumns }
    : { r: 1, c: loc.start, nr: sheet.maxRows, nc: loc.count };
}

/** Metadata located exactly on the rows or columns a whole-row/column range covers. */
export function metadataOnRange(state: SpreadsheetState, sheet: SheetState, ref: RangeRef): MetadataState[] {
  const wholeColumns = ref.r === 1 && ref.nr === sheet.maxRows;
  const wholeRows = ref.c === 1 && ref.nc === sheet.maxColumns;
  return state.metadata.filter((m) => {
    const l = m.location;
    if (l.type === 'COLUMN')
      return wholeColumns && l.sheetId === sheet.id && l.start === ref.c && l.count === ref.nc;
    if (l.type === 'ROW')
      return wholeRows && l.sheetId === sheet.id && l.start === ref.r && l.count === ref.nr;
    return false;
  });
}

/** Throws unless the acting user may attach metadata at `loc` (the cells, sheet or file it sits on). */
export function assertMetadataWritable(s: Session, loc: MetadataLocation): void {
  if (loc.type === 'SPREADSHEET') assertFileWritable(s.state, s.ctx);
  else if (loc.type === 'SHEET') assertSheetWritable(s.state, s.ctx, loc.sheetId, false);
  else assertCellsWritable(s.state, s.ctx, loc.sheetId, locationRect(s.state, loc) as Rect);
}

function inScope(state: SpreadsheetState, m: MetadataState, scope: MetadataScope): boolean {
  if (scope.sheetId === null) return true;
  const l = m.location;
  if (l.type === 'SPREADSHEET' || l.sheetId !== scope.sheetId) return false;
  if (!scope.rect) return true;
  const r = locationRect(state, l);
  return r !== null && intersects(r, scope.rect);
}

function createLocation(s: Session, loc: MetadataLocation): Facade {
  const range = (type: string) => {
    if (loc.type !== type) return null;
    const r = locationRect(s.state, loc);
    if (!r || loc.type === 'SPREADSHEET') return null;
    // A row or column location is a whole dimension, so its range reads as '2:2' or 'C:C'.
    const open: OpenSides = loc.type === 'COLUMN' ? { rows: 'all' } : { columns: 'all' };
    return s.range({ sheetId: loc.sheetId, ...r, open });
  };
  return {
    getLocationType: () => DeveloperMetadataLocationType[loc.type],
    getColumn: () => range('COLUMN'),
    getRow: () => range('ROW'),
    getSheet: () => (loc.type === 'SHEET' ? s.sheet(loc.sheetId) : null),
    getSpreadsheet: () => (loc.type === 'SPREADSHEET' ? s.spreadsheet() : null),
    toString: () => 'DeveloperMetadataLocation',
  };
}

export function createMetadata(s: Session, id: number): Facade {
  const charge = s.meter('DeveloperMetadata');
  const m = (): MetadataState => {
    const found = s.state.metadata.find((x) => x.id === id);
    if (!found) throw new Error(sheetMessages.metadataRemoved);
    return found;
  };
  const writable = (): MetadataState => {
    const x = m();
    assertMetadataWritable(s, x.location);
    return x;
  };
  const moveTo = (range: unknown, type: 'ROW' | 'COLUMN'): void => {
    const ref = refOf(range);
    const x = writable();
    const location: MetadataLocation =
      type === 'COLUMN'
        ? { type, sheetId: ref.sheetId, start: ref.c, count: ref.nc }
        : { type, sheetId: ref.sheetId, start: ref.r, count: ref.nr };
    assertMetadataWritable(s, location);
    x.location = location;
  };
  const self: Facade = {
    getId() {
      charge('getId');
      return m().id;
    },
    getKey() {
      charge('getKey');
      return m().key;
    },
    getValue() {
      charge('getValue');
      return m().value;
    },
    setKey(key: unknown) {
      charge('setKey');
      writable().key = String(key);
      return self;
    },
    setValue(value: unknown) {
      charge('setValue');
      writable().value = value === null || value === undefined ? null : String(value);
      return self;
    },
    getVisibility() {
      charge('getVisibility');
      return DeveloperMetadataVisibility[m().visibility];
    },
    setVisibility(visibility: unknown) {
      charge('setVisibility');
      writable().visibility = enumName(visibility) as 'DOCUMENT' | 'PROJECT';
      return self;
    },
    getLocation() {
      charge('getLocation');
      return createLocation(s, m().location);
    },
    moveToColumn(range: unknown) {
      charge('moveToColumn');
      moveTo(range, 'COLUMN');
      return self;
    },
    moveToRow(range: unknown) {
      charge('moveToRow');
      moveTo(range, 'ROW');
      return self;
    },
    moveToSheet(sheet: unknown) {
      charge('moveToSheet');
      const x = writable();
      const target = sheetById(s.state, sheetIdOf(sheet));
      x.location = { type: 'SHEET', sheetId: target.id };
      return self;
    },
    moveToSpreadsheet() {
      charge('moveToSpreadsheet');
      writable().location = { type: 'SPREADSHEET' };
      return self;
    },
    remove() {
      charge('remove');
      const x = writable();
      s.state.metadata = s.state.metadata.filter((y) => y !== x);
    },
    toString: () => 'DeveloperMetadata',
  };
  return s.instrument(self);
}

export function createMetadataFinder(s: Session, scope: MetadataScope): Facade {
  const filters: ((m: MetadataState) => boolean)[] = [];
  const add = (f: (m: MetadataState) => boolean): Facade => {
    filters.push(f);
    return self;
  };
  const self: Facade = {
    withKey: (key: unknown) => add((m) => m.key === String(key)),
    withValue: (value: unknown) => add((m) => m.value === (value === null ? null : String(value))),
    withId: (id: unknown) => add((m) => m.id === Number(id)),
    withLocationType: (type: unknown) => add((m) => m.location.type === enumName(type)),
    withVisibility: (v: unknown) => add((m) => m.visibility === enumName(v)),
    onIntersectingLocations: () => self,
    find() {
      s.meter('DeveloperMetadataFinder')('find');
      return s.state.metadata
        .filter((m) => inScope(s.state, m, scope) && filters.every((f) => f(m)))
        .map((m) => s.metadata(m.id));
    },
    toString: () => 'DeveloperMetadataFinder',
  };
  return s.instrument(self);
}
