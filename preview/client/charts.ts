// Embedded charts drawn as simple SVG over the grid at their anchor cells: pie, bar, column (grouped or stacked) and line.
/// <reference lib="dom" />
import type { ChartView, SheetView } from '../wire';

const NS = 'http://www.w3.org/2000/svg';
const ROW_HEIGHT = 24;
const ROW_HEADER = 48;
const COLOURS = [
  '#4285f4',
  '#db4437',
  '#f4b400',
  '#0f9d58',
  '#ab47bc',
  '#00acc1',
  '#ff7043',
  '#9e9d24',
  '#5c6bc0',
  '#8d6e63',
];

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function pie(root: SVGSVGElement, c: ChartView) {
  const totals = c.values.map((v) => v[0] ?? 0);
  const sum = totals.reduce((a, b) => a + b, 0) || 1;
  let angle = -Math.PI / 2;
  const r = Math.min(c.width * 0.3, c.height * 0.35);
  const [cx, cy] = [r + 24, c.height / 2 + 14];
  totals.forEach((v, i) => {
    const next = angle + (v / sum) * Math.PI * 2;
    const large = next - angle > Math.PI ? 1 : 0;
    const d =
      v >= sum
        ? `M ${cx} ${cy - r} A ${r} ${r} 0 1 1 ${cx - 0.01} ${cy - r} Z`
        : `M ${cx} ${cy} L ${cx + r * Math.cos(angle)} ${cy + r * Math.sin(angle)} A ${r} ${r} 0 ${large} 1 ${cx + r * Math.cos(next)} ${cy + r * Math.sin(next)} Z`;
    if (v > 0) root.append(svg('path', { d, fill: COLOURS[i % COLOURS.length] }));
    angle = next;
  });
  legend(root, c.labels, cx + r + 24);
}

function legend(root: SVGSVGElement, names: string[], x: number) {
  names.slice(0, 12).forEach((n, i) => {
    root.append(svg('rect', { x, y: 48 + i * 18, width: 10, height: 10, fill: COLOURS[i % COLOURS.length] }));
    root.append(svg('text', { x: x + 16, y: 57 + i * 18, 'font-size': 11 }, n));
  });
}

/** Months ('2026-11') lose their century and weeks ('2026-11-23') their year, to fit under a column. */
const columnLabel = (label: string) =>
  /^\d{4}-\d\d-\d\d$/.test(label) ? label.slice(5) : label.replace(/^20(\d\d-)/, '$1').slice(0, 8);

/** About 5.5 px a character at the 9 px the labels use, and a gap: how many columns one label needs. */
const every = (band: number, labels: readonly string[]) =>
  Math.max(1, Math.ceil((5.5 * Math.max(0, ...labels.map((l) => l.length)) + 6) / Math.max(1, band)));

/** Bars along the category axis: vertical for COLUMN and LINE, horizontal for BAR; stacked or side by side. */
function bars(root: SVGSVGElement, c: ChartView) {
  const horizontal = c.type === 'BAR';
  const x = horizontal ? 110 : 40;
  // Room for the legend's longest name (about 6 px a character at 11 px), within reason.
  const longest = Math.max(0, ...c.series.map((n) => n.length));
  const legendWidth = c.series.length > 1 ? Math.min(170, 34 + 6 * longest) : 24;
  const plot = { x, y: 40, w: c.width - x - legendWidth, h: c.height - 70 };
  const totals = c.values.map((v) => (c.stacked ? v.reduce((a, b) => a + b, 0) : Math.max(0, ...v)));
  const max = Math.max(1, ...totals);
  const n = Math.max(1, c.labels.length);
  const band = (horizontal ? plot.h : plot.w) / n;
  c.values.forEach((row, i) => {
    let base = 0;
    row.forEach((v, s) => {
      const size = (v / max) * (horizontal ? plot.w : plot.h);
      const width = c.stacked ? band * 0.7 : (band * 0.7) / row.length;
      const offset = i * band + band * 0.15 + (c.stacked ? 0 : s * width);
      const colour = COLOURS[(c.series.length > 1 ? s : i) % COLOURS.length];
      const rect = horizontal
        ? { x: plot.x + base, y: plot.y + offset, width: size, height: width }
        : { x: plot.x + offset, y: plot.y + plot.h - base - size, width, height: size };
      if (v > 0) root.append(svg('rect', { ...rect, fill: colour }));
      if (c.stacked) base += size;
    });
    const label = horizontal ? c.labels[i].slice(0, 18) : columnLabel(c.labels[i]);
    // Under narrow columns only every `every`-th label is drawn, so they never run into each other.
    if (!horizontal && i % every(band, c.labels.map(columnLabel)) !== 0) return;
    root.append(
      horizontal
        ? svg(
            'text',
            { x: plot.x - 4, y: plot.y + i * band + band / 2 + 4, 'font-size': 10, 'text-anchor': 'end' },
            label,
          )
        : svg(
            'text',
            {
              x: plot.x + i * band + band / 2,
              y: plot.y + plot.h + 14,
              'font-size': 9,
              'text-anchor': 'middle',
            },
            label,
          ),
    );
  });
  root.append(
    svg(
      'text',
      { x: horizontal ? plot.x : 4, y: horizontal ? plot.y + plot.h + 16 : plot.y, 'font-size': 10 },
      String(max),
    ),
  );
  if (c.series.length > 1) legend(root, c.series, plot.x + plot.w + 10);
}

function drawChart(c: ChartView): SVGSVGElement {
  const root = svg('svg', {
    width: c.width,
    height: c.height,
    viewBox: `0 0 ${c.width} ${c.height}`,
    role: 'img',
  });
  root.setAttribute('aria-label', c.title);
  root.classList.add('chart');
  root.append(
    svg('rect', {
      x: 0.5,
      y: 0.5,
      width: c.width - 1,
      height: c.height - 1,
      fill: '#fff',
      stroke: '#dadce0',
    }),
  );
  root.append(svg('text', { x: 12, y: 22, 'font-size': 14, 'font-weight': 600 }, c.title));
  if (c.type === 'PIE') pie(root, c);
  else bars(root, c);
  return root;
}

/** Places each chart over its anchor cell; `layer` lies over the grid table at its top-left corner. */
export function renderCharts(layer: HTMLElement, view: SheetView) {
  const left = (column: number) => ROW_HEADER + view.widths.slice(0, column - 1).reduce((a, b) => a + b, 0);
  layer.replaceChildren(
    ...view.charts.map((c) => {
      const node = drawChart(c);
      node.style.left = `${left(c.column) + c.offsetX}px`;
      node.style.top = `${ROW_HEIGHT * c.row + c.offsetY}px`;
      return node;
    }),
  );
}
