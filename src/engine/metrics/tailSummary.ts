/**
 * What the headline numbers and the tail charts need beyond summarizeRun's point estimates (issue #21):
 *
 * - 95 % intervals on the mean, VaR and ES of each loss, by a percentile Poisson bootstrap (Hanley & MacGibbon
 *   2006): BOOTSTRAP_RESAMPLES resamples, each path drawn Poisson(1) times, from a generator on a fixed seed, so
 *   the same paths give the same interval in Node and in any browser; the interval is the 2.5th and 97.5th
 *   percentile of the resampled statistic. No sort per resample: counts over the values sorted once.
 * - The exceedance curve P(loss ≥ x) at log-spaced x from the smallest to the largest positive loss, for
 *   socialized loss and bad debt (a log-scale chart of the tail, where a histogram shows only the bulk). "≥" so the
 *   curve opens at P(loss > 0) and ends at the largest path, 1/n.
 * - P(the fund has emptied by step t) at each series point, with Wilson 95 % intervals.
 * - Fan bands of cumulative socialized loss and the fund balance over only the paths that socialized: the
 *   unconditional bands stay at zero whenever fewer than 1 path in 20 socializes.
 * Pure and deterministic.
 */
import { fdlibmCos } from '../rng/fdlibmTrig';
import { UNITS_PER_QUOTE } from '../money/money';
import type { RangeResult } from '../results/pathResults';
import { fanBands } from './fanBands';
import { tailCount } from './riskStats';
import { wilsonInterval } from './wilson';
import { exp, log } from '../rng/fdlibmExpLog';

export const BOOTSTRAP_RESAMPLES = 200;
/** Seed of the bootstrap's random stream: fixed, so an interval depends only on the paths. */
export const BOOTSTRAP_SEED = 21;

export type Interval = [number, number];

export interface StatIntervals {
  mean: Interval;
  var95: Interval;
  var99: Interval;
  es95: Interval;
  es99: Interval;
}

export interface ExceedanceCurve {
  /** Loss levels, quote, ascending (log-spaced between the smallest and the largest positive loss). */
  x: number[];
  /** P(loss ≥ x) over paths, for each x. */
  p: number[];
  /** Paths with a loss above zero. */
  positive: number;
}

export interface FundEmptyCurve {
  stepOfPoint: number[];
  /** Share of paths whose fund had emptied at or before that step. */
  share: number[];
  lo: number[];
  hi: number[];
}

export interface ConditionalFan {
  /** How many paths socialized (the bands are over these alone). */
  paths: number;
  quantiles: number[];
  cumSocializedLossQuote: number[][];
  fundBalanceQuote: number[][];
}

export interface TailSummary {
  method: string;
  intervals: {
    socializedLoss: StatIntervals;
    badDebt: StatIntervals;
    fundDraw: StatIntervals;
    liquidations: Interval;
    adlNotional: Interval;
    /** Means of the open deficit, the vault's result and the ADL overshoot, quote (optional: older snapshots lack them). */
    openDeficit?: Interval;
    vaultPnl?: Interval;
    adlOvershoot?: Interval;
    /** Wilson 95 % interval of the share of paths whose fund emptied. */
    fundDepleted?: Interval;
  };
  /** Mean penalties paid into the fund per path, quote (why the fund can pay out more than it started with). */
  fundInflowMean: number;
  exceedance: { socializedLoss: ExceedanceCurve; badDebt: ExceedanceCurve };
  fundEmpty: FundEmptyCurve;
  /** Null when no path socialized. */
  socializedFan: ConditionalFan | null;
}

export const INTERVAL_METHOD = `percentile Poisson bootstrap, ${BOOTSTRAP_RESAMPLES} resamples of the paths, fixed seed ${BOOTSTRAP_SEED}`;

export function percentileInterval(estimates: Float64Array): Interval {
  const sorted = Float64Array.from(estimates).sort();
  const last = sorted.length - 1;
  return [sorted[Math.floor(0.025 * last)] as number, sorted[Math.ceil(0.975 * last)] as number];
}

/** mulberry32: a small, fast 32-bit generator; the bootstrap needs speed, not PathRng's stream separation. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative Poisson(1) probabilities P(N ≤ k), k = 0..12 (beyond, the remaining mass is below 1e-10). */
const POISSON1_CDF = (() => {
  const out: number[] = [];
  let p = exp(-1);
  let c = 0;
  for (let k = 0; k <= 12; k++) {
    c += p;
    out.push(c);
    p /= k + 1;
  }
  return out;
})();

export function poisson1(u: number): number {
  let k = 0;
  while (k < 12 && u > (POISSON1_CDF[k] as number)) k++;
  return k;
}

