/** z for a two-sided 95% normal interval: Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion successes / n (e.g. P(socialized loss > 0) over paths):
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
 * Unlike the normal (Wald) interval it is not degenerate at 0 or n: 0/10 gives [0, 0.2775]. The bounds are
 * set exactly to 0 at successes = 0 and to 1 at successes = n (where the formula gives them up to rounding),
 * and always clamped to [0, 1] and to contain p̂.
 * Throws for n < 1 (no paths), non-integer counts, successes outside [0, n], or z < 0 (or so large that z² overflows).
 */
export function wilsonInterval(successes: number, n: number, z: number = Z95): [number, number] {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`wilsonInterval: n must be a positive integer, got ${n}`);
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > n) {
    throw new Error(`wilsonInterval: successes must be an integer in [0, ${n}], got ${successes}`);
  }
  if (!(z >= 0 && Number.isFinite(z * z))) throw new Error(`wilsonInterval: z must be ≥ 0 with z² finite, got ${z}`);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const lo = successes === 0 ? 0 : Math.min(p, Math.max(0, centre - half));
  const hi = successes === n ? 1 : Math.max(p, Math.min(1, centre + half));
  return [lo, hi];
}
