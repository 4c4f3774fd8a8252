/**
 * `npx tsx scripts/speed-compare.ts [--paths 40] [--reps 7] [--rows calm,default,crash] <checkout> [<checkout> …]`:
 * CPU ms per path of several engine checkouts (e.g. this branch, main, an old commit in its own worktree) on the
 * bench's 10k-account market, measured interleaved in one process (A, B, C, A, B, C …) so a shared machine's load
 * falls on all of them alike; prints the median of the repetitions and a checksum of each row's results, so two
 * checkouts that should agree to the unit can be seen to. CPU time (process.cpuUsage), not wall time: the machine
 * is shared. Each checkout is run on its own defaults, as `paramsFor` in src/cli/bench.ts builds them.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpuNowMs, median } from '../src/cli/timing';

/** The parts of a parameters object this script edits (the same in every checkout it compares). */
interface BenchParams {
  population: Record<string, unknown>;
  market: { initialPrice: string; steps: number; stepSeconds: number };
  scenario: unknown;
}

/** A range result, read only as numeric columns for the checksum. */
interface Columns {
  paths: Record<string, unknown>;
  series: Record<string, unknown>;
}

interface Runner {
  run(from: number, to: number): Columns;
}

interface Engine {
  name: string;
  defaultParams: () => BenchParams;
  legacyDefaultParams: () => BenchParams;
  crashPresetScenario: (name: string) => unknown;
  createSimulator: (params: BenchParams, seed: number, options?: { finder?: 'frontier' | 'scan' }) => Runner;
  prepareScenario: (scenario: unknown, market: unknown) => unknown;
  drawPricePath: (prepared: unknown, seed: number, pathIndex: number, out: Float64Array) => void;
}

/** The calm row's price paths drawn alone (the bench's pathOnly row): what the engine adds is the rest. */
function drawOnly(engine: Engine): Runner {
  const p = paramsFor(engine, 'calm');
  const prepared = engine.prepareScenario(p.scenario, { initialPrice: Number(p.market.initialPrice), steps: p.market.steps, stepSeconds: p.market.stepSeconds });
  const out = new Float64Array(p.market.steps);
  return {
    run(from, to) {
      const last = new Float64Array(to - from);
      for (let i = from; i < to; i++) {
        engine.drawPricePath(prepared, 1, i, out);
        last[i - from] = out[out.length - 1]!;
      }
      return { paths: { last }, series: {} };
    },
  };
}

/** '-legacy' rows run the checkout's legacyDefaultParams() (pre-preset defaults, haircuts) where it has one. */
type RowName = 'draw' | 'calm' | 'default' | 'crash' | 'calm-legacy' | 'default-legacy' | 'crash-legacy';

function args(): { paths: number; reps: number; rows: RowName[]; roots: string[] } {
  const argv = process.argv.slice(2);
  let paths = 40;
  let reps = 7;
  let rows: RowName[] = ['draw', 'calm', 'default', 'crash'];
  const roots: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--paths') paths = Number(argv[++i]);
    else if (a === '--reps') reps = Number(argv[++i]);
    else if (a === '--rows') rows = argv[++i]!.split(',') as RowName[];
    else roots.push(path.resolve(a));
  }
  return { paths, reps, rows, roots };
}

async function load(root: string): Promise<Engine> {
  const from = (file: string) => import(pathToFileURL(path.join(root, file)).href);
  const defaults = await from('src/engine/params/defaults.ts');
  const scenario = await from('src/engine/scenario/index.ts');
  const sim = await from('src/engine/sim/simulateRange.ts');
  return {
    name: path.basename(root),
    defaultParams: defaults.defaultParams,
    legacyDefaultParams: defaults.legacyDefaultParams ?? defaults.defaultParams,
    crashPresetScenario: scenario.crashPresetScenario,
    createSimulator: sim.createSimulator,
    prepareScenario: scenario.prepareScenario,
    drawPricePath: scenario.drawPricePath,
  };
}

/** The bench's market at 10k accounts (src/cli/bench.ts `paramsFor`); 'default' keeps the default scenario. */
function paramsFor(engine: Engine, row: RowName): BenchParams {
  const p = row.endsWith('-legacy') ? engine.legacyDefaultParams() : engine.defaultParams();
  p.population = { ...p.population, accounts: 10_000, openInterest: String(5000 * 10_000) };
  p.market = { ...p.market, steps: 1440 };
  if (row.startsWith('calm')) p.scenario = { kind: 'gbm', driftAnnual: 0, volAnnual: 0.8 };
  if (row.startsWith('crash')) p.scenario = engine.crashPresetScenario('may-2021');
  return p;
}

/** Sums every numeric column of a range result: equal checksums ⇒ (almost surely) the same numbers. */
function checksum(result: Columns): string {
  let h = 0;
  const mix = (x: number) => {
    h = (Math.imul(h ^ (x | 0), 2654435761) + Math.round((x % 1) * 1e9)) | 0;
  };
  for (const group of [result.paths, result.series]) {
    for (const key of Object.keys(group).sort()) {
      const col = group[key];
      if (ArrayBuffer.isView(col)) for (const x of col as unknown as ArrayLike<number> & Iterable<number>) mix(Number(x) * 1e6);
    }
  }
  return (h >>> 0).toString(16);
}

async function main(): Promise<void> {
  const { paths, reps, rows, roots } = args();
  const engines = await Promise.all(roots.map(load));
  for (const row of rows) {
    const sims = engines.map((e) => (row === 'draw' ? drawOnly(e) : e.createSimulator(paramsFor(e, row), 1, { finder: 'frontier' })));
    const sums = sims.map((s) => checksum(s.run(0, paths)));
    for (const s of sims) s.run(paths, paths + 5); // warm-up
    const times: number[][] = engines.map(() => []);
    for (let rep = 0; rep < reps; rep++) {
      sims.forEach((s, k) => {
        const t0 = cpuNowMs();
        s.run(0, paths);
        times[k]!.push((cpuNowMs() - t0) / paths);
      });
    }
    engines.forEach((e, k) => {
      const t = times[k]!;
      process.stdout.write(`${row.padEnd(8)} ${e.name.padEnd(18)} ${median(t).toFixed(3)} ms/path  (min ${Math.min(...t).toFixed(3)}, max ${Math.max(...t).toFixed(3)})  checksum ${sums[k]}\n`);
    });
  }
}

await main();
