// `npm run bench`: runs each scenario against dist/Code.js in the emulator and prints call counts and modelled time.
import { Emulator } from '../emulator/src';
import { OWNER, TEAM } from '../test/helpers/users';
import type { BenchRow, Scenario } from './bench/scenario';
import { scenarios } from './bench/scenarios';

async function measure(s: Scenario, rows: number): Promise<BenchRow> {
  // 08:00 in Shanghai: an hour before the default reminder hour, so a day's run falls inside a scenario.
  const emu = new Emulator({ owner: OWNER, editors: TEAM, now: '2026-11-23T00:00:00Z' }).loadBundle('dist');
  await s.prepare(emu, rows);
  const from = emu.meter.executions.length;
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  s.run(emu, rows);
  const t = emu.meter.totals(from);
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
  };
}

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const rows: BenchRow[] = [];
  for (const s of scenarios) {
    if (only.length && !only.includes(s.name)) continue;
    for (const n of s.sizes) rows.push(await measure(s, n));
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  console.table(rows);
  console.log(
    'Call counts are exact; modelledMs is an estimate from emulator/src/costs.ts; computeMs is this machine.',
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
