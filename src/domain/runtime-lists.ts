// The lists in force: the Lists sheet as an admin edited it, each value matched to its default item where it names one.
import type { ListItem, ListRegistry } from '../schema';
import { findListItem } from './list-items';
import { normalizeName } from './text';

/**
 * A list column with values replaces its defaults, in the sheet's order: what an admin adds is offered and
 * accepted, what they delete is no longer offered. A value that names a default item (in either language)
 * is that item, so stored keys and translations hold; any other value is an item whose key is its text.
 * A missing or empty column keeps the defaults.
 */
export function listsFromColumns(
  defaults: ListRegistry,
  columns: Record<string, readonly unknown[]>,
): ListRegistry {
  const out: Record<string, ListRegistry[string]> = {};
  for (const [key, list] of Object.entries(defaults)) {
    const column = Object.getOwnPropertyDescriptor(columns, key)?.value as readonly unknown[] | undefined;
    const items: ListItem[] = [];
    const seen = new Set<string>();
    for (const cell of column ?? []) {
      const text = normalizeName(String(cell ?? ''));
      if (text === '') continue;
      const item = findListItem(list, text) ?? { key: text, labels: { en: text, zh: text } };
      if (seen.has(item.key)) continue;
      seen.add(item.key);
      items.push(item);
    }
    out[key] = items.length ? { ...list, items } : list;
  }
  return out;
}
