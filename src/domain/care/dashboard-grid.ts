// Where the Dashboard's tables and charts go: charts in a grid at the top, their summary tables side by side below.
import type { Localized } from '../../schema';
import type { Lang } from '../i18n';
import type { ChartKind, SummaryTable } from './dashboard';

export const DASHBOARD_SHEET = 'Dashboard';

const CHARTS_PER_ROW = 3;
/** A chart's size in pixels, and the sheet rows and columns it spans at the default sizes (21 px rows, 100 px columns). */
export const CHART_SIZE = { width: 390, height: 260 };
const CHART_ROWS = 14;
const CHART_COLUMNS = 4;
const FIRST_CHART_ROW = 3;

interface ChartPlan {
  key: string;
  kind: ChartKind;
  title: string;
  stacked: boolean;
  /** The table's header and data rows, 1-based, as getRange(row, column, rows, columns) takes them. */
  range: { row: number; column: number; rows: number; columns: number };
  /** Where a new chart is anchored; a chart people moved stays where they put it. */
  anchor: { row: number; column: number };
}

interface DashboardLayout {
  grid: (string | number)[][];
  charts: ChartPlan[];
  /** The 1-based columns holding labels (text people may have typed into Lists). */
  labelColumns: number[];
}

const title: Localized = { en: 'Dashboard', zh: '仪表板' };
const refreshed: Localized = { en: 'Refreshed at', zh: '刷新时间' };

export function dashboardLayout(
  tables: readonly SummaryTable[],
  o: { lang: Lang; refreshedAt: string },
): DashboardLayout {
  const tableRow = FIRST_CHART_ROW + Math.ceil(tables.length / CHARTS_PER_ROW) * CHART_ROWS + 1;
  const height = tableRow + 1 + Math.max(0, ...tables.map((t) => t.rows.length));
  let column = 1;
  const placed = tables.map((t) => {
    const at = column;
    column += t.header.length + 1;
    return at;
  });
  const width = Math.max(2, column - 2);
  const grid: (string | number)[][] = Array.from({ length: height }, () => new Array(width).fill(''));
  grid[0][0] = title[o.lang];
  grid[0][1] = `${refreshed[o.lang]}: ${o.refreshedAt}`;
  const charts = tables.map((t, k): ChartPlan => {
    const c = placed[k] - 1;
    grid[tableRow - 1][c] = t.title;
    t.header.forEach((h, j) => {
      grid[tableRow][c + j] = h;
    });
    t.rows.forEach((r, i) => {
      r.forEach((v, j) => {
        grid[tableRow + 1 + i][c + j] = v;
      });
    });
    return {
      key: t.key,
      kind: t.chart,
      title: t.title,
      stacked: t.stacked === true,
      range: { row: tableRow + 1, column: placed[k], rows: t.rows.length + 1, columns: t.header.length },
      anchor: {
        row: FIRST_CHART_ROW + Math.floor(k / CHARTS_PER_ROW) * CHART_ROWS,
        column: 1 + (k % CHARTS_PER_ROW) * CHART_COLUMNS,
      },
    };
  });
  return { grid, charts, labelColumns: placed };
}
