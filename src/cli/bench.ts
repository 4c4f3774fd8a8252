import { performance } from 'node:perf_hooks';
import { defaultParams } from '../engine/params/defaults';
import type { RiskParams } from '../engine/params/riskParams';
import { crashPresetScenario, createSimulator, drawPricePath, prepareScenario, type FinderKind } from '../engine/index';
import { parseFlags, UsageError } from './args';
import { cpuNowMs, median } from './timing';

/**
 * `npm run bench [-- --json] [-- --quick]`: the frontier engine against the naive (scan) engine on the same
 * work, plus drawing the price paths alone (DESIGN.md §5). Each row is the median of REPS timed repetitions
 * after one warm-up; the engine is single-threaded here (one core). Speed goals live here, never in tests.
 */
interface BenchRow {
  name: string;
  accounts: number;
  steps: number;
  paths: number;
  ms: number;
  /**
   * CPU time of this process per repetition (ms, median): on a shared machine wall time counts other jobs' turns,
   * CPU time mostly does not (it does include the garbage collector's helper threads).
   */
  cpuMs: number;
  nsPerStep: number;
  liquidations: number;
  scenario: string;
  finder: FinderKind | 'none';
  /** Time to build the population, scenario and sorted frontier, once per run (ms, median). */
  setupMs: number;
  /** Heap in use after the row, MB. */
  heapMB: number;
  reps: number;
}

const STEPS = 1440;

/** The default market's account count: the rows at other counts scale its sizes from here. */
const DEFAULT_ACCOUNTS = 10_000;

function paramsFor(accounts: number, scenario: 'gbm' | 'crash'): RiskParams {
  const p = defaultParams();
  if (p.population.kind !== 'generated') throw new Error('default population must be generated');
  // Open interest grows with the account count so the average position stays the same size; the book's depth,
  // the keeper capacity and the slicing floor grow with it, so every row is the same market at a finer grain
  // (a 100k-account book behind a 10k-account market's keepers would be a different, jammed market).
  const scale = accounts / DEFAULT_ACCOUNTS;
  p.population = { ...p.population, accounts, openInterest: String(5000 * accounts) };
  const liq = p.liquidation;
  p.liquidation = {
    ...liq,
    maxNotionalPerStep: liq.maxNotionalPerStep === null ? null : String(Number(liq.maxNotionalPerStep) * scale),
    impact: { ...liq.impact, depth: String(Number(liq.impact.depth) * scale) },
  };
  p.market = { ...p.market, steps: STEPS };
  // Calm GBM (no gaps) for the speed rows; the May 2021 stylized crash for the stress rows.
  p.scenario = scenario === 'crash' ? crashPresetScenario('may-2021') : { kind: 'gbm', driftAnnual: 0, volAnnual: 0.8 };
  return p;
}

function benchEngine(name: string, accounts: number, paths: number, scenario: 'gbm' | 'crash', finder: FinderKind, reps: number): BenchRow {
  const params = paramsFor(accounts, scenario);
  const setups: number[] = [];
  const times: number[] = [];
  const cpu: number[] = [];
  let liquidations = -1;
  for (let rep = 0; rep <= reps; rep++) {
    const t0 = performance.now();
    const simulator = createSimulator(params, 1, { finder });
    const t1 = performance.now();
    const c1 = cpuNowMs();
    const result = simulator.run(0, paths);
    const t2 = performance.now();
    const c2 = cpuNowMs();
    const total = result.paths.liquidations.reduce((a, b) => a + b, 0);
    if (liquidations >= 0 && total !== liquidations) throw new Error(`${name}: liquidations changed between repetitions`);
    liquidations = total;
    if (rep === 0) continue; // warm-up: JIT compilation
    setups.push(t1 - t0);
    times.push(t2 - t1);
    cpu.push(c2 - c1);
  }
  const ms = median(times);
  return row(name, accounts, paths, ms, median(cpu), liquidations, scenario, finder, median(setups), reps);
}

function benchPathOnly(paths: number, reps: number): BenchRow {
  const params = paramsFor(0, 'gbm');
  const prepared = prepareScenario(params.scenario, { initialPrice: Number(params.market.initialPrice), steps: STEPS, stepSeconds: params.market.stepSeconds });
  const out = new Float64Array(STEPS);
  const times: number[] = [];
  const cpu: number[] = [];
  let sink = 0;
  for (let rep = 0; rep <= reps; rep++) {
    const t0 = performance.now();
    const c0 = cpuNowMs();
    for (let i = 0; i < paths; i++) {
      drawPricePath(prepared, 1, i, out);
      sink += out[STEPS - 1]!;
    }
    if (rep > 0) {
      times.push(performance.now() - t0);
      cpu.push(cpuNowMs() - c0);
    }
  }
  if (!Number.isFinite(sink)) throw new Error('price paths went non-finite');
  return row('pathOnly', 0, paths, median(times), median(cpu), 0, 'gbm', 'none', 0, reps);
}

