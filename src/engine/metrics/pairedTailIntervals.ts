/**
 * 95 % intervals on the CHANGE of a tail statistic (VaR 99 %, ES 99 %) between a proposal and its baseline run
 * on the same paths — what the forum post's "Change (95 % interval)" column needs where the change is not a mean.
 *
 * Method: a paired percentile Poisson bootstrap over path indices. Each resample draws every path Poisson(1)
 * times, and the SAME draw weights that path on both sides, so the pairing (common random numbers) is kept: a path
 * that is bad for both runs moves both tails together and the noise they share cancels in the difference. For each
 * resample the statistic is computed on each side with riskStats' definitions (tail count k = max(1, ⌈0.01·N⌉) of
 * the N resampled paths; VaR = the smallest of the k largest, ES = their mean) and differenced; the interval is the
 * 2.5th and 97.5th percentile of the PAIRED_RESAMPLES differences. The generator runs on a fixed seed, so the same
 * paths give the same interval in Node and in every browser.
 *
 * Cost: paths that are zero in every column on both sides are interchangeable, so their resampled count is one
 * Poisson(zeros) draw; a resample costs O(paths with a loss) draws plus a walk down each side's k largest values.
 * The same resamples give each side's share of paths with an event (e.g. socialized loss > 0), so a transform of
 * two proportions (the per-year probability) gets a paired interval too.
 *
 * Losses must be ≥ 0 (they are by the ledger); a negative or non-finite value is refused, naming column and path.
 * Pure and deterministic.
 */
import { BOOTSTRAP_SEED, mulberry32, percentileInterval, poisson, poisson1, type Interval } from './tailSummary';
import { tailCount } from './riskStats';

export const PAIRED_RESAMPLES = 400;
/** Mixed into BOOTSTRAP_SEED so the paired stream is not the marginal bootstrap's. */
const PAIRED_SALT = 0x85ebca6b;

export const PAIRED_TAIL_METHOD = `paired percentile Poisson bootstrap over path indices (both runs weighted by the same draws), ${PAIRED_RESAMPLES} resamples, fixed seed ${BOOTSTRAP_SEED}`;

export interface PairedColumn {
  proposal: ArrayLike<number>;
  baseline: ArrayLike<number>;
}

export interface PairedTailInterval {
  /** 95 % interval of VaR 99 %(proposal) − VaR 99 %(baseline). */
  var99: Interval;
  /** 95 % interval of ES 99 %(proposal) − ES 99 %(baseline). */
  es99: Interval;
}

export interface PairedTailOptions<K extends string> {
  resamples?: number;
  seed?: number;
  /** Multiplies every output (e.g. 1e-6 from micro-units to quote). */
  scale?: number;
  /** The column whose "value > 0" share is replicated per resample for each side. */
  proportionOf?: K;
}

export interface PairedTailResult<K extends string> {
  intervals: Record<K, PairedTailInterval>;
  /** Each side's share of resampled paths with proportionOf > 0, one entry per resample; null without proportionOf. */
  proportions: { baseline: number[]; proposal: number[] } | null;
}

/** Positions (into `active`) of the positive values of `values`, largest first; ties by path index. */
function descendingPositive(values: ArrayLike<number>, active: Int32Array): Int32Array {
  const order: number[] = [];
  for (let j = 0; j < active.length; j++) if ((values[active[j] as number] as number) > 0) order.push(j);
  order.sort((a, b) => (values[active[b] as number] as number) - (values[active[a] as number] as number) || a - b);
  return Int32Array.from(order);
}

/** VaR and ES at a tail count k of the resampled values: walk down from the largest; zeros fill what is left. */
function tailOfResample(values: ArrayLike<number>, active: Int32Array, order: Int32Array, counts: Int32Array, k: number): { valueAtRisk: number; expectedShortfall: number } {
  let seen = 0;
  let sum = 0;
  for (let r = 0; r < order.length; r++) {
    const j = order[r] as number;
    const c = counts[j] as number;
    if (c === 0) continue;
    const v = values[active[j] as number] as number;
    const take = Math.min(c, k - seen);
    sum += take * v;
    seen += take;
    if (seen === k) return { valueAtRisk: v, expectedShortfall: sum / k };
  }
  return { valueAtRisk: 0, expectedShortfall: sum / k };
}