/** Poisson(λ) for the count of resampled zero paths: inversion for small λ, a rounded normal for large (error < 1 path in 10^3). */
export function poisson(lambda: number, next: () => number): number {
  if (lambda === 0) return 0;
  if (lambda < 30) {
    let k = 0;
    let p = exp(-lambda);
    let c = p;
    const u = next();
    while (u > c && k < 1000) {
      k++;
      p *= lambda / k;
      c += p;
    }
    return k;
  }
  const z = Math.sqrt(-2 * log(1 - next())) * fdlibmCos(2 * Math.PI * next());
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
}

/**
 * Bootstrap intervals of mean, VaR and ES (riskStats' definitions) of `values`, in `values`' unit times `scale`.
 * The Poisson bootstrap (each path is drawn Poisson(1) times, independently): paths with a loss of exactly zero
 * are interchangeable, so their resampled count is one Poisson(zeros) draw and a resample costs O(paths with a loss).
 */
export function bootstrapIntervals(values: ArrayLike<number>, scale = 1, resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): StatIntervals {
  const n = values.length;
  if (n === 0) throw new Error('bootstrapIntervals: no values');
  const sorted = Float64Array.from(values).sort();
  let zeros = 0;
  while (zeros < n && sorted[zeros] === 0) zeros++;
  const next = mulberry32(seed ^ Math.imul(n, 0x9e3779b1));
  const counts = new Int32Array(n);
  const est = { mean: new Float64Array(resamples), var95: new Float64Array(resamples), var99: new Float64Array(resamples), es95: new Float64Array(resamples), es99: new Float64Array(resamples) };
  for (let b = 0; b < resamples; b++) {
    let total = poisson(zeros, next);
    for (let j = zeros; j < n; j++) {
      const c = poisson1(next());
      counts[j] = c;
      total += c;
    }
    if (total === 0) {
      counts[n - 1] = 1;
      total = 1;
    }
    const k95 = tailCount(total, 0.95);
    const k99 = tailCount(total, 0.99);
    // Walk from the largest value down: the first k counted values are the tail of that level; zeros fill the rest.
    let seen = 0;
    let sum = 0;
    let var95 = 0;
    let var99 = 0;
    let es95 = 0;
    let es99 = 0;
    for (let j = n - 1; j >= zeros && seen < total; j--) {
      const c = counts[j] as number;
      if (c === 0) continue;
      const v = sorted[j] as number;
      if (seen < k99) {
        const take = Math.min(c, k99 - seen);
        es99 += take * v;
        if (seen + take === k99) var99 = v;
      }
      if (seen < k95) {
        const take = Math.min(c, k95 - seen);
        es95 += take * v;
        if (seen + take === k95) var95 = v;
      }
      seen += c;
      sum += c * v;
    }
    // A tail that reaches into the zeros has VaR 0 and the zeros add nothing to ES.
    est.mean[b] = sum / total;
    est.var95[b] = var95;
    est.var99[b] = var99;
    est.es95[b] = es95 / k95;
    est.es99[b] = es99 / k99;
  }
  const scaled = (i: Interval): Interval => [i[0] * scale, i[1] * scale];
  return {
    mean: scaled(percentileInterval(est.mean)),
    var95: scaled(percentileInterval(est.var95)),
    var99: scaled(percentileInterval(est.var99)),
    es95: scaled(percentileInterval(est.es95)),
    es99: scaled(percentileInterval(est.es99)),
  };
}

/** P(value ≥ x) at up to `levels` log-spaced x from the smallest to the largest positive value. */
export function exceedanceCurve(values: ArrayLike<number>, scale = 1, levels = 48): ExceedanceCurve {
  const n = values.length;
  if (n === 0) throw new Error('exceedanceCurve: no values');
  const sorted = Float64Array.from(values).sort();
  let firstPositive = 0;
  while (firstPositive < n && (sorted[firstPositive] as number) <= 0) firstPositive++;
  const positive = n - firstPositive;
  if (positive === 0) return { x: [], p: [], positive: 0 };
  const lo = sorted[firstPositive] as number;
  const hi = sorted[n - 1] as number;
  const atLeast = (x: number): number => {
    // Count of values ≥ x by binary search for the first index with value ≥ x.
    let a = 0;
    let b = n;
    while (a < b) {
      const m = (a + b) >>> 1;
      if ((sorted[m] as number) >= x) b = m;
      else a = m + 1;
    }
    return n - a;
  };
  const xs: number[] = [];
  if (hi <= lo) xs.push(lo);
  else {
    const ratio = log(hi / lo);
    for (let i = 1; i < levels - 1; i++) xs.push(lo * exp((ratio * i) / (levels - 1)));
    xs.unshift(lo);
    xs.push(hi);
  }
  return { x: xs.map((v) => v * scale), p: xs.map((v) => atLeast(v) / n), positive };
}

