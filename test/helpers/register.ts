// Helpers for integration tests: an emulator with dist/ loaded and the team, and an unmetered view of the workbook.
/// <reference types="google-apps-script" />
import { Emulator, type EmulatorOptions } from '../../emulator/src';
import { emulatorContext } from '../../emulator/src/execution';
import { ADMIN, CLERK, MANAGER, OWNER, TEAM, VIEWER } from './users';

export function registerEmulator(o: EmulatorOptions & { bundle?: string } = {}) {
  return new Emulator({ owner: OWNER, editors: TEAM, ...o }).loadBundle(o.bundle ?? 'dist');
}

/** SpreadsheetApp as the emulator itself sees it: no meter, no protections; for building fixtures and asserting. */
export function workbook(emu: Emulator): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const app = emu.spreadsheet.createSpreadsheetApp(
    emulatorContext(() => emu.now()),
    { getUi: () => ({}) },
  );
  return app as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

/** Column index (1-based) of each field key on a sheet, read from the developer metadata setup leaves. */
export function columnsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): Record<string, number> {
  const out: Record<string, number> = {};
  for (const md of sheet.createDeveloperMetadataFinder().withKey('cr.field').find()) {
    const col = md.getLocation().getColumn();
    if (col) out[md.getValue() as string] = col.getColumn();
  }
  return out;
}

/** The emulator's state without the clock: what "changes nothing" compares (time passes in every execution). */
export function stateOf(emu: Emulator): string {
  const { clock: _clock, ...rest } = emu.toJSON();
  return JSON.stringify(rest);
}

/** A set-up register whose Team lists one person per role (the owner is Admin too). */
export function teamRegister(o: EmulatorOptions = {}) {
  const emu = registerEmulator(o);
  emu.run(OWNER, 'setUpRegister');
  const team = workbook(emu).getActive().getSheetByName('Team') as GoogleAppsScript.Spreadsheet.Sheet;
  team.getRange(3, 1, 4, 4).setValues([
    [ADMIN, 'Ada Admin', 'Admin', true],
    [MANAGER, '王经理', 'Manager', true],
    [CLERK, 'Chen Clerk', 'Clerk', true],
    [VIEWER, 'Vera Viewer', 'Viewer', true],
  ]);
  // A fixture write fires no onEdit, so the guard does not re-apply protections as it would after a hand edit.
  emu.run(OWNER, 'applyProtections');
  return emu;
}

/** Rows of a sheet as objects by field key (header row skipped), read without metering. */
export function recordsOf(emu: Emulator, sheetName: string): Record<string, unknown>[] {
  const sheet = workbook(emu).getActive().getSheetByName(sheetName) as GoogleAppsScript.Spreadsheet.Sheet;
  const col = columnsOf(sheet);
  return emu.spreadsheet
    .values(sheetName)
    .slice(1)
    .map((row) => Object.fromEntries(Object.entries(col).map(([k, c]) => [k, row[c - 1]])));
}

/** Writes one setting's value on the Settings sheet, found by its key. */
export function setSetting(emu: Emulator, key: string, value: unknown) {
  const sheet = workbook(emu).getActive().getSheetByName('Settings') as GoogleAppsScript.Spreadsheet.Sheet;
  const row = emu.spreadsheet.values('Settings').findIndex((r) => r[0] === key) + 1;
  if (row < 1) throw new Error(`No setting ${key}`);
  sheet.getRange(row, columnsOf(sheet).value).setValue(value);
}

/** Switches a register to Chinese as an admin does: the Settings language, then Set up register (it migrates). */
export function useChinese(emu: Emulator) {
  const settings = workbook(emu).getActive().getSheetByName('Settings') as GoogleAppsScript.Spreadsheet.Sheet;
  const row = emu.spreadsheet.values('Settings').findIndex((r) => r[0] === 'language') + 1;
  settings.getRange(row, columnsOf(settings).value).setValue('中文');
  emu.run(OWNER, 'setUpRegister');
}
