import { performance } from 'node:perf_hooks';
import { controlVariateMean, createImportanceSimulator, createSimulator, effectiveSampleSize, LARGE_JUMP_TAIL, NOMINAL_PROPOSAL, weightedMean, weightedProbability, wilsonInterval, type Estimate, type WeightedRangeResult } from '../engine/index';
import { defaultParams } from '../engine/params/defaults';
import type { RiskParams } from '../engine/params/riskParams';
import { integerFlag, parseFlags, UsageError } from './args';

/**
 * `npm run bench:importance [-- --plain-paths N] [--paths N] [--jump-stdev S] [--seed S] [--vr-paths N] [--json]`
 *
 * Rare events: on the default market with a narrower jump size (jumpStdev 0.045 instead of 0.07, so that
 * P(socialized loss > 0) is about 1 % a day), plain Monte Carlo over --plain-paths (100,000) against importance
 * sampling over --paths (4,000): estimate, 95 % interval, relative half-width, paths, time, and whether they
 * agree. Then variance reduction on the default market itself (the common case, --vr-paths 2,000 plain paths):
 * control variates and antithetic pairs, as variance ratios (how many times fewer paths for the same interval).
 * Both runs use one seed (so one generated population); the importance paths are indices past the plain ones.
 * A benchmark, not a test: it prints what it measured. One core, timings include the whole engine.
 */
const CHUNK = 5_000;

interface Row {
  estimator: string;
  paths: number;
  ms: number;
  pSocialized: Estimate & { relativeHalfWidth: number };
  socializedLossMean: Estimate & { relativeHalfWidth: number };
  effectiveSampleSize: number;
}

const relative = (e: Estimate) => ({ ...e, relativeHalfWidth: e.estimate > 0 ? (e.ci95[1] - e.ci95[0]) / 2 / e.estimate : Infinity });
const quote = (units: Float64Array) => Float64Array.from(units, (u) => u / 1e6);

function rareMarket(jumpStdev: number): RiskParams {
  const params = defaultParams();
  if (params.scenario.kind !== 'jump') throw new Error('the default scenario is no longer a jump diffusion');
  params.scenario.jumpStdev = jumpStdev;
  return params;
}

/** Plain Monte Carlo in chunks (a 100,000-path run's series would not fit in memory at once). */
function plainRow(params: RiskParams, seed: number, paths: number): Row {
  const started = performance.now();
  const simulator = createSimulator(params, seed);
  const socialized = new Float64Array(paths);
  for (let from = 0; from < paths; from += CHUNK) {
    const to = Math.min(paths, from + CHUNK);
    socialized.set(simulator.run(from, to).paths.socializedLossUnits, from);
  }
  const ms = performance.now() - started;
  const hits = socialized.reduce((n, x) => n + (x > 0 ? 1 : 0), 0);
  const ones = new Float64Array(paths).fill(1);
  return {
    estimator: 'plain',
    paths,
    ms,
    pSocialized: relative({ estimate: hits / paths, ci95: wilsonInterval(hits, paths) }),
    socializedLossMean: relative(weightedMean(ones, quote(socialized), 0)),
    effectiveSampleSize: paths,
  };
}

/** Paths [from, from + paths): the plain run takes [0, plainPaths) of the same seed, so both share the population. */
function importanceRow(params: RiskParams, seed: number, from: number, paths: number): { row: Row; result: WeightedRangeResult } {
  const started = performance.now();
  const result = createImportanceSimulator(params, seed).run(from, from + paths);
  const ms = performance.now() - started;
  const { weights } = result.draws;
  return {
    row: {
      estimator: 'importance',
      paths,
      ms,
      pSocialized: relative(weightedProbability(weights, result.paths.socializedLossUnits)),
      socializedLossMean: relative(weightedMean(weights, quote(result.paths.socializedLossUnits), 0)),
      effectiveSampleSize: effectiveSampleSize(weights),
    },
    result,
  };
}

