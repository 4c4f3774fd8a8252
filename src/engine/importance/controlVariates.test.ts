import { describe, expect, it } from 'vitest';
import { PathRng, RNG_STREAM } from '../rng/pathRng';
import { controlVariateMean } from './controlVariates';

function sample(n: number, seed: number) {
  const rng = new PathRng(seed, 0, RNG_STREAM.price);
  const g = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    g[i] = rng.nextNormal(); // known mean 0
    y[i] = 3 + 2 * g[i]! + 0.5 * rng.nextNormal(); // E[y] = 3, Var y = 4.25 of which 4 explained by g
  }
  return { g, y };
}

describe('controlVariateMean', () => {
  it('removes the variance the control explains: ratio ≈ Var y / residual = 4.25 / 0.25 = 17, estimate within its interval of 3', () => {
    const { g, y } = sample(20_000, 1);
    const result = controlVariateMean(y, [g], [0]);
    expect(result.coefficients[0]).toBeCloseTo(2, 1);
    expect(result.varianceRatio).toBeGreaterThan(15);
    expect(result.varianceRatio).toBeLessThan(19.5);
    expect(result.ci95[0]).toBeLessThan(3);
    expect(result.ci95[1]).toBeGreaterThan(3);
  });

  it('covers the truth at about its nominal rate over 200 seeds of 200 paths', () => {
    let covered = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { g, y } = sample(200, seed);
      const { ci95 } = controlVariateMean(y, [g], [0]);
      if (ci95[0] <= 3 && 3 <= ci95[1]) covered++;
    }
    // Binomial(200, 0.95) lies in [178, 198] with probability > 0.9999.
    expect(covered).toBeGreaterThanOrEqual(178);
    expect(covered).toBeLessThanOrEqual(198);
  });

  it('a useless control changes little (ratio ≈ 1)', () => {
    const { y } = sample(5_000, 2);
    const noise = sample(5_000, 3).g;
    expect(controlVariateMean(y, [noise], [0]).varianceRatio).toBeLessThan(1.01);
  });
});
