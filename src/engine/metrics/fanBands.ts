/**
 * Fan-chart bands: at each downsampled point, quantiles of a series across paths.
 *
 * Quantile definition (Hyndman & Fan type 7, numpy's default `linear`): for ascending x₍₀₎ … x₍ₙ₋₁₎ and
 * q ∈ [0, 1], h = (n − 1)·q, i = ⌊h⌋, Q(q) = x₍ᵢ₎ + (h − i)·(x₍ᵢ₊₁₎ − x₍ᵢ₎), and Q(1) = x₍ₙ₋₁₎. So Q(0) is the
 * minimum, Q(0.5) the usual median, and Q is non-decreasing in q.
 */
import { bucketOrderStatistics, bucketScratch } from './orderStatistics';

export const DEFAULT_FAN_QUANTILES: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];

export interface FanBands {
  quantiles: number[];
  /** bands[k][j] = quantile quantiles[k] across paths at point j. */
  bands: Float64Array[];
}

/** Type-7 quantile of ascending `sorted` (non-empty, finite). The result is clamped to its two order statistics. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('quantileSorted: no values');
  if (!(q >= 0 && q <= 1)) throw new Error(`quantileSorted: q must lie in [0, 1], got ${q}`);
  const h = (n - 1) * q;
  const i = Math.floor(h);
  const a = sorted[i] as number;
  if (i >= n - 1) return a;
  const f = h - i;
  if (f === 0) return a;
  const b = sorted[i + 1] as number;
  let v = a + f * (b - a);
  if (!Number.isFinite(v)) v = a * (1 - f) + b * f; // b − a overflowed (values near ±MAX_VALUE)
  return Math.min(b, Math.max(a, v));
}

/** The indices quantileSorted reads for these quantiles of n values, ascending and distinct. */
function ranksRead(n: number, quantiles: readonly number[]): number[] {
  const ranks = new Set<number>();
  for (const q of quantiles) {
    const h = (n - 1) * q;
    const i = Math.floor(h);
    ranks.add(Math.min(i, n - 1));
    if (i < n - 1 && h - i !== 0) ranks.add(i + 1);
  }
  return [...ranks].sort((a, b) => a - b);
}

/**
 * Quantile bands of a row-major series (path p's point j at p·points + j) across `paths` paths.
 * Cost O(points · paths): one column copy per point and a bucketed selection of the order statistics the
 * quantiles read (bucketOrderStatistics: the same values a sort would put there; a series holding a −0 is sorted
 * instead, see orderStatistics.ts). The final summary of every page run waits for these bands.
 * Throws for zero paths, a length that is not paths·points, a quantile outside [0, 1], or a non-finite value
 * (naming its path and point).
 */
export function fanBands(
  series: Float64Array,
  paths: number,
  points: number,
  quantiles: readonly number[] = DEFAULT_FAN_QUANTILES,
): FanBands {
  if (!Number.isSafeInteger(paths) || paths < 1) throw new Error(`fanBands: paths must be a positive integer, got ${paths}`);
  if (!Number.isSafeInteger(points) || points < 0) throw new Error(`fanBands: points must be an integer ≥ 0, got ${points}`);
  if (series.length !== paths * points) {
    throw new Error(`fanBands: series has ${series.length} values, expected paths·points = ${paths * points}`);
  }
  for (const q of quantiles) {
    if (!(q >= 0 && q <= 1)) throw new Error(`fanBands: quantile must lie in [0, 1], got ${q}`);
  }
  let negativeZero = false;
  for (let i = 0; i < series.length; i++) {
    const v = series[i] as number;
    if (!Number.isFinite(v)) {
      throw new Error(`fanBands: value of path ${Math.floor(i / points)} at point ${i % points} is not finite (${v})`);
    }
    if (v === 0 && 1 / v < 0) negativeZero = true;
  }
  const bands = quantiles.map(() => new Float64Array(points));
  const ranks = ranksRead(paths, quantiles);
  // Columns are copied POINT_BLOCK points at a time: one pass over the paths reads each path's neighbouring
  // points together (one cache line) instead of striding across the whole series once per point.
  const columns = new Float64Array(POINT_BLOCK * paths);
  // The order statistics the quantiles read, at their ranks (the rest of `ordered` is not written).
  const ordered = new Float64Array(paths);
  const scratch = bucketScratch(paths);
  for (let first = 0; first < points; first += POINT_BLOCK) {
    const width = Math.min(POINT_BLOCK, points - first);
    for (let p = 0; p < paths; p++) {
      const from = p * points + first;
      for (let b = 0; b < width; b++) columns[b * paths + p] = series[from + b] as number;
    }
    for (let b = 0; b < width; b++) {
      const column = columns.subarray(b * paths, (b + 1) * paths);
      const j = first + b;
      let sorted = ordered;
      if (negativeZero) sorted = column.sort();
      else bucketOrderStatistics(column, ranks, ordered, scratch);
      for (let k = 0; k < quantiles.length; k++) {
        (bands[k] as Float64Array)[j] = quantileSorted(sorted, quantiles[k] as number);
      }
    }
  }
  return { quantiles: [...quantiles], bands };
}

/** Points whose columns are copied in one pass over the paths (8 doubles: one 64-byte cache line). */
const POINT_BLOCK = 8;
