// Reads the Settings sheet into typed values (list settings by item key), falling back to the defaults.
import { findListItem } from '../domain/field-value';
import { defaultLists, defaultSettings, type Settings, settingDecls } from '../schema';
import { readColumns } from './table';

export function readSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Settings {
  const out = defaultSettings();
  const { count, values } = readColumns(ss, 'Settings', ['key', 'value'], 1);
  for (let i = 0; i < count; i++) {
    const decl = settingDecls.find((d) => d.key === String(values.key[i]).trim());
    const raw = values.value[i];
    if (!decl || raw === '' || raw === null) continue;
    if (decl.type === 'list' && decl.list) {
      const item = defaultLists[decl.list] && findListItem(defaultLists[decl.list], String(raw).trim());
      if (item) out[decl.key] = item.key;
    } else if (decl.type === 'integer' || decl.type === 'number') {
      const n = Number(raw);
      if (Number.isFinite(n)) out[decl.key] = n;
    } else out[decl.key] = typeof raw === 'boolean' ? raw : String(raw);
  }
  return out;
}
