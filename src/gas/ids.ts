// ID allocation without reading the ID column: a counter per ID format in document properties, seeded once from the column.
import { formatId, type IdFormat, nextSerial } from '../domain/ids';
import type { RecordType } from '../schema';
import { type ColumnMap, columnOf, columnsA1 } from './column-map';
import { idCounterKey, sequenceKey } from './property-keys';
import { findRow } from './record-writes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** One counter per prefix (and year, for yearly IDs): nextSerial's rule counts each apart. */
const counterKey = (rt: RecordType, format: IdFormat, year: number) =>
  idCounterKey(rt.key, format.prefix, format.style === 'yearly' ? year : undefined);

/**
 * nextSerial over the whole ID column, and past the last serial earlier versions counted (one counter per
 * record type, the last serial used): the seed of a counter, and its repair. The old counter keeps the ID of
 * a deleted last row from coming back.
 */
function seed(ss: Spreadsheet, rt: RecordType, map: ColumnMap, format: IdFormat, year: number): number {
  const c = columnOf(map, 'id');
  const ids = ss
    .getRange(columnsA1(rt.sheetName, c, c))
    .getValues()
    .slice(1)
    .map((r) => String(r[0] ?? ''));
  // Change requests kept theirs in script properties (the web app's store before it shared this allocator).
  const legacy = [PropertiesService.getDocumentProperties(), PropertiesService.getScriptProperties()].map(
    (store) => Number(store.getProperty(sequenceKey(rt.key)) ?? 0) || 0,
  );
  return Math.max(nextSerial(ids, format, year), ...legacy.map((n) => n + 1));
}

/**
 * The next `count` IDs of `format`, in order, to be called under the document lock. The counter is read and
 * moved on once (two property calls); the column is read only to seed a counter that does not exist yet, or
 * when the first or last ID it gives is already in the sheet (typed or imported by hand past the counter):
 * an ID is never reused.
 */
export function allocateIds(
  ss: Spreadsheet,
  rt: RecordType,
  map: ColumnMap,
  format: IdFormat,
  year: number,
  count: number,
): string[] {
  if (count < 1) return [];
  const props = PropertiesService.getDocumentProperties();
  const key = counterKey(rt, format, year);
  const stored = Number(props.getProperty(key) ?? 0);
  let serial = stored > 0 ? stored : seed(ss, rt, map, format, year);
  const taken = (n: number) => findRow(ss, rt.sheetName, map, formatId(format, n, year)) !== null;
  if (stored > 0 && (taken(serial) || (count > 1 && taken(serial + count - 1))))
    serial = Math.max(serial + 1, seed(ss, rt, map, format, year));
  props.setProperty(key, String(serial + count));
  return Array.from({ length: count }, (_, i) => formatId(format, serial + i, year));
}

/** The next ID of `format`: allocateIds for one. */
export function allocateId(
  ss: Spreadsheet,
  rt: RecordType,
  map: ColumnMap,
  format: IdFormat,
  year: number,
): string {
  return allocateIds(ss, rt, map, format, year, 1)[0];
}
