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