/** Share of paths whose fund had emptied by each series point (fundDepletedStep ≥ 0 and ≤ the point's step). */
export function fundEmptyCurve(depletedStep: ArrayLike<number>, stepOfPoint: ArrayLike<number>): FundEmptyCurve {
  const n = depletedStep.length;
  if (n === 0) throw new Error('fundEmptyCurve: no paths');
  const steps = Array.from(depletedStep).filter((s) => s >= 0).sort((a, b) => a - b);
  const out: FundEmptyCurve = { stepOfPoint: Array.from(stepOfPoint), share: [], lo: [], hi: [] };
  let k = 0;
  for (const step of out.stepOfPoint) {
    while (k < steps.length && (steps[k] as number) <= step) k++;
    const [lo, hi] = wilsonInterval(k, n);
    out.share.push(k / n);
    out.lo.push(lo);
    out.hi.push(hi);
  }
  return out;
}

function conditionalFan(result: RangeResult, paths: number): ConditionalFan | null {
  const { series } = result;
  const chosen: number[] = [];
  for (let i = 0; i < paths; i++) if ((result.paths.socializedLossUnits[i] as number) > 0) chosen.push(i);
  if (chosen.length === 0 || series.points === 0) return null;
  const pick = (values: Float64Array): Float64Array => {
    const out = new Float64Array(chosen.length * series.points);
    chosen.forEach((path, r) => out.set(values.subarray(path * series.points, (path + 1) * series.points), r * series.points));
    return out;
  };
  const soc = fanBands(pick(series.cumSocializedLossQuote), chosen.length, series.points);
  const fund = fanBands(pick(series.fundBalanceQuote), chosen.length, series.points);
  return {
    paths: chosen.length,
    quantiles: soc.quantiles,
    cumSocializedLossQuote: soc.bands.map((b) => Array.from(b)),
    fundBalanceQuote: fund.bands.map((b) => Array.from(b)),
  };
}

function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return values.length === 0 ? 0 : sum / values.length;
}

/** Normal-approximation 95 % interval of a mean (for counts per path, whose distribution is not heavy-tailed). */
function meanInterval(values: ArrayLike<number>): Interval {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  if (n < 2) return [mean, mean];
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((values[i] as number) - mean) ** 2;
  const half = 1.959963984540054 * Math.sqrt(ss / (n - 1) / n);
  return [mean - half, mean + half];
}

function depletedCount(steps: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < steps.length; i++) if ((steps[i] as number) >= 0) k++;
  return k;
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function copyIntervals(s: StatIntervals): StatIntervals {
  return { mean: [...s.mean], var95: [...s.var95], var99: [...s.var99], es95: [...s.es95], es99: [...s.es99] };
}

/** The tail summary of the first `paths` paths of `result` (see the module comment). */
export function tailSummary(result: RangeResult, paths: number): TailSummary {
  const cols = result.paths;
  const head = (a: Float64Array | Int32Array) => a.subarray(0, paths);
  const q = 1 / UNITS_PER_QUOTE;
  const badDebt = head(cols.badDebtUnits);
  const fundDraw = head(cols.fundDrawUnits);
  const badDebtIntervals = bootstrapIntervals(badDebt, q);
  return {
    method: INTERVAL_METHOD,
    intervals: {
      socializedLoss: bootstrapIntervals(head(cols.socializedLossUnits), q),
      badDebt: badDebtIntervals,
      // The bootstrap is a function of the values alone; where the fund paid every deficit (the calibrated default
      // market, nearly always) the two columns hold the same values, and the second bootstrap — about a third of a
      // final summary's tail cost — would repeat the first.
      fundDraw: sameValues(badDebt, fundDraw) ? copyIntervals(badDebtIntervals) : bootstrapIntervals(fundDraw, q),
      liquidations: meanInterval(head(cols.liquidations)),
      adlNotional: bootstrapIntervals(head(cols.adlNotionalQuote)).mean,
      openDeficit: bootstrapIntervals(head(cols.openDeficitUnits), q).mean,
      vaultPnl: bootstrapIntervals(head(cols.vaultPnlUnits), q).mean,
      adlOvershoot: bootstrapIntervals(Float64Array.from(head(cols.adlProfitClosedUnits), (closed, i) => closed - (cols.adlNeededUnits[i] as number)), q).mean,
      fundDepleted: wilsonInterval(depletedCount(head(cols.fundDepletedStep)), paths),
    },
    fundInflowMean: meanOf(head(cols.fundInflowUnits)) * q,
    exceedance: { socializedLoss: exceedanceCurve(head(cols.socializedLossUnits), q), badDebt: exceedanceCurve(head(cols.badDebtUnits), q) },
    fundEmpty: fundEmptyCurve(head(cols.fundDepletedStep), result.series.stepOfPoint),
    socializedFan: conditionalFan(result, paths),
  };
}