function checkColumns<K extends string>(columns: Record<K, PairedColumn>): { keys: K[]; n: number } {
  const keys = Object.keys(columns) as K[];
  if (keys.length === 0) throw new Error('pairedTailIntervals: no columns');
  const n = columns[keys[0] as K].proposal.length;
  if (n === 0) throw new Error('pairedTailIntervals: no paths');
  for (const key of keys) {
    for (const side of ['proposal', 'baseline'] as const) {
      const values = columns[key][side];
      if (values.length !== n) throw new Error(`pairedTailIntervals: ${key} (${side}) has ${values.length} paths, expected ${n}; both runs must cover the same paths`);
      for (let i = 0; i < n; i++) {
        const v = values[i] as number;
        if (!Number.isFinite(v) || v < 0) throw new Error(`pairedTailIntervals: ${key} (${side}) at path ${i} is ${v}; losses must be finite and ≥ 0`);
      }
    }
  }
  return { keys, n };
}

/** Paired bootstrap intervals of the change in VaR 99 % and ES 99 % of each column (module comment). */
export function pairedTailIntervals<K extends string>(columns: Record<K, PairedColumn>, options: PairedTailOptions<NoInfer<K>> = {}): PairedTailResult<K> {
  const { keys, n } = checkColumns(columns);
  const resamples = options.resamples ?? PAIRED_RESAMPLES;
  if (!Number.isSafeInteger(resamples) || resamples < 1) throw new Error(`pairedTailIntervals: resamples must be a positive integer, got ${resamples}`);
  const scale = options.scale ?? 1;

  const activeList: number[] = [];
  for (let i = 0; i < n; i++) {
    if (keys.some((key) => (columns[key].proposal[i] as number) > 0 || (columns[key].baseline[i] as number) > 0)) activeList.push(i);
  }
  const active = Int32Array.from(activeList);
  const m = active.length;
  const zeros = n - m;
  const orders = keys.map((key) => ({ proposal: descendingPositive(columns[key].proposal, active), baseline: descendingPositive(columns[key].baseline, active) }));
  const event = options.proportionOf === undefined ? null : columns[options.proportionOf];

  const next = mulberry32((options.seed ?? BOOTSTRAP_SEED) ^ Math.imul(n, PAIRED_SALT));
  const counts = new Int32Array(m);
  const diffs = keys.map(() => ({ var99: new Float64Array(resamples), es99: new Float64Array(resamples) }));
  const proportions = event ? { baseline: [] as number[], proposal: [] as number[] } : null;

  for (let b = 0; b < resamples; b++) {
    let total = poisson(zeros, next);
    for (let j = 0; j < m; j++) {
      const c = poisson1(next());
      counts[j] = c;
      total += c;
    }
    if (total === 0) {
      // An empty resample has no statistic: count one path, as the marginal bootstrap does.
      if (m > 0) counts[m - 1] = 1;
      total = 1;
    }
    const k = tailCount(total, 0.99);
    keys.forEach((key, c) => {
      const order = orders[c]!;
      const p = tailOfResample(columns[key].proposal, active, order.proposal, counts, k);
      const q = tailOfResample(columns[key].baseline, active, order.baseline, counts, k);
      diffs[c]!.var99[b] = p.valueAtRisk - q.valueAtRisk;
      diffs[c]!.es99[b] = p.expectedShortfall - q.expectedShortfall;
    });
    if (event && proportions) {
      let hitsP = 0;
      let hitsB = 0;
      for (let j = 0; j < m; j++) {
        const c = counts[j] as number;
        if (c === 0) continue;
        const i = active[j] as number;
        if ((event.proposal[i] as number) > 0) hitsP += c;
        if ((event.baseline[i] as number) > 0) hitsB += c;
      }
      proportions.proposal.push(hitsP / total);
      proportions.baseline.push(hitsB / total);
    }
  }

  const scaled = (i: Interval): Interval => [i[0] * scale + 0, i[1] * scale + 0];
  const intervals = {} as Record<K, PairedTailInterval>;
  keys.forEach((key, c) => {
    intervals[key] = { var99: scaled(percentileInterval(diffs[c]!.var99)), es99: scaled(percentileInterval(diffs[c]!.es99)) };
  });
  return { intervals, proportions };
}

/** Percentile 95 % interval of f(proposal share) − f(baseline share) over the paired replicates. */
export function pairedTransformInterval(proportions: { baseline: readonly number[]; proposal: readonly number[] }, f: (p: number) => number): Interval {
  const n = proportions.proposal.length;
  if (n === 0 || proportions.baseline.length !== n) throw new Error(`pairedTransformInterval: ${n} proposal and ${proportions.baseline.length} baseline replicates; need the same positive number`);
  const d = new Float64Array(n);
  for (let b = 0; b < n; b++) d[b] = f(proportions.proposal[b] as number) - f(proportions.baseline[b] as number);
  return percentileInterval(d);
}
