// Which list item a typed or stored value names: its key, a label in either language, or an alias, ignoring case, spacing and accents.
import type { ListDecl, ListItem } from '../schema';
import { stripInvisible, toHalfWidth } from './text';

/** Case, width, accents, spaces and punctuation do not tell two names apart: 'U.S.A.' = 'usa', 'Côte d’Ivoire' = 'cote divoire'. */
export function looseKey(text: string): string {
  return toHalfWidth(stripInvisible(text))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

interface ItemIndex {
  exact: Map<string, ListItem>;
  loose: Map<string, ListItem>;
}

// Built once per list: a country list has hundreds of names and a register thousands of rows.
const indexes = new WeakMap<ListDecl, ItemIndex>();

function indexOf(list: ListDecl): ItemIndex {
  let index = indexes.get(list);
  if (index) return index;
  index = { exact: new Map(), loose: new Map() };
  for (const item of list.items) {
    for (const name of [item.key, item.labels.en, item.labels.zh])
      if (!index.exact.has(name)) index.exact.set(name, item);
  }
  // Keys and labels first, then aliases, so an alias never takes another item's own name.
  for (const names of [(i: ListItem) => [i.key, i.labels.en, i.labels.zh], (i: ListItem) => i.aliases ?? []])
    for (const item of list.items)
      for (const name of names(item)) {
        const k = looseKey(name);
        if (k && !index.loose.has(k)) index.loose.set(k, item);
      }
  indexes.set(list, index);
  return index;
}

/** The item a value names, or undefined: a value that is not (or no longer) on the list names none. */
export function findListItem(list: ListDecl, value: string): ListItem | undefined {
  const index = indexOf(list);
  const exact = index.exact.get(value) ?? index.exact.get(value.trim());
  if (exact) return exact;
  const k = looseKey(value);
  return k ? index.loose.get(k) : undefined;
}
