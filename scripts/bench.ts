// `npm run bench`: runs each scenario against dist/Code.js in the emulator, prints one table and checks the budgets.
import { Emulator } from '../emulator/src';
import { OWNER, TEAM } from '../test/helpers/users';
import type { BenchRow, Budget, Scenario } from './bench/scenario';
import { scenarios } from './bench/scenarios';

async function measure(s: Scenario, rows: number): Promise<BenchRow> {
  const emu = new Emulator({
    owner: OWNER,
    editors: TEAM,
    now: s.start ?? '2026-11-23T00:00:00Z',
  }).loadBundle('dist');
  await s.prepare(emu, rows);
  const from = emu.meter.executions.length;
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  s.run(emu, rows);
  const t = emu.meter.totals(from);
  const failed = emu.meter.executions.slice(from).find((e) => e.error);
  if (failed) throw new Error(`${s.name} at ${rows}: ${failed.fn} failed: ${failed.error}`);
  return {
    scenario: s.name,
    rows,
    sheetCalls: t.sheetCalls,
    mailCalls: t.mailCalls,
    cells: t.cells,
    modelledMs: Math.round(t.modelledMs),
    computeMs: Math.round(t.computeMs),
    heapMB: Math.round(((process.memoryUsage().heapUsed - heap0) / 1048576) * 10) / 10,
    executions: t.executions,
    maxExecutionMs: Math.round(t.maxExecutionMs),
    maxSheetCalls: t.maxSheetCalls,
    scanned: t.scanned,
    ...s.extra?.(emu),
  };
}

/** A scenario that threw: a row that breaks every budget, with the reason. */
function failedRow(s: Scenario, rows: number, e: unknown): BenchRow {
  const zero = {
    sheetCalls: 0,
    mailCalls: 0,
    cells: 0,
    modelledMs: 0,
    computeMs: 0,
    heapMB: 0,
    executions: 0,
  };
  return {
    scenario: s.name,
    rows,
    ...zero,
    maxExecutionMs: 0,
    maxSheetCalls: 0,
    scanned: 0,
    error: String(e),
  };
}

const apart = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.min(a, b));
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Every budget a row breaks, in words. */
function broken(row: BenchRow, b: Budget, all: readonly BenchRow[]): string[] {
  const out: string[] = row.error ? [row.error] : [];
  if (b.maxSheetCalls !== undefined && row.maxSheetCalls > b.maxSheetCalls)
    out.push(`${row.maxSheetCalls} sheet calls in one execution > ${b.maxSheetCalls}`);
  if (b.maxExecutionMs !== undefined && row.maxExecutionMs > b.maxExecutionMs)
    out.push(`longest execution ${row.maxExecutionMs} ms > ${b.maxExecutionMs} ms`);
  if (b.maxKb !== undefined && (row.kb ?? 0) > b.maxKb) out.push(`${row.kb} KB > ${b.maxKb} KB`);
  if (b.maxRoundTrips !== undefined && (row.roundTrips ?? 0) > b.maxRoundTrips)
    out.push(`${row.roundTrips} round trips before usable > ${b.maxRoundTrips}`);
  if (b.sameAtSizes !== undefined) {
    const first = all.find((r) => r.scenario === row.scenario);
    if (first && first !== row) {
      if (apart(first.sheetCalls, row.sheetCalls) > b.sameAtSizes)
        out.push(
          `sheet calls ${first.sheetCalls} at ${first.rows} vs ${row.sheetCalls}: > ${pct(b.sameAtSizes)} apart`,
        );
      if (apart(first.cells, row.cells) > b.sameAtSizes)
        out.push(`cells ${first.cells} at ${first.rows} vs ${row.cells}: > ${pct(b.sameAtSizes)} apart`);
    }
  }
  if (b.like) {
    const { scenario, within } = b.like;
    const base = all.find((r) => r.scenario === scenario && r.rows === row.rows);
    if (base) {
      if (apart(base.cells, row.cells) > within)
        out.push(`cells ${row.cells} vs ${base.cells} in ${scenario}: > ${pct(within)} apart`);
      if (apart(base.maxExecutionMs, row.maxExecutionMs) > within)
        out.push(
          `longest execution ${row.maxExecutionMs} ms vs ${base.maxExecutionMs} in ${scenario}: > ${pct(within)} apart`,
        );
    }
  }
  return out;
}

/** The budget in words, for the table. */
function budgetText(b: Budget): string {
  const parts: string[] = [];
  if (b.sameAtSizes !== undefined) parts.push(`same ±${pct(b.sameAtSizes)}`);
  if (b.maxSheetCalls !== undefined) parts.push(`≤ ${b.maxSheetCalls} calls`);
  if (b.maxExecutionMs !== undefined) parts.push(`≤ ${b.maxExecutionMs / 1000} s`);
  if (b.like) parts.push(`±${pct(b.like.within)} of ${b.like.scenario}`);
  if (b.maxKb !== undefined) parts.push(`≤ ${b.maxKb} KB`);
  if (b.maxRoundTrips !== undefined) parts.push(`${b.maxRoundTrips} round trips`);
  return parts.join(', ');
}

const n = (x: number | undefined) => (x === undefined ? '' : x.toLocaleString('en-US'));

function table(rows: readonly BenchRow[], verdicts: Map<BenchRow, string[]>) {
  const head = [
    'scenario',
    'customers',
    'sheet calls',
    'cells moved',
    'modelled ms',
    'executions',
    'longest ms',
    'budget',
    '',
  ];
  const byName = new Map(scenarios.map((s) => [s.name, s]));
  const lines = rows.map((r) => [
    r.scenario,
    n(r.rows),
    n(r.sheetCalls),
    r.kb !== undefined ? `${r.kb} KB, ${r.roundTrips} round trips` : n(r.cells),
    n(r.modelledMs),
    n(r.executions),
    n(r.maxExecutionMs),
    budgetText(byName.get(r.scenario)?.budget ?? {}),
    verdicts.get(r)?.length ? `BROKEN: ${verdicts.get(r)?.join('; ')}` : 'ok',
  ]);
  const md = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log(md(head));
  console.log(md(head.map(() => '---')));
  for (const l of lines) console.log(md(l));
}

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const rows: BenchRow[] = [];
  for (const s of scenarios) {
    if (only.length && !only.includes(s.name)) continue;
    for (const size of s.sizes) rows.push(await measure(s, size).catch((e) => failedRow(s, size, e)));
  }
  const verdicts = new Map(
    rows.map((r) => [r, broken(r, scenarios.find((s) => s.name === r.scenario)?.budget ?? {}, rows)]),
  );
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
  else {
    table(rows, verdicts);
    console.log(
      '\nCall and cell counts are exact; modelled ms are estimates from emulator/src/costs.ts (TextFinder scans priced, not counted as cells moved).',
    );
  }
  const failures = [...verdicts.values()].filter((v) => v.length).length;
  if (failures) {
    console.error(`${failures} row(s) over budget.`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
