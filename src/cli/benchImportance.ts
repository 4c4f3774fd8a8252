import { performance } from 'node:perf_hooks';
import { controlVariateMean, createImportanceSimulator, createSimulator, DEFAULT_JUMP_PROPOSAL, effectiveSampleSize, LARGE_JUMP_TAIL, NOMINAL_PROPOSAL, weightedMean, weightedProbability, wilsonInterval, type Estimate, type ImportanceProposal, type WeightedRangeResult } from '../engine/index';
import { defaultParams, legacyDefaultParams } from '../engine/params/defaults';
import type { RiskParams } from '../engine/params/riskParams';
import { integerFlag, parseFlags, UsageError } from './args';

/**
 * `npm run bench:importance [-- --plain-paths N] [--paths N] [--jump-stdev S] [--fund F] [--calibrated-fund F]
 *   [--seed S] [--vr-paths N] [--json]`
 *
 * Rare events, plain Monte Carlo over --plain-paths (100,000) against importance sampling over --paths (4,000) —
 * the market-fitted default proposal, and the proposal tuned on the old market (DEFAULT_JUMP_PROPOSAL) for
 * comparison — on two markets with P(socialized loss > 0) of about 0.5–1 % a day:
 *  - the old jump market: legacyDefaultParams() (one jump a day) with jumpStdev --jump-stdev (0.045) and the fund
 *    at --fund (1,000,000; its own 250,000 now socializes on ~4 % of days);
 *  - the calibrated default: btc-binance (ten 0.4 % jumps a day) with the fund at --calibrated-fund (36,926.27,
 *    the solver's answer for a 1 % target).
 * Each row: estimate, 95 % interval, relative half-width, effective sample size, wall and CPU time, and
 * efficiency = 1 / (relative variance per path × CPU ms per path) — the estimator with the larger one reaches a
 * given interval sooner. Then variance reduction on the old default market (jumpStdev 0.07, its own fund:
 * --vr-paths 2,000 plain paths): control variates and antithetic pairs, as variance ratios.
 * Every run of a market uses one seed (so one generated population); importance paths are indices past the
 * plain ones. A benchmark, not a test: it prints what it measured. One core, timings include the whole engine.
 */
const CHUNK = 5_000;
const CALIBRATED_FUND = '36926.269531';
const OLD_MARKET_FUND = '1000000';

interface Row {
  estimator: string;
  paths: number;
  ms: number;
  /** Process CPU time (user + system) of the run, ms. */
  cpuMs: number;
  cpuMsPerPath: number;
  pSocialized: Estimate & { relativeHalfWidth: number };
  socializedLossMean: Estimate & { relativeHalfWidth: number };
  effectiveSampleSize: number;
  /** n · (standard error / estimate)² of P(socialized): the variance one path contributes, relative. */
  relativeVariancePerPath: number;
  /** 1 / (relativeVariancePerPath × cpuMsPerPath). */
  efficiency: number;
}

const relative = (e: Estimate) => ({ ...e, relativeHalfWidth: e.estimate > 0 ? (e.ci95[1] - e.ci95[0]) / 2 / e.estimate : Infinity });
const quote = (units: Float64Array) => Float64Array.from(units, (u) => u / 1e6);

function timed<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

function row(estimator: string, paths: number, time: { ms: number; cpuMs: number }, p: Estimate, loss: Estimate, ess: number): Row {
  const pSocialized = relative(p);
  const relativeVariancePerPath = paths * (pSocialized.relativeHalfWidth / 1.96) ** 2;
  const cpuMsPerPath = time.cpuMs / paths;
  return {
    estimator,
    paths,
    ms: time.ms,
    cpuMs: time.cpuMs,
    cpuMsPerPath,
    pSocialized,
    socializedLossMean: relative(loss),
    effectiveSampleSize: ess,
    relativeVariancePerPath,
    efficiency: 1 / (relativeVariancePerPath * cpuMsPerPath),
  };
}

function oldJumpMarket(jumpStdev: number, fund: string): RiskParams {
  const params = legacyDefaultParams();
  if (params.scenario.kind !== 'jump') throw new Error('the legacy scenario is no longer a jump diffusion');
  params.scenario.jumpStdev = jumpStdev;
  params.insuranceFund.initial = fund;
  return params;
}

function calibratedMarket(fund: string): RiskParams {
  const params = defaultParams();
  params.insuranceFund.initial = fund;
  return params;
}

