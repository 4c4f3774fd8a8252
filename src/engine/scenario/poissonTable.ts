/**
 * Poisson counts by inversion against a table built once per run: the jump intensity is the same at every
 * step, so the CDF is too, and a step costs one uniform and (almost always) one comparison.
 */
import { exp, log } from '../rng/fdlibmExpLog';

/**
 * Most jumps one step can draw. Beyond about 4,000 expected jumps per step the table is cut here and the
 * missing tail is given to this count, so the compensated drift is no longer exact; such intensities are
 * far outside what the jump scenario is for.
 */
export const MAX_JUMPS_PER_STEP = 4096;

/** Past the mode the PMF falls at least geometrically, so stopping below 2^-60 loses less than one ulp of 1. */
const TAIL_PMF = 2 ** -60;

/**
 * CDF of Poisson(mean) at 0, 1, 2, …, with the last entry set to exactly 1 (it takes the leftover tail), so
 * any u in (0, 1) finds a count. PMFs are computed in log space: e^{−mean} underflows for a mean above ~745
 * and the table must still be right there.
 * @param mean expected count per step (λ·dt), ≥ 0; 0 gives the table [1] (never a jump).
 */
export function poissonCdfTable(mean: number): Float64Array {
  if (!(mean > 0)) return Float64Array.of(1);
  const logMean = log(mean);
  const cdf: number[] = [];
  let logFactorial = 0;
  let sum = 0;
  for (let k = 0; k <= MAX_JUMPS_PER_STEP; k++) {
    if (k > 0) logFactorial += log(k);
    const pmf = exp(k * logMean - mean - logFactorial);
    // Rounding can carry the running sum a few ulps past 1; capped, the table stays non-decreasing, and once
    // it is 1 no later count is reachable (u < 1).
    sum = Math.min(sum + pmf, 1);
    cdf.push(sum);
    if (sum === 1 || (k >= mean && pmf < TAIL_PMF)) break;
  }
  cdf[cdf.length - 1] = 1;
  return Float64Array.from(cdf);
}

/**
 * The smallest k with u ≤ CDF(k): an exact inversion. k = 0 is tested first because at realistic intensities
 * (λ·dt ~ 1e-4) nearly every step has no jump; otherwise a binary search, so large means cost O(log k).
 * @param cdf a table from poissonCdfTable (non-decreasing, last entry 1)
 * @param u uniform in (0, 1)
 */
export function poissonFromUniform(cdf: Float64Array, u: number): number {
  // Indices below stay within [0, cdf.length − 1], so the reads are defined.
  if (u <= cdf[0]!) return 0;
  let lo = 1;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u <= cdf[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
