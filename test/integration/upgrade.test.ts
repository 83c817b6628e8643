// Upgrading a register built by an older schema: every value kept, new columns and list values added, the version recorded.
/// <reference types="google-apps-script" />
import type { ExecutionRecord } from '../../emulator/src';
import { recordTypes, SCHEMA_VERSION } from '../../src/schema';
import { oldRegister } from '../fixtures/old-register';
import { ADDED_SINCE_V0 } from '../fixtures/schema/customer-v0';
import { columnsOf, registerEmulator, stateOf, workbook } from '../helpers/register';
import { OWNER } from '../helpers/users';
import { buildVariant } from '../helpers/variant-bundle';

describe('upgrading a 1,000-customer register from schema version 0', () => {
  let emu: ReturnType<typeof registerEmulator>;
  let before: unknown[][];
  let run: ExecutionRecord | undefined;
  let report: {
    fromVersion: number | null;
    toVersion: number;
    addedColumns: Record<string, string[]>;
    created: string[];
  };

  beforeAll(async () => {
    emu = await oldRegister(registerEmulator(), 1000);
    before = emu.spreadsheet.values('Customers');
    report = emu.run(OWNER, 'setUpRegister') as typeof report;
    run = emu.meter.last;
  });

  test('within 150 sheet calls: every sheet’s tags, formats and rules in one Sheets API batch, protections read at once', () => {
    expect(run?.error).toBeUndefined();
    expect(run?.sheetCalls).toBeLessThanOrEqual(150);
    const calls = (m: string) => run?.calls[m] ?? 0;
    expect(calls('Sheets.Spreadsheets.batchUpdate')).toBeLessThanOrEqual(2);
    for (const oneByOne of [
      'SpreadsheetApp.Range.setDataValidation',
      'SpreadsheetApp.Range.addDeveloperMetadata',
      'SpreadsheetApp.Protection.getDescription',
      'SpreadsheetApp.DeveloperMetadata.getValue',
    ])
      expect([oneByOne, calls(oneByOne)]).toEqual([oneByOne, 0]);
  });

  test('a rule a paste wiped in the middle of a column comes back with the next run', () => {
    const sheet = workbook(emu).getActive().getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const cell = sheet.getRange(700, columnsOf(sheet).status);
    cell.setDataValidation(null);
    emu.run(OWNER, 'setUpRegister');
    expect(emu.meter.last?.error).toBeUndefined();
    expect(String(cell.getDataValidation()?.getCriteriaType())).toBe('VALUE_IN_RANGE');
  });

  test('reports the versions and adds exactly the new columns, after the old ones', () => {
    expect(report.fromVersion).toBe(0);
    expect(report.toVersion).toBe(SCHEMA_VERSION);
    expect(report.created).toEqual([]);
    expect(report.addedColumns).toEqual({ Customers: ADDED_SINCE_V0 });
    const sheet = workbook(emu).getActive().getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const col = columnsOf(sheet);
    expect(Object.keys(col).sort()).toEqual(recordTypes.customer.fields.map((f) => f.key).sort());
    expect(ADDED_SINCE_V0.map((k) => col[k])).toEqual(ADDED_SINCE_V0.map((_, i) => before[0].length + 1 + i));
  });

  test('keeps every value of every customer, leading zeros and + signs included', () => {
    const after = emu.spreadsheet.values('Customers');
    expect(after).toHaveLength(1001);
    expect(after.map((r) => r.slice(0, before[0].length))).toEqual(before);
    expect(after[5]).toEqual(expect.arrayContaining(['+8613800000004', '01004']));
  });

  test('the new columns get their formats and validation', () => {
    const sheet = workbook(emu).getActive().getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const col = columnsOf(sheet);
    expect(String(sheet.getRange(500, col.promotionPreference).getDataValidation()?.getCriteriaType())).toBe(
      'VALUE_IN_RANGE',
    );
    expect(sheet.getRange(2, col.lastReminded).getNumberFormat()).toMatch(/yyyy-mm-dd/);
  });

  test('records the schema version, and a second run changes nothing', () => {
    const props = emu.toJSON().properties.document;
    expect(props['cr.schemaVersion']).toBe(String(SCHEMA_VERSION));
    const state = stateOf(emu);
    expect((emu.run(OWNER, 'setUpRegister') as { changed: boolean }).changed).toBe(false);
    expect(stateOf(emu)).toBe(state);
  });
});

describe('adding a field is one edit', () => {
  test('a field declared once appears as a tagged, formatted column with its help', async () => {
    const dir = await buildVariant({
      customer: {
        file: 'test/fixtures/schema/customer-wechat.ts',
        exportName: 'customerWithWechat',
        as: 'customer',
      },
    });
    const emu = registerEmulator({ bundle: dir });
    emu.run(OWNER, 'setUpRegister');
    const sheet = workbook(emu).getActive().getSheetByName('Customers') as GoogleAppsScript.Spreadsheet.Sheet;
    const col = columnsOf(sheet).wechatId;
    expect(col).toBe(recordTypes.customer.fields.length + 1);
    expect(sheet.getRange(1, col).getValue()).toBe('WeChat ID');
    expect(sheet.getRange(1, col).getNote()).toBe('The customer’s WeChat ID.');
    expect(sheet.getRange(2, col).getNumberFormat()).toBe('@');
  });
});
