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
 * Cost: only the paths that can reach a tail need their own draw. Each side's resampled 99 % tail holds
 * k ≈ n/100 paths, so the candidates are the 4k + 100 largest values of each column and side; every other path
 * matters only through how many times it was drawn in total, and Poisson counts of disjoint sets are independent,
 * so the rest is drawn as one Poisson count per class (event on neither, one or both sides). A resample costs
 * O(candidates) draws, not O(paths). A tail that would reach past its candidates (about 50 standard deviations
 * away at 100k paths) is an error, not a silent approximation.
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

/** Path indices of the positive values of `values`, largest first; ties by path index. */
function descendingPositive(values: ArrayLike<number>): number[] {
  const order: number[] = [];
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > 0) order.push(i);
  order.sort((x, y) => (values[y] as number) - (values[x] as number) || x - y);
  return order;
}

/** One side's walk: candidate slots of its largest values in order, and whether they are all its positive values. */
interface Walk {
  slots: Int32Array;
  values: Float64Array;
  complete: boolean;
}

/** VaR and ES at a tail count k of the resampled values: walk down from the largest; zeros fill what is left. */
function tailOfResample(walk: Walk, counts: Int32Array, k: number, name: string): { valueAtRisk: number; expectedShortfall: number } {
  let seen = 0;
  let sum = 0;
  for (let r = 0; r < walk.slots.length; r++) {
    const c = counts[walk.slots[r] as number] as number;
    if (c === 0) continue;
    const v = walk.values[r] as number;
    const take = Math.min(c, k - seen);
    sum += take * v;
    seen += take;
    if (seen === k) return { valueAtRisk: v, expectedShortfall: sum / k };
  }
  if (!walk.complete) throw new Error(`pairedTailIntervals: the resampled 99 % tail of ${name} reached past its ${walk.slots.length} candidate paths`);
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

  // Candidates: the largest values of every column and side (module comment), each given a slot.
  const depth = 4 * tailCount(n, 0.99) + 100;
  const slotOf = new Int32Array(n).fill(-1);
  const members: number[] = [];
  const walkOf = (values: ArrayLike<number>): Walk => {
    const order = descendingPositive(values);
    const top = order.slice(0, depth);
    const slots = new Int32Array(top.length);
    top.forEach((i, r) => {
      if (slotOf[i] === -1) {
        slotOf[i] = members.length;
        members.push(i);
      }
      slots[r] = slotOf[i] as number;
    });
    return { slots, values: Float64Array.from(top, (i) => values[i] as number), complete: order.length <= depth };
  };
  const walks = keys.map((key) => ({ proposal: walkOf(columns[key].proposal), baseline: walkOf(columns[key].baseline) }));
  const m = members.length;
  const event = options.proportionOf === undefined ? null : columns[options.proportionOf];
  // The other paths by class: bit 1 = event on the proposal side, bit 0 = on the baseline side.
  const restOfClass = [0, 0, 0, 0];
  const classOfSlot = new Uint8Array(m);
  const classOf = (i: number) => (event ? ((event.proposal[i] as number) > 0 ? 2 : 0) + ((event.baseline[i] as number) > 0 ? 1 : 0) : 0);
  for (let i = 0; i < n; i++) {
    if (slotOf[i] === -1) restOfClass[classOf(i)]!++;
    else classOfSlot[slotOf[i] as number] = classOf(i);
  }

  const next = mulberry32((options.seed ?? BOOTSTRAP_SEED) ^ Math.imul(n, PAIRED_SALT));
  const counts = new Int32Array(m);
  const diffs = keys.map(() => ({ var99: new Float64Array(resamples), es99: new Float64Array(resamples) }));
  const proportions = event ? { baseline: [] as number[], proposal: [] as number[] } : null;

  for (let b = 0; b < resamples; b++) {
    const hits = [0, 0, 0, 0];
    for (let c = 0; c < 4; c++) hits[c] = poisson(restOfClass[c] as number, next);
    for (let j = 0; j < m; j++) {
      const c = poisson1(next());
      counts[j] = c;
      hits[classOfSlot[j] as number]! += c;
    }
    let total = (hits[0] as number) + (hits[1] as number) + (hits[2] as number) + (hits[3] as number);
    if (total === 0) {
      // An empty resample has no statistic: count one path, as the marginal bootstrap does.
      if (m > 0) {
        counts[m - 1] = 1;
        hits[classOfSlot[m - 1] as number] = 1;
      } else hits[0] = 1;
      total = 1;
    }
    const k = tailCount(total, 0.99);
    keys.forEach((key, c) => {
      const p = tailOfResample(walks[c]!.proposal, counts, k, `${key} (proposal)`);
      const q = tailOfResample(walks[c]!.baseline, counts, k, `${key} (baseline)`);
      diffs[c]!.var99[b] = p.valueAtRisk - q.valueAtRisk;
      diffs[c]!.es99[b] = p.expectedShortfall - q.expectedShortfall;
    });
    if (proportions) {
      proportions.proposal.push(((hits[2] as number) + (hits[3] as number)) / total);
      proportions.baseline.push(((hits[1] as number) + (hits[3] as number)) / total);
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
