// Migrates a register from one language to the other: headers, list items and stored dropdown values, together.
import type { Lang } from '../domain/i18n';
import { relabel } from '../domain/setup-content';
import type { SheetPlan } from '../domain/setup-plan';
import { defaultLists, type RecordType, settingDecls } from '../schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * One read of each sheet and one write per column that changes, whatever the register's size. Headers
 * an admin renamed to something of their own are left alone: only our label in the old language moves.
 */
export function migrateLanguage(
  ss: Spreadsheet,
  rts: readonly RecordType[],
  plans: readonly SheetPlan[],
  from: Lang,
  to: Lang,
) {
  for (const plan of plans) {
    if (plan.action === 'create') continue;
    const rt = rts.find((r) => r.key === plan.recordType) as RecordType;
    const sheet = ss.getSheetByName(rt.sheetName);
    if (!sheet || sheet.getLastRow() < 1) continue;
    const values = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
    const header = values[0];
    for (const f of rt.fields) {
      const col = plan.columns[f.key];
      if (col === undefined || col > header.length) continue;
      const cells = values.map((row) => row[col - 1]);
      const next = cells.slice();
      if (String(next[0]).trim() === f.labels[from]) next[0] = f.labels[to];
      for (let r = 1; r < next.length; r++)
        next[r] = columnValue(rt, f.key, values[r], plan.columns, next[r], to);
      if (next.some((v, i) => v !== cells[i]))
        sheet.getRange(1, col, next.length, 1).setValues(next.map((v) => [v]));
    }
  }
}

/** The new-language form of one stored cell. */
function columnValue(
  rt: RecordType,
  key: string,
  row: unknown[],
  columns: Record<string, number>,
  value: unknown,
  to: Lang,
): unknown {
  if (rt.key === 'lists') return relabel(defaultLists[key], value, to);
  if (rt.key === 'settings') {
    const decl = settingDecls.find((d) => d.key === String(row[columns.key - 1]));
    if (!decl) return value;
    if (key === 'label') return decl.labels[to];
    if (key === 'help') return decl.help[to];
    if (key === 'value' && decl.type === 'list' && decl.list)
      return relabel(defaultLists[decl.list], value, to);
    return value;
  }
  const field = rt.fields.find((f) => f.key === key);
  return field?.type === 'list' && field.list ? relabel(defaultLists[field.list], value, to) : value;
}
