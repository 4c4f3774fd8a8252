/**
 * Fitting a price process to an observed series (a tape's sub-steps or any equally spaced prices), pure.
 *
 * - GBM: closed-form maximum likelihood on the log returns r_1..r_n (dt = stepSeconds / 365 days):
 *   m = mean(r), s² = Σ(r − m)²/n; σ = s/√dt, μ = (m + s²/2)/dt. Standard errors from the Fisher information
 *   of the normal: se(m) = s/√n, se(s²) = s²·√(2/n), so se(σ) = σ/√(2n) and se(μ) = √(s²/n + s⁴/(2n))/dt.
 * - Merton jump diffusion: numerical maximum likelihood. One step's log return is a Poisson mixture of
 *   normals, Σ_k P(N = k; λdt) · φ(r; a + k·m_J, b² + k·s_J²), truncated where the Poisson tail is below
 *   1e-12 (at most 30 jumps a step). The likelihood is maximised by Nelder–Mead on standardised returns in
 *   unconstrained coordinates (a, log b, log λdt, m_J, log s_J), restarted until it stops improving; standard
 *   errors are the square roots of the inverse observed information (a central-difference Hessian of the
 *   negative log-likelihood at the optimum), carried to the scenario's fields by the delta method. The drift
 *   reported is the scenario's compensated driftAnnual: μ = a/dt + λk + σ²/2 with k = e^{m_J + s_J²/2} − 1.
 *   A series with no jumps in it has no information about the jump size: its standard errors come back null.
 */
import type { GbmScenario, JumpScenario } from '../params/riskParams';
import { SECONDS_PER_YEAR } from '../scenario/pathBase';
import { invert, nelderMead, numericHessian } from './nelderMead';
import { exp, log } from '../rng/fdlibmExpLog';
import { expm1 } from '../rng/fdlibmExpm1Log1p';

/** An estimate and its standard error (null when the likelihood is flat or singular in that direction). */
export interface Estimate {
  value: number;
  se: number | null;
}

export interface GbmFit {
  kind: 'gbm';
  driftAnnual: Estimate;
  volAnnual: Estimate;
  logLikelihood: number;
  returns: number;
}

export interface JumpFit {
  kind: 'jump';
  driftAnnual: Estimate;
  volAnnual: Estimate;
  jumpIntensityAnnual: Estimate;
  jumpMean: Estimate;
  jumpStdev: Estimate;
  logLikelihood: number;
  returns: number;
}

/** Log returns of consecutive prices; throws on fewer than 3 prices or a price that is not finite and > 0. */
export function logReturns(prices: ArrayLike<number>): Float64Array {
  if (prices.length < 3) throw new RangeError(`a fit needs at least 3 prices, got ${prices.length}`);
  const out = new Float64Array(prices.length - 1);
  for (let i = 1; i < prices.length; i++) {
    const a = prices[i - 1]!;
    const b = prices[i]!;
    if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) throw new RangeError(`price ${i} must be finite and > 0`);
    out[i - 1] = log(b / a);
  }
  return out;
}

function meanAndVariance(r: Float64Array): { m: number; s2: number } {
  let sum = 0;
  for (const x of r) sum += x;
  const m = sum / r.length;
  let ss = 0;
  for (const x of r) ss += (x - m) ** 2;
  return { m, s2: ss / r.length };
}

const LOG_2PI = log(2 * Math.PI);
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Maximum likelihood GBM with standard errors. @param stepSeconds seconds between two prices */
export function fitGbm(prices: ArrayLike<number>, stepSeconds: number): GbmFit {
  const r = logReturns(prices);
  const n = r.length;
  const dt = stepSeconds / SECONDS_PER_YEAR;
  const { m, s2 } = meanAndVariance(r);
  const sigma = Math.sqrt(s2 / dt);
  const logLikelihood = s2 > 0 ? -0.5 * n * (LOG_2PI + log(s2) + 1) : Infinity;
  return {
    kind: 'gbm',
    driftAnnual: { value: (m + s2 / 2) / dt, se: finiteOrNull(Math.sqrt(s2 / n + (s2 * s2) / (2 * n)) / dt) },
    volAnnual: { value: sigma, se: finiteOrNull(sigma / Math.sqrt(2 * n)) },
    logLikelihood,
    returns: n,
  };
}

const MAX_JUMPS = 30;