/** Plain Monte Carlo in chunks (a 100,000-path run's series would not fit in memory at once). */
function plainRow(params: RiskParams, seed: number, paths: number): Row {
  const time = timed(() => {
    const simulator = createSimulator(params, seed);
    const socialized = new Float64Array(paths);
    for (let from = 0; from < paths; from += CHUNK) {
      const to = Math.min(paths, from + CHUNK);
      socialized.set(simulator.run(from, to).paths.socializedLossUnits, from);
    }
    return socialized;
  });
  const socialized = time.value;
  const hits = socialized.reduce((n, x) => n + (x > 0 ? 1 : 0), 0);
  const ones = new Float64Array(paths).fill(1);
  return row('plain', paths, time, { estimate: hits / paths, ci95: wilsonInterval(hits, paths) }, weightedMean(ones, quote(socialized), 0), paths);
}

/** Paths [from, from + paths): the plain run takes [0, plainPaths) of the same seed, so both share the population. */
function importanceRow(name: string, params: RiskParams, seed: number, from: number, paths: number, proposal?: ImportanceProposal): { row: Row; result: WeightedRangeResult } {
  const time = timed(() => createImportanceSimulator(params, seed, proposal ? { proposal } : {}).run(from, from + paths));
  const result = time.value;
  const { weights } = result.draws;
  return {
    row: row(name, paths, time, weightedProbability(weights, result.paths.socializedLossUnits), weightedMean(weights, quote(result.paths.socializedLossUnits), 0), effectiveSampleSize(weights)),
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

/** One market: plain, importance with the default proposal, importance with the old market's proposal. */
function compareOn(label: string, params: RiskParams, seed: number, plainPaths: number, paths: number, log: (line: string) => void) {
  // One seed for all, so all see the same generated population (it is drawn from the run seed); the importance
  // paths are indices past the plain ones, so no price path is shared.
  log(`${label}: importance sampling ${paths} paths (default proposal)`);
  const importance = importanceRow('importance', params, seed, plainPaths, paths);
  log(`  done in ${importance.row.ms.toFixed(0)} ms; the old market's proposal, ${paths} paths`);
  const oldProposal = importanceRow('importance (old proposal)', params, seed, plainPaths, paths, DEFAULT_JUMP_PROPOSAL);
  log(`  done in ${oldProposal.row.ms.toFixed(0)} ms; plain Monte Carlo ${plainPaths} paths`);
  const plain = plainRow(params, seed, plainPaths);
  log(`  done in ${plain.ms.toFixed(0)} ms`);
  const scenario = params.scenario.kind === 'jump' ? params.scenario : null;
  return {
    market: { label, scenario, fund: params.insuranceFund.initial, seed, plainPathIndices: [0, plainPaths], importancePathIndices: [plainPaths, plainPaths + paths] },
    plain,
    importance: importance.row,
    importanceOldProposal: oldProposal.row,
    agreement: { pSocialized: agreement(plain.pSocialized, importance.row.pSocialized), socializedLossMean: agreement(plain.socializedLossMean, importance.row.socializedLossMean) },
    timeRatioImportanceToPlain: importance.row.ms / plain.ms,
    /** CPU per path × relative variance: how many times faster importance sampling reaches a given interval. */
    efficiencyRatioImportanceToPlain: importance.row.efficiency / plain.efficiency,
    targets: {
      relativeHalfWidthAtMost25pct: importance.row.pSocialized.relativeHalfWidth <= 0.25,
      agreesWithPlain: agreement(plain.pSocialized, importance.row.pSocialized).agree,
      underAFifthOfPlainTime: importance.row.ms < plain.ms / 5,
      pSocializedIn0_2To1_5pct: plain.pSocialized.estimate >= 0.002 && plain.pSocialized.estimate <= 0.015,
    },
    importanceResult: importance.result,
  };
}

function main(argv: string[]): void {
  const flags = parseFlags(argv, { 'plain-paths': 'string', paths: 'string', 'jump-stdev': 'string', fund: 'string', 'calibrated-fund': 'string', seed: 'string', 'vr-paths': 'string', json: 'boolean' });
  const plainPaths = integerFlag('plain-paths', flags['plain-paths'], 100_000);
  const paths = integerFlag('paths', flags.paths, 4_000);
  const seed = integerFlag('seed', flags.seed, 1);
  const vrPaths = integerFlag('vr-paths', flags['vr-paths'], 2_000);
  const jumpStdev = flags['jump-stdev'] === undefined ? 0.045 : Number(flags['jump-stdev']);
  if (!(jumpStdev > 0 && jumpStdev < 1)) throw new UsageError(`--jump-stdev must lie in (0, 1), got '${flags['jump-stdev']}'`);
  const money = (name: string, raw: string | undefined, fallback: string) => {
    if (raw === undefined) return fallback;
    if (!/^\d+(\.\d{1,6})?$/.test(raw)) throw new UsageError(`--${name} must be a non-negative amount in quote, got '${raw}'`);
    return raw;
  };
  const fund = money('fund', flags.fund, OLD_MARKET_FUND);
  const calibratedFund = money('calibrated-fund', flags['calibrated-fund'], CALIBRATED_FUND);
  const log = (line: string) => process.stderr.write(`[bench:importance] ${line}\n`);

  const market = oldJumpMarket(jumpStdev, fund);
  const old = compareOn(`old jump market (legacy defaults, jumpStdev ${jumpStdev}, fund ${fund})`, market, seed, plainPaths, paths, log);
  const calibrated = compareOn(`calibrated default (btc-binance, fund ${calibratedFund})`, calibratedMarket(calibratedFund), seed, plainPaths, paths, log);
  log(`variance reduction on the old default market, ${vrPaths} paths`);

  const vrMarket = legacyDefaultParams();
  const nominal = createImportanceSimulator(vrMarket, seed, { proposal: NOMINAL_PROPOSAL }).run(0, vrPaths);
  const mirrored = createImportanceSimulator(vrMarket, seed, { proposal: NOMINAL_PROPOSAL, antithetic: true }).run(0, vrPaths);
  const hit = (r: WeightedRangeResult) => Float64Array.from(r.paths.socializedLossUnits, (x) => (x > 0 ? 1 : 0));
  const loss = (r: WeightedRangeResult) => quote(r.paths.socializedLossUnits);
  const debt = (r: WeightedRangeResult) => quote(r.paths.badDebtUnits);
  const cv = {
    pSocialized: controlled(nominal, hit(nominal), vrMarket),
    socializedLossMean: controlled(nominal, loss(nominal), vrMarket),
    badDebtMean: controlled(nominal, debt(nominal), vrMarket),
  };
  const cvOnImportance = {
    pSocialized: controlled(old.importanceResult, hit(old.importanceResult), market),
    socializedLossMean: controlled(old.importanceResult, loss(old.importanceResult), market),
  };
  const { importanceResult: _old, ...oldFields } = old;
  const { importanceResult: _calibrated, ...calibratedFields } = calibrated;
  const result = {
    ...oldFields,
    calibrated: calibratedFields,
    varianceReduction: {
      market: 'legacyDefaultParams() (jumpStdev 0.07, fund 250,000), plain sampling',
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
    `${r.estimator.padEnd(26)} ${String(r.paths).padStart(7)} paths ${r.ms.toFixed(0).padStart(7)} ms ${r.cpuMsPerPath.toFixed(2).padStart(6)} CPU ms/path   P(soc) ${pct(r.pSocialized.estimate)} [${pct(r.pSocialized.ci95[0])}, ${pct(r.pSocialized.ci95[1])}] ±${(r.pSocialized.relativeHalfWidth * 100).toFixed(1)} %   ESS ${r.effectiveSampleSize.toFixed(0)}   efficiency ${r.efficiency.toFixed(4)}   mean soc. loss ${r.socializedLossMean.estimate.toFixed(0)} [${r.socializedLossMean.ci95[0].toFixed(0)}, ${r.socializedLossMean.ci95[1].toFixed(0)}]`;
  const section = (m: typeof oldFields) => [
    `${m.market.label}`,
    line(m.plain),
    line(m.importance),
    line(m.importanceOldProposal),
    `agreement P(soc): ${m.agreement.pSocialized.differenceInStandardErrors.toFixed(2)} combined standard errors apart; time ratio ${m.timeRatioImportanceToPlain.toFixed(3)}; efficiency ratio importance/plain ${m.efficiencyRatioImportanceToPlain.toFixed(2)}`,
    `targets: ${JSON.stringify(m.targets)}`,
  ];
  process.stdout.write(
    [
      ...section(oldFields),
      '',
      ...section(calibratedFields),
      '',
      `variance reduction (old default market, ${vrPaths} plain paths) — ratio = times fewer paths for the same interval:`,
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