/** Do two estimates agree: is their difference within 1.96 combined standard errors? */
function agreement(a: Estimate, b: Estimate) {
  const se = (e: Estimate) => (e.ci95[1] - e.ci95[0]) / (2 * 1.96);
  const z = (a.estimate - b.estimate) / Math.hypot(se(a), se(b));
  return { differenceInStandardErrors: z, agree: Math.abs(z) <= 1.96, eachInsideTheOthersInterval: a.ci95[0] <= b.estimate && b.estimate <= a.ci95[1] && b.ci95[0] <= a.estimate && a.estimate <= b.ci95[1] };
}

/** Control variates with closed-form nominal means, from a run's draw columns (weights multiply both sides). */
function controlled(result: WeightedRangeResult, values: Float64Array, params: RiskParams) {
  if (params.scenario.kind !== 'jump') throw new Error('control variates here are for the jump scenario');
  const { weights, largeJumpSteps, jumpSquares, jumpCount } = result.draws;
  const increments = params.market.steps - 1;
  const perStep = (params.scenario.jumpIntensityAnnual * params.market.stepSeconds) / (365 * 86_400);
  const pJumpStep = -Math.expm1(-perStep);
  const s2 = params.scenario.jumpStdev ** 2;
  const times = (column: Float64Array) => Float64Array.from(column, (x, i) => x * weights[i]!);
  return controlVariateMean(
    times(values),
    [times(largeJumpSteps), times(jumpSquares), times(jumpCount)],
    [increments * pJumpStep * LARGE_JUMP_TAIL, increments * pJumpStep * s2, increments * perStep],
  );
}

function antitheticRatio(plain: WeightedRangeResult, pairs: WeightedRangeResult, pick: (r: WeightedRangeResult) => Float64Array): number {
  const variance = (v: Float64Array) => {
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
  };
  const a = pick(pairs);
  const pairMeans = Float64Array.from({ length: a.length >> 1 }, (_, i) => (a[2 * i]! + a[2 * i + 1]!) / 2);
  // Per path, plain sampling has variance Var(y); a pair of antithetic paths costs two paths and has Var(pair mean).
  return variance(pick(plain)) / (2 * variance(pairMeans));
}