/** Negative log-likelihood of standardised returns z under the mixture with parameters θ. */
function jumpNegLogLik(z: Float64Array, theta: number[]): number {
  const [a, logB, logLam, mJ, logSJ] = theta as [number, number, number, number, number];
  const b2 = exp(2 * logB);
  const lam = exp(logLam);
  const sJ2 = exp(2 * logSJ);
  if (!(b2 > 1e-12 && lam < 50 && sJ2 < 1e6 && Number.isFinite(a + mJ))) return Infinity;
  // Poisson weights up to where the tail no longer matters.
  const logW: number[] = [];
  const means: number[] = [];
  const variances: number[] = [];
  let logP = -lam;
  let tail = 1 - exp(logP);
  for (let k = 0; k <= MAX_JUMPS; k++) {
    if (k > 0) {
      logP += log(lam) - log(k);
      tail -= exp(logP);
    }
    const v = b2 + k * sJ2;
    logW.push(logP - 0.5 * (LOG_2PI + log(v)));
    means.push(a + k * mJ);
    variances.push(v);
    if (k >= 1 && tail < 1e-12) break;
  }
  let total = 0;
  for (const x of z) {
    let best = -Infinity;
    for (let k = 0; k < logW.length; k++) {
      const e = logW[k]! - ((x - means[k]!) ** 2) / (2 * variances[k]!);
      if (e > best) best = e;
    }
    let sum = 0;
    for (let k = 0; k < logW.length; k++) sum += exp(logW[k]! - ((x - means[k]!) ** 2) / (2 * variances[k]!) - best);
    total -= best + log(sum);
  }
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Starting point from robust moments: the bulk's scale from the MAD, jumps = returns beyond 4 of it. */
function jumpStart(z: Float64Array): number[] {
  const zs = Array.from(z);
  const centre = median(zs);
  const scale = Math.max(1e-3, 1.4826 * median(zs.map((x) => Math.abs(x - centre))));
  const outliers = zs.filter((x) => Math.abs(x - centre) > 4 * scale);
  const count = Math.max(1, outliers.length);
  const mJ = outliers.length ? outliers.reduce((s, x) => s + x, 0) / outliers.length : 0;
  const sJ = outliers.length > 1 ? Math.sqrt(outliers.reduce((s, x) => s + (x - mJ) ** 2, 0) / outliers.length) : 3 * scale;
  return [centre, log(scale), log(count / zs.length), mJ - centre, log(Math.max(sJ, scale))];
}

/** Merton jump diffusion by maximum likelihood, with standard errors. @param stepSeconds seconds between prices */
export function fitJump(prices: ArrayLike<number>, stepSeconds: number): JumpFit {
  const r = logReturns(prices);
  const n = r.length;
  const dt = stepSeconds / SECONDS_PER_YEAR;
  const { m, s2 } = meanAndVariance(r);
  const s = Math.sqrt(s2) || 1;
  const z = r.map((x) => (x - m) / s);
  const f = (theta: number[]) => jumpNegLogLik(z, theta);
  let theta = jumpStart(z);
  let value = f(theta);
  for (let round = 0; round < 8; round++) {
    const next = nelderMead(f, theta, [0.1, 0.2, 0.5, 0.5, 0.3]);
    const nextValue = f(next);
    const improved = value - nextValue;
    theta = next;
    value = nextValue;
    if (!(improved > 1e-7)) break;
  }
  // The scenario's fields as a function of the optimiser's coordinates.
  const natural = (t: number[]): number[] => {
    const [a, logB, logLam, mJz, logSJ] = t as [number, number, number, number, number];
    const aStep = m + s * a;
    const b = s * exp(logB);
    const lambda = exp(logLam) / dt;
    const jumpMean = s * mJz;
    const jumpStdev = s * exp(logSJ);
    const sigma = b / Math.sqrt(dt);
    const k = expm1(jumpMean + 0.5 * jumpStdev * jumpStdev);
    return [aStep / dt + lambda * k + 0.5 * sigma * sigma, sigma, lambda, jumpMean, jumpStdev];
  };
  const best = natural(theta);
  const h = [1e-3, 1e-3, 1e-3, 1e-3, 1e-3];
  const cov = invert(numericHessian(f, theta, h));
  const ses: Array<number | null> = best.map(() => null);
  if (cov && cov.every((row, i) => row[i]! > 0)) {
    const J = best.map((_, i) =>
      theta.map((_, j) => {
        const up = [...theta];
        const down = [...theta];
        up[j]! += h[j]!;
        down[j]! -= h[j]!;
        return (natural(up)[i]! - natural(down)[i]!) / (2 * h[j]!);
      }),
    );
    for (let i = 0; i < best.length; i++) {
      let v = 0;
      for (let p = 0; p < theta.length; p++) for (let q = 0; q < theta.length; q++) v += J[i]![p]! * cov[p]![q]! * J[i]![q]!;
      ses[i] = v > 0 ? finiteOrNull(Math.sqrt(v)) : null;
    }
  }
  const est = (i: number): Estimate => ({ value: best[i]!, se: ses[i]! });
  return {
    kind: 'jump',
    driftAnnual: est(0),
    volAnnual: est(1),
    jumpIntensityAnnual: est(2),
    jumpMean: est(3),
    jumpStdev: est(4),
    logLikelihood: -(value + n * log(s)),
    returns: n,
  };
}

/** The fitted point estimates as a scenario for the parameters file. */
export function gbmScenarioOf(fit: GbmFit): GbmScenario {
  return { kind: 'gbm', driftAnnual: fit.driftAnnual.value, volAnnual: fit.volAnnual.value };
}

export function jumpScenarioOf(fit: JumpFit): JumpScenario {
  return {
    kind: 'jump',
    driftAnnual: fit.driftAnnual.value,
    volAnnual: fit.volAnnual.value,
    jumpIntensityAnnual: fit.jumpIntensityAnnual.value,
    jumpMean: fit.jumpMean.value,
    jumpStdev: fit.jumpStdev.value,
  };
}
