import { accurateMean } from './accurateSum';

/**
 * Tail statistics of a loss distribution over paths, one meaning everywhere (code, UI, CLI JSON, tests):
 *
 * - Sort the n values ascending: x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎.
 * - For a level α the tail count is k = max(1, ⌈(1 − α)·n⌉): the k largest values form the tail.
 * - VaR_α = x₍ₙ₋ₖ₎, the smallest value of the tail.
 * - ES_α  = the mean of the tail (the k largest values).
 * So VaR_α ≤ ES_α ≤ max, and with n = 100 the 95% tail is the 5 largest values.
 */
export interface RiskStats {
  mean: number;
  var95: number;
  var99: number;
  es95: number;
  es99: number;
  max: number;
}

const PPM = 1_000_000;

/**
 * k = max(1, ⌈(1 − α)·n⌉), computed in exact integer arithmetic with α resolved to a millionth: in floats
 * (1 − 0.95)·100 is 5.000000000000004, whose ceiling would wrongly be 6.
 */
export function tailCount(n: number, level: number): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`tailCount: n must be a positive integer, got ${n}`);
  if (!(level > 0 && level < 1)) throw new Error(`tailCount: level must lie in (0, 1), got ${level}`);
  const tailPpm = Math.round((1 - level) * PPM);
  const product = n * tailPpm;
  if (!Number.isSafeInteger(product)) throw new Error(`tailCount: n = ${n} is too large`);
  const remainder = product % PPM;
  const k = (product - remainder) / PPM + (remainder > 0 ? 1 : 0);
  return Math.min(n, Math.max(1, k));
}

/** Value-at-risk and expected shortfall at `level` of ascending `sorted` values (definitions above). */
export function tailStats(sorted: Float64Array, level: number): { valueAtRisk: number; expectedShortfall: number } {
  const n = sorted.length;
  const k = tailCount(n, level);
  // accurateMean clamps to [sorted[n − k], sorted[n − 1]], so VaR ≤ ES ≤ max holds exactly.
  return { valueAtRisk: (sorted[n - k] as number) + 0, expectedShortfall: accurateMean(sorted, n - k, n) };
}

/**
 * Mean, VaR and ES at 95% and 99%, and max of values over paths (in whatever unit they are given).
 * Throws an Error for no values or a non-finite value, so every output is finite; −0 is reported as 0.
 */
export function riskStats(values: Float64Array | number[]): RiskStats {
  const n = values.length;
  if (n === 0) throw new Error('riskStats: no values (zero paths)');
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) throw new Error(`riskStats: value at path ${i} is not finite (${x})`);
    sorted[i] = x;
  }
  sorted.sort();
  const t95 = tailStats(sorted, 0.95);
  const t99 = tailStats(sorted, 0.99);
  return {
    mean: accurateMean(sorted),
    var95: t95.valueAtRisk,
    var99: t99.valueAtRisk,
    es95: t95.expectedShortfall,
    es99: t99.expectedShortfall,
    max: (sorted[n - 1] as number) + 0,
  };
}
