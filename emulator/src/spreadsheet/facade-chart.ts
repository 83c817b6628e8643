// Embedded charts: Sheet.newChart()'s EmbeddedChartBuilder, the EmbeddedChart it builds, and the Charts.ChartType enum.

import { makeEnum } from './enums';
import { refOf } from './handles';
import { sheetMessages } from './messages';
import type { Facade, Session } from './session';
import type { ChartState, RangeRef } from './state';

/** Charts.ChartType: the kinds of chart a builder can make. */
export const ChartType = makeEnum([
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
]);

/** The Charts service as scripts see it: only the enum the add-on needs. */
export function createCharts() {
  return { ChartType };
}

/** A chart being built or modified: not in the sheet until insertChart or updateChart. */
type Draft = Omit<ChartState, 'id'> & { id: number | null };

const jsonSafe = (v: unknown): unknown =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v) ? v : JSON.parse(JSON.stringify(v));

/** An EmbeddedChart object holding a copy of its state (as live: a chart object is a snapshot). */
export function createChart(s: Session, draft: Draft): Facade {
  const charge = s.meter('EmbeddedChart');
  const copy = (): Draft => structuredClone(draft);
  return s.instrument({
    getChartId() {
      charge('getChartId');
      return draft.id;
    },
    getType() {
      charge('getType');
      return draft.type;
    },
    getRanges() {
      charge('getRanges');
      return draft.ranges.map((r) => s.range(r));
    },
    getOptions() {
      charge('getOptions');
      return { get: (key: unknown) => draft.options[String(key)] ?? null };
    },
    getContainerInfo() {
      charge('getContainerInfo');
      const p = draft.position;
      return {
        getAnchorRow: () => p.row,
        getAnchorColumn: () => p.column,
        getOffsetX: () => p.offsetX,
        getOffsetY: () => p.offsetY,
      };
    },
    modify() {
      charge('modify');
      return createChartBuilder(s, draft.sheetId, copy());
    },
    toString: () => 'EmbeddedChart',
    [chartDraft]: copy,
  } as Facade);
}

const chartDraft = Symbol('chartDraft');

/** The state an EmbeddedChart object stands for; throws for anything else, as live. */
export function draftOf(chart: unknown): Draft {
  const get =
    typeof chart === 'object' && chart !== null ? (chart as Facade)[chartDraft as never] : undefined;
  if (typeof get !== 'function') throw new Error(sheetMessages.invalidArgument('chart'));
  return (get as () => Draft)();
}

export function createChartBuilder(s: Session, sheetId: number, start?: Draft): Facade {
  const charge = s.meter('EmbeddedChartBuilder');
  const draft: Draft = start ?? {
    id: null,
    sheetId,
    type: 'COLUMN',
    ranges: [],
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    options: {},
  };
  const as = (type: string) => () => {
    charge(`as${type}`);
    draft.type = type;
    return self;
  };
  const self: Facade = s.instrument({
    setChartType(type: unknown) {
      charge('setChartType');
      const name = String(type);
      if (!(name in ChartType)) throw new Error(sheetMessages.invalidArgument('type'));
      draft.type = name;
      return self;
    },
    asAreaChart: as('AREA'),
    asBarChart: as('BAR'),
    asColumnChart: as('COLUMN'),
    asLineChart: as('LINE'),
    asPieChart: as('PIE'),
    asTableChart: as('TABLE'),
    addRange(range: unknown) {
      charge('addRange');
      draft.ranges.push({ ...refOf(range) } as RangeRef);
      return self;
    },
    removeRange(range: unknown) {
      charge('removeRange');
      const ref = refOf(range);
      draft.ranges = draft.ranges.filter(
        (r) =>
          !(
            r.sheetId === ref.sheetId &&
            r.r === ref.r &&
            r.c === ref.c &&
            r.nr === ref.nr &&
            r.nc === ref.nc
          ),
      );
      return self;
    },
    clearRanges() {
      charge('clearRanges');
      draft.ranges = [];
      return self;
    },
    getRanges() {
      charge('getRanges');
      return draft.ranges.map((r) => s.range(r));
    },
    setPosition(row: unknown, column: unknown, offsetX: unknown, offsetY: unknown) {
      charge('setPosition');
      draft.position = {
        row: Number(row),
        column: Number(column),
        offsetX: Number(offsetX),
        offsetY: Number(offsetY),
      };
      return self;
    },
    setNumHeaders(headers: unknown) {
      charge('setNumHeaders');
      draft.options.numHeaders = Number(headers);
      return self;
    },
    setOption(key: unknown, value: unknown) {
      charge('setOption');
      draft.options[String(key)] = jsonSafe(value);
      return self;
    },
    getChartType() {
      charge('getChartType');
      return ChartType[draft.type];
    },
    build() {
      charge('build');
      return createChart(s, structuredClone(draft));
    },
    toString: () => 'EmbeddedChartBuilder',
  });
  return self;
}