function row(name: string, accounts: number, paths: number, ms: number, cpuMs: number, liquidations: number, scenario: string, finder: BenchRow['finder'], setupMs: number, reps: number): BenchRow {
  return {
    name,
    accounts,
    steps: STEPS,
    paths,
    ms: round(ms, 3),
    cpuMs: round(cpuMs, 3),
    nsPerStep: round((ms * 1e6) / (paths * STEPS), 2),
    liquidations,
    scenario,
    finder,
    setupMs: round(setupMs, 3),
    heapMB: round(process.memoryUsage().heapUsed / 2 ** 20, 1),
    reps,
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function plan(quick: boolean): (() => BenchRow)[] {
  const reps = quick ? 1 : 5;
  const scale = quick ? 0.2 : 1;
  const n = (paths: number) => Math.max(1, Math.round(paths * scale));
  const rows: (() => BenchRow)[] = [() => benchPathOnly(n(1000), reps)];
  for (const [accounts, paths] of [[1000, 50], [10_000, 10], [100_000, 3]] as const) {
    rows.push(() => benchEngine('frontier', accounts, n(paths), 'gbm', 'frontier', reps));
    rows.push(() => benchEngine('naive', accounts, n(paths), 'gbm', 'scan', reps));
  }
  rows.push(() => benchEngine('frontier-crash', 10_000, n(10), 'crash', 'frontier', reps));
  rows.push(() => benchEngine('naive-crash', 10_000, n(10), 'crash', 'scan', reps));
  rows.push(() => benchEngine('frontier-1000paths', 10_000, n(1000), 'gbm', 'frontier', reps));
  rows.push(() => benchEngine('frontier-crash-1000paths', 10_000, n(1000), 'crash', 'frontier', reps));
  return rows;
}

function printTable(rows: BenchRow[]): void {
  const cols: (keyof BenchRow)[] = ['name', 'scenario', 'accounts', 'paths', 'ms', 'cpuMs', 'nsPerStep', 'liquidations', 'setupMs', 'heapMB'];
  const cells = rows.map((r) => cols.map((c) => String(r[c])));
  const widths = cols.map((c, k) => Math.max(c.length, ...cells.map((row) => row[k]!.length)));
  const line = (xs: string[]) => xs.map((x, k) => (k < 2 ? x.padEnd(widths[k]!) : x.padStart(widths[k]!))).join('  ');
  process.stdout.write(`${line(cols.map(String))}\n${cells.map(line).join('\n')}\n`);
  const find = (name: string, accounts: number) => rows.find((r) => r.name === name && r.accounts === accounts);
  const pathOnly = rows.find((r) => r.name === 'pathOnly');
  const f100k = find('frontier', 100_000);
  const n100k = find('naive', 100_000);
  const f10k = find('frontier', 10_000);
  const lines: string[] = [];
  if (f100k && n100k) lines.push(`100k accounts: frontier ${(n100k.ms / f100k.ms).toFixed(0)}× faster than naive; liquidations ${f100k.liquidations} vs ${n100k.liquidations}`);
  // The ratio is read from the 1,000-path row: as many paths as the pathOnly row, so neither is a short sample.
  const f10kLong = find('frontier-1000paths', 10_000) ?? f10k;
  if (f10kLong && pathOnly) lines.push(`10k accounts, calm GBM: frontier per path = ${(f10kLong.ms / f10kLong.paths / (pathOnly.ms / pathOnly.paths)).toFixed(2)}× drawing the path alone`);
  for (const name of ['frontier-1000paths', 'frontier-crash-1000paths']) {
    const r = find(name, 10_000);
    if (r) lines.push(`${name}: ${r.paths} paths × 10k accounts × ${STEPS} steps in ${(r.ms / 1000).toFixed(2)} s`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
}

function main(): void {
  const flags = parseFlags(process.argv.slice(2), { json: 'boolean', quick: 'boolean' });
  const rows: BenchRow[] = [];
  for (const run of plan(flags.quick ?? false)) {
    const r = run();
    rows.push(r);
    if (flags.json) process.stdout.write(`${JSON.stringify(r)}\n`);
    else process.stderr.write(`  ${r.name} ${r.accounts} accounts: ${r.ms} ms\n`);
  }
  if (!flags.json) printTable(rows);
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\nusage: npm run bench [-- --json] [-- --quick]\n`);
    process.exitCode = 2;
  } else throw error;
}
