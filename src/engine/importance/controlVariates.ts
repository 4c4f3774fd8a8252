import { neumaierSum } from '../metrics/accurateSum';
import { Z95 } from '../metrics/wilson';
import type { Estimate } from './weightedEstimates';

/**
 * Control variates: per-path statistics g_k whose nominal means μ_k are known in closed form (the jump count, the
 * squared jump sizes, the squared sum of shocks: drawTiltedPath records them). The estimate of E[y] is
 *   ȳ − Σ_k β_k (ḡ_k − μ_k),  β = Cov(g)⁻¹ Cov(g, y) estimated from the same sample,
 * which is unbiased up to O(1/n) and whose variance is (1 − R²) times the plain one, R² the share of y's
 * variance the controls explain. With importance weights, pass y_i = w_i f_i and g_ik = w_i g_k(x_i): E_q[w g] =
 * E_p[g] = μ, so the same regression applies.
 */
export interface ControlledEstimate extends Estimate {
  /** Var(y) / Var(y − β·(g − μ)): how many times fewer paths the controlled estimate needs for the same interval. */
  varianceRatio: number;
  coefficients: number[];
}

export function controlVariateMean(y: Float64Array, controls: readonly Float64Array[], means: readonly number[]): ControlledEstimate {
  const n = y.length;
  const k = controls.length;
  if (means.length !== k) throw new Error(`controlVariateMean: ${k} controls but ${means.length} means`);
  if (n < k + 2) throw new Error(`controlVariateMean: ${n} paths are too few for ${k} controls`);
  for (const c of controls) if (c.length !== n) throw new Error(`controlVariateMean: a control has ${c.length} values for ${n} paths`);
  const mean = (v: Float64Array) => neumaierSum(v) / n;
  const yBar = mean(y);
  const gBar = controls.map(mean);
  const cov = (a: Float64Array, aBar: number, b: Float64Array, bBar: number) => {
    const terms = new Float64Array(n);
    for (let i = 0; i < n; i++) terms[i] = ((a[i] as number) - aBar) * ((b[i] as number) - bBar);
    return neumaierSum(terms) / (n - 1);
  };
  const matrix = controls.map((a, r) => controls.map((b, c) => cov(a, gBar[r]!, b, gBar[c]!)));
  const rhs = controls.map((a, r) => cov(a, gBar[r]!, y, yBar));
  const beta = solve(matrix, rhs);
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let r = y[i] as number;
    for (let j = 0; j < k; j++) r -= beta[j]! * ((controls[j]![i] as number) - means[j]!);
    residual[i] = r;
  }
  const estimate = mean(residual);
  const varY = cov(y, yBar, y, yBar);
  // The residual variance with k fitted coefficients: divisor n − 1 − k.
  const varResidual = (cov(residual, estimate, residual, estimate) * (n - 1)) / (n - 1 - k);
  const half = (Z95 * Math.sqrt(varResidual)) / Math.sqrt(n);
  return { estimate, ci95: [estimate - half, estimate + half], varianceRatio: varResidual > 0 ? varY / varResidual : Infinity, coefficients: beta };
}

/** Solves a small symmetric system by Gaussian elimination with partial pivoting; a singular one gets β = 0 there. */
function solve(matrix: number[][], rhs: number[]): number[] {
  const k = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    if (Math.abs(p) < 1e-300) continue;
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / p;
      for (let c = col; c <= k; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return a.map((row, i) => (Math.abs(row[i]!) < 1e-300 ? 0 : row[k]! / row[i]!));
}
