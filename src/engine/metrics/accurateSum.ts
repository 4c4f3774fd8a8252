/**
 * Careful summation for the metrics. Money columns hold integer units (exact in float64 up to 2^53), but means
 * of quote floats, differences and shares are not integers, so every reduction here goes through Neumaier's
 * compensated sum (an improved Kahan sum: the running error term also catches the case where the next value is
 * larger than the running total).
 */

/** Neumaier-compensated sum of values[start..end). Inputs are assumed finite (callers check). */
export function neumaierSum(values: ArrayLike<number>, start = 0, end = values.length): number {
  let sum = 0;
  let compensation = 0;
  for (let i = start; i < end; i++) {
    const x = values[i] as number;
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** Above this magnitude the values are scaled down by an exact power of two so that no sum can overflow. */
const SCALE_ABOVE = 2 ** 960;
const SCALE_DOWN = 2 ** -64;

/**
 * Mean of values[start..end), refusing an empty range or a non-finite value with an Error.
 *
 * Corrected two-pass mean: m₀ = Σx / n (compensated), then m = m₀ + Σ(x − m₀) / n (compensated). The second
 * pass recovers the rounding of the first, so the mean of n identical values x is exactly x (x − m₀ is exact
 * when m₀ is within an ulp or two of x). The result is clamped to [min, max] of the range, where the exact mean
 * lies, so a last-bit rounding can never put a mean above the maximum; −0 is returned as 0. Values beyond 2^960 in magnitude are
 * scaled by 2^−64 (exact) before summing so no partial sum overflows.
 */
export function accurateMean(values: ArrayLike<number>, start = 0, end = values.length): number {
  const n = end - start;
  if (!(n >= 1)) throw new Error('accurateMean: no values (an empty range has no mean)');
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = start; i < end; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) throw new Error(`accurateMean: value at index ${i} is not finite (${x})`);
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const scale = Math.max(-lo, hi) > SCALE_ABOVE ? SCALE_DOWN : 1;
  let sum = 0;
  let comp = 0;
  for (let i = start; i < end; i++) {
    const x = (values[i] as number) * scale;
    const t = sum + x;
    comp += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  const firstMean = (sum + comp) / n;
  sum = 0;
  comp = 0;
  for (let i = start; i < end; i++) {
    const x = (values[i] as number) * scale - firstMean;
    const t = sum + x;
    comp += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  const mean = (firstMean + (sum + comp) / n) / scale;
  // `+ 0` turns −0 into 0, so a display never shows "−0".
  return Math.min(hi, Math.max(lo, mean)) + 0;
}
