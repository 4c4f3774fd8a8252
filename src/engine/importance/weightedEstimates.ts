import { neumaierSum } from '../metrics/accurateSum';
import { Z95 } from '../metrics/wilson';

/**
 * Estimators over an importance sample: n paths drawn from the proposal q, path i with likelihood ratio
 * w_i = p/q. Every expectation under the nominal scenario p is estimated by the unnormalized mean
 * (1/n)·Σ w_i f(x_i), which is unbiased; its 95 % interval is the normal one from the sample standard deviation
 * of w_i f(x_i). With every w_i = 1 these are the plain Monte Carlo estimators.
 */
export interface Estimate {
  estimate: number;
  ci95: [number, number];
}

function checkSample(weights: ArrayLike<number>, values?: ArrayLike<number>): number {
  const n = weights.length;
  if (n === 0) throw new Error('importance estimate: no paths');
  if (values && values.length !== n) throw new Error(`importance estimate: ${values.length} values for ${n} weights`);
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    if (!(w >= 0 && Number.isFinite(w))) throw new Error(`importance estimate: weight of path ${i} must be finite and ≥ 0, got ${w}`);
    if (values && !Number.isFinite(values[i] as number)) throw new Error(`importance estimate: value of path ${i} is not finite`);
  }
  return n;
}

/** Mean and normal 95 % half-width of terms y_i (sample sd with divisor n − 1; 0 for n = 1). */
function meanAndHalfWidth(terms: Float64Array): { mean: number; half: number } {
  const n = terms.length;
  const mean = neumaierSum(terms) / n;
  if (n === 1) return { mean, half: 0 };
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = (terms[i] as number) - mean;
    squares[i] = e * e;
  }
  return { mean, half: (Z95 * Math.sqrt(neumaierSum(squares) / (n - 1))) / Math.sqrt(n) };
}

/**
 * E_p[f] for per-path values f(x_i): the weighted mean with its 95 % interval. `floor` clamps the interval
 * from below (0 for losses and probabilities, which cannot be negative).
 */
export function weightedMean(weights: ArrayLike<number>, values: ArrayLike<number>, floor = -Infinity): Estimate {
  const n = checkSample(weights, values);
  const terms = new Float64Array(n);
  for (let i = 0; i < n; i++) terms[i] = (weights[i] as number) * (values[i] as number);
  const { mean, half } = meanAndHalfWidth(terms);
  return { estimate: Math.max(floor, mean), ci95: [Math.max(floor, mean - half), Math.max(floor, mean + half)] };
}

/**
 * P_p(event) from per-path hits. With no hit the normal interval collapses to [0, 0], which would claim
 * certainty; then the upper bound is 3·max(w)/n instead, the rule of three scaled by the largest weight a hit
 * could have carried (3/n for plain sampling).
 */
export function weightedProbability(weights: ArrayLike<number>, hit: ArrayLike<number>): Estimate {
  const n = checkSample(weights, hit);
  const indicator = new Float64Array(n);
  let hits = 0;
  let maxWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    maxWeight = Math.max(maxWeight, w);
    if ((hit[i] as number) > 0) {
      indicator[i] = 1;
      hits++;
    }
  }
  const estimate = weightedMean(weights, indicator, 0);
  if (hits === 0) return { estimate: 0, ci95: [0, Math.min(1, (3 * maxWeight) / n)] };
  return { estimate: Math.min(1, estimate.estimate), ci95: [estimate.ci95[0], Math.min(1, estimate.ci95[1])] };
}

/** Effective sample size (Σw)² / Σw² (Kish): n when every weight is equal, small when a few weights dominate. */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  const n = checkSample(weights);
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) squares[i] = (weights[i] as number) ** 2;
  const sum = neumaierSum(weights);
  const sumSquares = neumaierSum(squares);
  return sumSquares > 0 ? (sum * sum) / sumSquares : 0;
}

export interface WeightedTail {
  valueAtRisk: Estimate;
  expectedShortfall: Estimate;
}

/**
 * VaR and ES at `level` of the loss distribution under p, from the weighted sample. The tail mass of a value v
 * is T(v) = (1/n)·Σ w_i·1{x_i ≥ v}.
 *  - VaR_α = the largest sample value v with T(v) ≥ 1 − α (with unit weights: the ⌈(1 − α)n⌉-th largest value,
 *    riskStats' definition); the smallest sample value when the whole weighted mass is below 1 − α.
 *  - ES_α = VaR_α + (1/(1 − α))·(1/n)·Σ w_i (x_i − VaR_α)⁺ (Rockafellar–Uryasev; with unit weights and
 *    (1 − α)n whole, the mean of the tail as in riskStats).
 *  - VaR interval: the values v whose T(v) is plausible at 95 %: from the largest v with T(v) − z·se ≥ 1 − α
 *    to the largest v with T(v) + z·se ≥ 1 − α (inverting the interval of the tail mass).
 *  - ES interval: normal, with the sd of w_i (x_i − VaR)⁺/(1 − α); VaR's own error enters ES only at second
 *    order, since ∂ES/∂VaR = 1 − T(VaR)/(1 − α) = 0 at the true VaR.
 */
export function weightedTail(weights: ArrayLike<number>, values: ArrayLike<number>, level: number): WeightedTail {
  const n = checkSample(weights, values);
  if (!(level > 0 && level < 1)) throw new Error(`importance estimate: level must lie in (0, 1), got ${level}`);
  // The tail share resolved to a millionth, as tailCount does: in floats 1 − 0.99 is 0.010000000000000009, and
  // 1 path in 100 would not reach it. Masses are compared as sum·10⁶ ≥ tailPpm·n, exact for unit weights.
  const tailPpm = Math.round((1 - level) * 1e6);
  const tail = tailPpm / 1e6;
  const reaches = (sumOfWeights: number) => sumOfWeights * 1e6 >= tailPpm * n;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[b] as number) - (values[a] as number));
  const smallest = values[order[n - 1]!] as number;
  let varPoint = smallest;
  let varLo = smallest;
  let varHi = smallest;
  let foundPoint = false;
  let foundLo = false;
  let foundHi = false;
  let sum = 0;
  let sumSquares = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    const w = weights[i] as number;
    sum += w;
    sumSquares += w * w;
    const v = values[i] as number;
    // Only at the last of equal values is T(v) the mass of everything ≥ v.
    if (r + 1 < n && (values[order[r + 1]!] as number) === v) continue;
    const mass = sum / n;
    const se = n > 1 ? Math.sqrt(Math.max(0, sumSquares / n - mass * mass) / (n - 1)) : 0;
    if (!foundHi && (reaches(sum) || mass + Z95 * se >= tail)) [varHi, foundHi] = [v, true];
    if (!foundPoint && reaches(sum)) [varPoint, foundPoint] = [v, true];
    if (!foundLo && reaches(sum) && mass - Z95 * se >= tail) [varLo, foundLo] = [v, true];
    if (foundLo) break;
  }
  const excess = new Float64Array(n);
  for (let i = 0; i < n; i++) excess[i] = ((weights[i] as number) * Math.max(0, (values[i] as number) - varPoint)) / tail;
  const { mean, half } = meanAndHalfWidth(excess);
  return {
    valueAtRisk: { estimate: varPoint, ci95: [varLo, varHi] },
    expectedShortfall: { estimate: varPoint + mean, ci95: [varPoint + Math.max(0, mean - half), varPoint + mean + half] },
  };
}