function main(argv: string[]): void {
  const flags = parseFlags(argv, { 'plain-paths': 'string', paths: 'string', 'jump-stdev': 'string', seed: 'string', 'vr-paths': 'string', json: 'boolean' });
  const plainPaths = integerFlag('plain-paths', flags['plain-paths'], 100_000);
  const paths = integerFlag('paths', flags.paths, 4_000);
  const seed = integerFlag('seed', flags.seed, 1);
  const vrPaths = integerFlag('vr-paths', flags['vr-paths'], 2_000);
  const jumpStdev = flags['jump-stdev'] === undefined ? 0.045 : Number(flags['jump-stdev']);
  if (!(jumpStdev > 0 && jumpStdev < 1)) throw new UsageError(`--jump-stdev must lie in (0, 1), got '${flags['jump-stdev']}'`);
  const log = (line: string) => process.stderr.write(`[bench:importance] ${line}\n`);

  const market = rareMarket(jumpStdev);
  log(`rare market: default parameters with jumpStdev ${jumpStdev}; importance sampling ${paths} paths`);
  // One seed for both, so both see the same generated population (it is drawn from the run seed); the
  // importance paths are indices past the plain ones, so no price path is shared.
  const importance = importanceRow(market, seed, plainPaths, paths);
  log(`importance done in ${importance.row.ms.toFixed(0)} ms; plain Monte Carlo ${plainPaths} paths`);
  const plain = plainRow(market, seed, plainPaths);
  log(`plain done in ${plain.ms.toFixed(0)} ms; variance reduction on the default market, ${vrPaths} paths`);

  const defaults = defaultParams();
  const nominal = createImportanceSimulator(defaults, seed, { proposal: NOMINAL_PROPOSAL }).run(0, vrPaths);
  const mirrored = createImportanceSimulator(defaults, seed, { proposal: NOMINAL_PROPOSAL, antithetic: true }).run(0, vrPaths);
  const hit = (r: WeightedRangeResult) => Float64Array.from(r.paths.socializedLossUnits, (x) => (x > 0 ? 1 : 0));
  const loss = (r: WeightedRangeResult) => quote(r.paths.socializedLossUnits);
  const debt = (r: WeightedRangeResult) => quote(r.paths.badDebtUnits);
  const cv = {
    pSocialized: controlled(nominal, hit(nominal), defaults),
    socializedLossMean: controlled(nominal, loss(nominal), defaults),
    badDebtMean: controlled(nominal, debt(nominal), defaults),
  };
  const cvOnImportance = {
    pSocialized: controlled(importance.result, hit(importance.result), market),
    socializedLossMean: controlled(importance.result, loss(importance.result), market),
  };
  const result = {
    market: { base: 'defaultParams()', jumpStdev, seed, plainPathIndices: [0, plainPaths], importancePathIndices: [plainPaths, plainPaths + paths] },
    plain: plain,
    importance: importance.row,
    agreement: { pSocialized: agreement(plain.pSocialized, importance.row.pSocialized), socializedLossMean: agreement(plain.socializedLossMean, importance.row.socializedLossMean) },
    timeRatioImportanceToPlain: importance.row.ms / plain.ms,
    targets: {
      relativeHalfWidthAtMost25pct: importance.row.pSocialized.relativeHalfWidth <= 0.25,
      agreesWithPlain: agreement(plain.pSocialized, importance.row.pSocialized).agree,
      underAFifthOfPlainTime: importance.row.ms < plain.ms / 5,
      pSocializedIn0_2To1_5pct: plain.pSocialized.estimate >= 0.002 && plain.pSocialized.estimate <= 0.015,
    },
    varianceReduction: {
      market: 'defaultParams() (jumpStdev 0.07), plain sampling',
      paths: vrPaths,
      controls: 'large-jump steps (> 2.5 sd), squared jump sizes, jump count — nominal means in closed form',
      controlVariateRatio: Object.fromEntries(Object.entries(cv).map(([k, v]) => [k, v.varianceRatio])),
      antitheticRatio: { pSocialized: antitheticRatio(nominal, mirrored, hit), socializedLossMean: antitheticRatio(nominal, mirrored, loss), badDebtMean: antitheticRatio(nominal, mirrored, debt) },
      controlVariateRatioOnImportanceSample: Object.fromEntries(Object.entries(cvOnImportance).map(([k, v]) => [k, v.varianceRatio])),
    },
  };
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const pct = (x: number) => `${(x * 100).toFixed(3)} %`;
  const line = (r: Row) =>
    `${r.estimator.padEnd(10)} ${String(r.paths).padStart(7)} paths ${r.ms.toFixed(0).padStart(7)} ms   P(soc) ${pct(r.pSocialized.estimate)} [${pct(r.pSocialized.ci95[0])}, ${pct(r.pSocialized.ci95[1])}] ±${(r.pSocialized.relativeHalfWidth * 100).toFixed(1)} %   mean soc. loss ${r.socializedLossMean.estimate.toFixed(0)} [${r.socializedLossMean.ci95[0].toFixed(0)}, ${r.socializedLossMean.ci95[1].toFixed(0)}]   ESS ${r.effectiveSampleSize.toFixed(0)}`;
  process.stdout.write(
    [
      `Rare market: default parameters, jumpStdev ${jumpStdev}`,
      line(plain),
      line(importance.row),
      `agreement P(soc): ${result.agreement.pSocialized.differenceInStandardErrors.toFixed(2)} combined standard errors apart; time ratio ${result.timeRatioImportanceToPlain.toFixed(3)}`,
      `targets: ${JSON.stringify(result.targets)}`,
      `variance reduction (default market, ${vrPaths} plain paths) — ratio = times fewer paths for the same interval:`,
      `  control variates: ${JSON.stringify(result.varianceReduction.controlVariateRatio)}`,
      `  antithetic pairs: ${JSON.stringify(result.varianceReduction.antitheticRatio)}`,
      `  control variates on the importance sample: ${JSON.stringify(result.varianceReduction.controlVariateRatioOnImportanceSample)}`,
      '',
    ].join('\n'),
  );
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else throw error;
}
