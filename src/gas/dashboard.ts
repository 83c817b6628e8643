// The Dashboard sheet: its summary tables in one write and one native chart per table, updated in place so people's styling stays.
import { dashboardTables } from '../domain/care/dashboard';
import { CHART_SIZE, DASHBOARD_SHEET, dashboardLayout } from '../domain/care/dashboard-grid';
import type { Lang } from '../domain/i18n';
import { customer, defaultLists, interaction, property, purchase, reminderLog } from '../schema';
import { readCareState, writeCareState } from './care-state';
import { readSheetCells } from './register-cells';
import { readLog } from './reminder-log';
import { writeReport } from './report-sheet';
import { withDocumentLock } from './session';
import { readSettings } from './settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Only the columns the tables count: a quarter of a customer's cells. */
const READ = {
  [customer.sheetName]: ['status', 'tier', 'source', 'country', 'enteredAt', 'recordState', 'nextReviewDue'],
  [interaction.sheetName]: ['date', 'kind'],
  [property.sheetName]: ['state', 'expectedReturn', 'returnedDate'],
  [purchase.sheetName]: ['date', 'amount', 'currency', 'dueDate', 'paidDate', 'paymentState'],
};

/**
 * Rewrites the tables and points each chart at its table. A chart this add-on made before is found by its
 * ID and only its range is changed (type, colours, title and position are the person's to restyle); a
 * chart deleted by hand is made again. A fixed number of calls whatever the register's size.
 */
export function refreshDashboard(ss: Spreadsheet, o: { lang: Lang; tz: string; now: Date }) {
  const [customers, interactions, held, purchases] = readSheetCells(
    ss,
    [customer, interaction, property, purchase],
    o.tz,
    READ,
  );
  const today = Utilities.formatDate(o.now, o.tz, 'yyyy-MM-dd');
  // The log holds the current cycles only (a bounded read); answers that left it are counted in the care state.
  const log = ss.getSheetByName(reminderLog.sheetName) ? readLog(ss, o.tz, () => true, false).entries : [];
  const tables = dashboardTables(
    { customers, interactions, property: held, purchases, log, answers: readCareState().answers ?? {} },
    {
      lists: defaultLists,
      lang: o.lang,
      today,
      defaultCurrency: String(readSettings(ss).defaultCurrency ?? '') || 'CNY',
    },
  );
  const layout = dashboardLayout(tables, {
    lang: o.lang,
    refreshedAt: Utilities.formatDate(o.now, o.tz, 'yyyy-MM-dd HH:mm'),
  });
  // The register is read without the lock: counts taken while people save are as true as any, and saves never
  // wait for the read. Writing the sheet, its charts and the state naming them is locked: two refreshes never
  // interleave (each would add charts the other does not know of).
  withDocumentLock(() => writeDashboard(ss, layout, o.now));
}

function writeDashboard(ss: Spreadsheet, layout: ReturnType<typeof dashboardLayout>, now: Date) {
  const sheet = writeReport(ss, DASHBOARD_SHEET, layout.grid, layout.labelColumns);
  const known = readCareState().charts ?? {};
  const existing = new Map(sheet.getCharts().map((c) => [String(c.getChartId()), c]));
  const charts = { ...known };
  const made: string[] = [];
  for (const plan of layout.charts) {
    const r = plan.range;
    const range = sheet.getRange(r.row, r.column, r.rows, r.columns);
    const mine = known[plan.key] && existing.get(known[plan.key].id);
    if (mine) {
      const builder = mine.modify().clearRanges().addRange(range);
      const untouched = mine.getOptions().get('title') === known[plan.key].title;
      sheet.updateChart((untouched ? builder.setOption('title', plan.title) : builder).build());
      if (untouched) charts[plan.key] = { ...known[plan.key], title: plan.title };
      continue;
    }
    const builder = sheet
      .newChart()
      .setChartType(Charts.ChartType[plan.kind])
      .addRange(range)
      .setNumHeaders(1)
      .setPosition(plan.anchor.row, plan.anchor.column, 0, 0)
      .setOption('title', plan.title)
      .setOption('width', CHART_SIZE.width)
      .setOption('height', CHART_SIZE.height)
      // A legend only where it names something: a pie's slices, or a table of several series.
      .setOption('legend', { position: r.columns > 2 || plan.kind === 'PIE' ? 'right' : 'none' });
    sheet.insertChart((plan.stacked ? builder.setOption('isStacked', true) : builder).build());
    made.push(plan.key);
  }
  if (made.length) {
    // insertChart returns nothing: the new charts' IDs are the ones not seen before.
    const fresh = sheet
      .getCharts()
      .map((c) => String(c.getChartId()))
      .filter((id) => !existing.has(id));
    made.forEach((key, i) => {
      const plan = layout.charts.find((p) => p.key === key);
      if (fresh[i] !== undefined && plan) charts[key] = { id: fresh[i], title: plan.title };
    });
  }
  writeCareState({ charts, dashboardAt: now.toISOString() });
}
