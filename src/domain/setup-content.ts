// The rows setup adds to Lists, Settings and Team: only what is missing, never touching what an admin changed.
import { type ListDecl, type ListRegistry, type SettingDecl, settingDecls, type WireValue } from '../schema';
import { findListItem } from './field-value';
import type { Lang } from './i18n';

/** Default items missing from a list column, as labels in `lang`; an item present under either language's label counts. */
export function missingListItems(list: ListDecl, present: readonly unknown[], lang: Lang): string[] {
  const named = new Set(present.map((v) => findListItem(list, String(v).trim())?.key));
  return list.items.filter((item) => !named.has(item.key)).map((item) => item.labels[lang]);
}

/** A setting's default as it is written in the sheet: list values by their label. */
function settingCell(
  decl: SettingDecl,
  value: WireValue,
  lists: ListRegistry,
  lang: Lang,
): string | number | boolean {
  if (value === null) return '';
  if (decl.type === 'list' && decl.list) {
    const item = lists[decl.list]?.items.find((i) => i.key === String(value));
    return item ? item.labels[lang] : String(value);
  }
  return value;
}

/** Settings rows (key, label, value, help) for the settings the sheet lacks. */
export function missingSettingRows(
  presentKeys: readonly unknown[],
  lists: ListRegistry,
  lang: Lang,
  overrides: Partial<Record<string, WireValue>> = {},
) {
  const have = new Set(presentKeys.map((k) => String(k).trim()));
  return settingDecls
    .filter((d) => !have.has(d.key))
    .map((d) => [
      d.key,
      d.labels[lang],
      settingCell(d, overrides[d.key] ?? d.default, lists, lang),
      d.help[lang],
    ]);
}

/** Maps a stored label of a list to the same item's label in another language; other text is returned as it is. */
export function relabel(list: ListDecl | undefined, value: unknown, to: Lang): unknown {
  if (!list || typeof value !== 'string' || value.trim() === '') return value;
  const item = findListItem(list, value.trim());
  return item ? item.labels[to] : value;
}
