// Embedded charts: built with Sheet.newChart(), inserted, read back, modified, removed, and kept in the JSON state.
import { Emulator } from '../src';
import { OWNER, scriptEmulator } from './runtime-helpers';

const SCRIPT = `
function build() {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  sheet.getRange('A1:B3').setValues([['Status', 'Customers'], ['Active', 3], ['Lost', 1]]);
  var chart = sheet.newChart()
    .setChartType(Charts.ChartType.PIE)
    .addRange(sheet.getRange('A1:B3'))
    .setPosition(2, 4, 10, 0)
    .setOption('title', 'By status')
    .build();
  sheet.insertChart(chart);
  return sheet.getCharts().map(function (c) {
    return [c.getChartId(), String(c.getType()), c.getRanges()[0].getA1Notation(), c.getOptions().get('title'),
      c.getContainerInfo().getAnchorRow(), c.getContainerInfo().getAnchorColumn()];
  });
}
function retitle() {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  var chart = sheet.getCharts()[0];
  sheet.updateChart(chart.modify().asColumnChart().setOption('title', 'Again').build());
  var c = sheet.getCharts()[0];
  return [String(c.getType()), c.getOptions().get('title'), sheet.getCharts().length];
}
function unsaved() {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  sheet.getCharts()[0].modify().setOption('title', 'Not saved').build();
  return sheet.getCharts()[0].getOptions().get('title');
}
function insertTwice() {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  sheet.insertChart(sheet.getCharts()[0]);
}
function remove() {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  sheet.removeChart(sheet.getCharts()[0]);
  return sheet.getCharts().length;
}
function badType() {
  SpreadsheetApp.getActive().getSheets()[0].newChart().setChartType('DONUT');
}
`;

test('a chart is built, inserted and read back as the builder left it', () => {
  const emu = scriptEmulator(SCRIPT);
  expect(emu.run(OWNER, 'build')).toEqual([[1, 'PIE', 'A1:B3', 'By status', 2, 4]]);
  const chart = emu.spreadsheet.state.sheets[0].charts?.[0];
  expect(chart).toMatchObject({
    type: 'PIE',
    options: { title: 'By status' },
    position: { row: 2, column: 4 },
  });
});

test('a chart object is a copy: modify() changes the sheet only through updateChart', () => {
  const emu = scriptEmulator(SCRIPT);
  emu.run(OWNER, 'build');
  expect(emu.run(OWNER, 'unsaved')).toBe('By status');
  expect(emu.run(OWNER, 'retitle')).toEqual(['COLUMN', 'Again', 1]);
});

test('removeChart removes it; inserting a chart already in the sheet and an unknown type are refused', () => {
  const emu = scriptEmulator(SCRIPT);
  emu.run(OWNER, 'build');
  expect(() => emu.run(OWNER, 'insertTwice')).toThrow(/Invalid argument: chart/);
  expect(() => emu.run(OWNER, 'badType')).toThrow(/Invalid argument: type/);
  expect(emu.run(OWNER, 'remove')).toBe(0);
});

test('charts survive the JSON round trip, and a later chart never reuses an ID', () => {
  const emu = scriptEmulator(SCRIPT);
  emu.run(OWNER, 'build');
  emu.run(OWNER, 'remove');
  emu.run(OWNER, 'build');
  const saved = JSON.parse(JSON.stringify(emu.toJSON()));
  expect(saved.spreadsheet.sheets[0].charts.map((c: { id: number }) => c.id)).toEqual([2]);
  expect(Emulator.fromJSON(saved).toJSON().spreadsheet).toEqual(saved.spreadsheet);
});

const LINES = `
function chartOver(a1) {
  var ss = SpreadsheetApp.getActive();
  var sheet = ss.getSheets()[0];
  var other = ss.getSheetByName('Other') || ss.insertSheet('Other');
  [sheet, other].forEach(function (holder) {
    holder.insertChart(holder.newChart().setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange(a1)).setPosition(12, 4, 0, 0).build());
  });
}
function change(kind, at, count) {
  SpreadsheetApp.getActive().getSheets()[0][kind](at, count);
}
function charts() {
  return SpreadsheetApp.getActive().getSheets().map(function (s) {
    return s.getCharts().map(function (c) {
      var info = c.getContainerInfo();
      return c.getRanges().map(function (r) { return r.getA1Notation(); }).join(',') +
        ' @' + info.getAnchorRow() + ',' + info.getAnchorColumn();
    })[0];
  });
}
`;

test.each([
  ['insertRows', 5, 1, 'A1:B11 @13,4'],
  ['insertRowsBefore', 1, 2, 'A3:B12 @14,4'],
  ['insertRowsAfter', 10, 1, 'A1:B10 @13,4'],
  ['deleteRows', 2, 3, 'A1:B7 @9,4'],
  ['deleteRows', 11, 2, 'A1:B10 @12,4'],
  ['insertColumnsBefore', 2, 1, 'A1:C10 @12,5'],
  ['deleteColumns', 1, 1, 'A1:A10 @12,3'],
])(
  'a chart over A1:B10 after %s(%i, %i) reads %s, on its own sheet and from another',
  (kind, at, n, want) => {
    const emu = scriptEmulator(LINES);
    emu.run(OWNER, 'chartOver', 'A1:B10');
    emu.run(OWNER, 'change', kind, at, n);
    const [own, other] = emu.run(OWNER, 'charts') as string[];
    expect(own).toBe(want);
    // The chart on the other sheet draws the same cells and stays where it was.
    expect(other).toBe(`${want.split(' ')[0]} @12,4`);
  },
);

test('a chart over whole columns keeps covering rows added at the end; one whose cells are all deleted draws none', () => {
  const emu = scriptEmulator(LINES);
  emu.run(OWNER, 'chartOver', 'A:B');
  emu.run(OWNER, 'change', 'insertRowsAfter', 1000, 5);
  expect((emu.run(OWNER, 'charts') as string[])[0]).toBe('A:B @12,4');
  emu.run(OWNER, 'change', 'deleteColumns', 1, 2);
  expect((emu.run(OWNER, 'charts') as string[])[0]).toBe(' @12,2');
});
