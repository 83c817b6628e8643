// The cost model: which calls must reach the spreadsheet, what TextFinder scans cost, and the services' own prices.
import { callCost, costs } from '../src/costs';
import { Exec } from '../src/exec';
import { Meter } from '../src/meter';

function exec() {
  const meter = new Meter();
  const record = meter.start({ id: 1, fn: 'f', user: 'u', kind: 'direct', startedAt: 0 });
  return new Exec({
    id: 1,
    fn: 'f',
    kind: 'direct',
    authMode: 'FULL',
    actingUser: 'u',
    activeUserEmail: 'u',
    effectiveUserEmail: 'u',
    startedAt: 0,
    record,
  });
}

describe('the cost model', () => {
  it('counts a Sheets advanced-service call as one sheet call, priced as a request to the API', () => {
    const e = exec();
    e.charge('Sheets', 'Spreadsheets.batchUpdate', 40);
    e.charge('Sheets', 'Spreadsheets.get');
    expect(e.record.sheetCalls).toBe(2);
    expect(e.record.modelledMs).toBeCloseTo(2 * costs.sheetsApiCallMs + 40 * costs.perCellMs);
    expect(callCost('Sheets', 'Spreadsheets.get', { cells: 0 })).toBeGreaterThan(
      costs.sheetCallMs + costs.syncMs,
    );
  });

  it('charges a read after a write, and a flush, for reaching the spreadsheet; reads in a row only once', () => {
    const e = exec();
    e.charge('SpreadsheetApp', 'Range.getValues', 10);
    e.charge('SpreadsheetApp', 'Range.setValues', 10);
    e.charge('SpreadsheetApp', 'Range.getValues', 10);
    e.charge('SpreadsheetApp', 'Range.getValues', 10);
    e.charge('SpreadsheetApp', 'SpreadsheetApp.flush');
    expect(e.record.syncs).toBe(1);
    e.charge('SpreadsheetApp', 'Range.setValues', 10);
    e.charge('SpreadsheetApp', 'SpreadsheetApp.flush');
    expect(e.record.syncs).toBe(2);
    expect(e.elapsed).toBeCloseTo(7 * costs.sheetCallMs + 2 * costs.syncMs + 50 * costs.perCellMs);
  });

  it('prices TextFinder scans apart from cells moved', () => {
    const e = exec();
    e.charge('SpreadsheetApp', 'TextFinder.findAll', 0, 100000);
    expect(e.record).toMatchObject({ cells: 0, scanned: 100000 });
    expect(e.elapsed).toBeCloseTo(costs.sheetCallMs + 100000 * costs.scanCellMs);
  });

  it('prices properties, cache and mail by their published figures', () => {
    expect(callCost('PropertiesService', 'getProperty', { cells: 0 })).toBe(costs.propertyReadMs);
    expect(callCost('PropertiesService', 'setProperty', { cells: 0 })).toBe(costs.propertyWriteMs);
    expect(callCost('CacheService', 'put', { cells: 0 })).toBe(costs.cachePutMs);
    expect(callCost('CacheService', 'get', { cells: 0 })).toBe(costs.cacheGetMs);
    expect(callCost('MailApp', 'sendEmail', { cells: 0 })).toBe(costs.sendEmailMs);
  });
});
