// Between records and sheet cells: list item keys ↔ labels in the register's language, empty ↔ null, and a row version.
import { defaultLists, type ListDecl, type ListRegistry, type RecordType, type WireValue } from '../schema';
import { findListItem } from './field-value';
import type { Lang } from './i18n';

export type Cell = string | number | boolean | Date;

/** What to write for each field of a record: list values by their label, nulls as empty cells. */
export function cellsFromRecord(
  rt: RecordType,
  record: Record<string, unknown>,
  lang: Lang,
  lists: ListRegistry = defaultLists,
) {
  const out: Record<string, unknown> = {};
  for (const f of rt.fields) {
    if (!Object.getOwnPropertyDescriptor(record, f.key)) continue;
    const v = record[f.key];
    if (v === null || v === undefined) out[f.key] = '';
    else if (f.type === 'list' && f.list && typeof v === 'string')
      out[f.key] = lists[f.list]?.items.find((i) => i.key === v)?.labels[lang] ?? v;
    else out[f.key] = v;
  }
  return out;
}

const fieldIndexes = new WeakMap<RecordType, Map<string, RecordType['fields'][number]>>();

/** A record type's fields by key, built once: conversions run per row of a large register. */
export function fieldIndex(rt: RecordType) {
  let index = fieldIndexes.get(rt);
  if (!index) {
    index = new Map(rt.fields.map((f) => [f.key, f]));
    fieldIndexes.set(rt, index);
  }
  return index;
}

// Stored labels are read for every row of a register: each list is indexed once, not searched per cell.
const indexes = new WeakMap<ListDecl, Map<string, string>>();

/** The item key a stored value names (its key, or a label in either language), or undefined. */
function listKeyOf(list: ListDecl, value: string): string | undefined {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    for (const item of list.items) {
      index.set(item.key, item.key);
      for (const label of [item.labels.en, item.labels.zh, item.key.toLowerCase()])
        if (!index.has(label)) index.set(label, item.key);
    }
    indexes.set(list, index);
  }
  return index.get(value) ?? index.get(value.trim()) ?? findListItem(list, value)?.key;
}

/**
 * A record as the sidebar sees it, from cells whose dates the adapter already turned into text:
 * list labels (either language) become item keys, empty cells null.
 */
export function recordFromCells(
  rt: RecordType,
  cells: Record<string, unknown>,
  lists: ListRegistry = defaultLists,
) {
  const out: Record<string, WireValue> = {};
  const fields = fieldIndex(rt);
  // Only the fields given: a partial set of cells (an edit) stays partial.
  for (const key of Object.keys(cells)) {
    const f = fields.get(key);
    if (!f) continue;
    const v = cells[key];
    if (v === undefined || v === '' || v === null) out[key] = f.type === 'boolean' ? false : null;
    else if (f.type === 'list' && f.list) {
      const list = lists[f.list];
      out[key] = (list && listKeyOf(list, String(v))) ?? String(v);
    } else if (typeof v === 'number' || typeof v === 'boolean') out[key] = v;
    else out[key] = String(v);
  }
  return out;
}

/** A short fingerprint of a record's values: an edit carries it, and a changed row refuses the edit. */
export function recordVersion(record: Record<string, WireValue>): string {
  const text = Object.keys(record)
    .sort()
    .map((k) => `${k}=${JSON.stringify(record[k])}`)
    .join('\n');
  // FNV-1a, 32 bits: enough to tell a changed row from an unchanged one, and no crypto API needed.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The fields whose values differ between two records (only keys present in `next`). */
export function changedFields(before: Record<string, WireValue>, next: Record<string, WireValue>): string[] {
  return Object.keys(next).filter(
    (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(next[k] ?? null),
  );
}
