import { log10 } from '../rng/fdlibmLog10';
import { pow } from '../rng/fdlibmPow';

/**
 * Histogram of per-path values for the loss charts.
 *
 * - Linear bins: `bins` equal-width bins from the smallest to the largest value; every value is counted in a
 *   bin, so Σcounts = n (zeroCount still reports how many values are exactly 0).
 * - Log bins (`log: true`): bins equally spaced in log10 from the smallest to the largest positive value.
 *   Zeros cannot sit on a log axis and are counted only in zeroCount (socialized loss is 0 on most paths),
 *   so Σcounts + zeroCount = n. A negative value is refused with an Error.
 *
 * Bin i is [edges[i], edges[i+1]); the last bin also takes its top edge, so the maximum lands in it. Edges are a
 * pure function of (min, max, bins): edges[0] is the minimum and edges[bins] the maximum exactly, the rest are
 * interpolated and non-decreasing, and each value is placed by binary search over the very edges returned (so
 * a value and the edges never disagree by a rounding). When all binned values are equal the range is widened
 * symmetrically (by half the value, or 0.5 around 0; by a factor √10 in log mode) so the bar has a width.
 * When nothing is left to bin (no values, or only zeros in log mode) edges and counts are both empty.
 */
export interface Histogram {
  edges: number[];
  counts: number[];
  zeroCount: number;
  log: boolean;
}

export interface HistogramOptions {
  bins: number;
  log?: boolean;
}

const MAX_BINS = 100_000;

function clampFinite(x: number): number {
  return Math.min(Number.MAX_VALUE, Math.max(-Number.MAX_VALUE, x));
}

function linearEdges(lo: number, hi: number, bins: number): number[] {
  if (lo === hi) {
    // At ±MIN_VALUE half the value underflows to 0, so the half-width is at least one subnormal step.
    const half = lo === 0 ? 0.5 : Math.max(Number.MIN_VALUE, Math.abs(lo) / 2);
    return linearEdges(clampFinite(lo - half), clampFinite(hi + half), bins);
  }
  const width = hi - lo;
  const edges: number[] = [lo];
  for (let i = 1; i < bins; i++) {
    const t = i / bins;
    // lo + t·width, unless the width overflows (values near ±MAX_VALUE): then the overflow-free blend.
    const edge = Number.isFinite(width) ? lo + width * t : lo * (1 - t) + hi * t;
    edges.push(Math.min(hi, Math.max(edges[i - 1] as number, edge)));
  }
  edges.push(hi);
  return edges;
}

function logEdges(lo: number, hi: number, bins: number): number[] {
  if (lo === hi) {
    return logEdges(Math.max(Number.MIN_VALUE, lo / Math.sqrt(10)), Math.min(Number.MAX_VALUE, hi * Math.sqrt(10)), bins);
  }
  const a = log10(lo);
  const b = log10(hi);
  const edges: number[] = [lo];
  for (let i = 1; i < bins; i++) {
    const edge = pow(10, a + ((b - a) * i) / bins);
    edges.push(Math.min(hi, Math.max(edges[i - 1] as number, edge)));
  }
  edges.push(hi);
  return edges;
}

/** Index of the bin holding v: the largest i < bins with edges[i] ≤ v (edges[0] ≤ v is guaranteed). */
function binOf(edges: number[], v: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((edges[mid] as number) <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function histogram(values: ArrayLike<number>, options: HistogramOptions): Histogram {
  const { bins } = options;
  const log = options.log ?? false;
  if (!Number.isInteger(bins) || bins < 1 || bins > MAX_BINS) {
    throw new Error(`histogram: bins must be an integer in [1, ${MAX_BINS}], got ${bins}`);
  }
  let zeroCount = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) throw new Error(`histogram: value at index ${i} is not finite (${v})`);
    if (log && v < 0) throw new Error(`histogram: log bins need values ≥ 0, got ${v} at index ${i}`);
    if (v === 0) {
      zeroCount++;
      if (log) continue;
    }
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return { edges: [], counts: [], zeroCount, log };
  const edges = log ? logEdges(lo, hi, bins) : linearEdges(lo, hi, bins);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (log && v === 0) continue;
    const b = binOf(edges, v);
    counts[b] = (counts[b] as number) + 1;
  }
  return { edges, counts, zeroCount, log };
}
