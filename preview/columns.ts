// Where each field's column is: the developer metadata "Set up register" leaves, read straight from the emulator's state.
import type { SpreadsheetState } from '../emulator/src/spreadsheet/state';

/** The key setup tags each column with (src/gas/metadata.ts's META.field). */
const FIELD_KEY = 'cr.field';

/** 1-based column of each field key on a sheet; empty when the sheet is not part of the register. */
export function fieldColumns(state: SpreadsheetState, sheetName: string): Record<string, number> {
  const sheet = state.sheets.find((s) => s.name === sheetName);
  const out: Record<string, number> = {};
  if (!sheet) return out;
  for (const m of state.metadata) {
    const loc = m.location;
    if (m.key === FIELD_KEY && loc.type === 'COLUMN' && loc.sheetId === sheet.id && m.value)
      out[m.value] = loc.start;
  }
  return out;
}
