import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PathRng, RNG_STREAM } from '../rng/pathRng';
import { MAX_JUMPS_PER_STEP, poissonCdfTable, poissonFromUniform } from './poissonTable';

const MEANS = [0, 1e-9, 1e-4, 0.5, 3, 31.7, 50, 800, 3000]; // expected jumps per step (λ·dt)
const uniform = fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true });

describe('poissonCdfTable', () => {
  it.each(MEANS)('mean %d: non-decreasing, ending at exactly 1', (mean) => {
    const cdf = poissonCdfTable(mean);
    for (let k = 1; k < cdf.length; k++) expect(cdf[k]!).toBeGreaterThanOrEqual(cdf[k - 1]!);
    expect(cdf[cdf.length - 1]).toBe(1);
    expect(cdf.length).toBeLessThanOrEqual(MAX_JUMPS_PER_STEP + 1);
  });

  it('starts at P(0) = e^−mean', () => {
    expect(poissonCdfTable(0.5)[0]).toBeCloseTo(Math.exp(-0.5), 15);
    expect(poissonCdfTable(1e-4)[0]).toBeCloseTo(Math.exp(-1e-4), 15);
  });

  // e^−800 underflows to 0: only a log-space computation gets the mass around the mode right.
  it('is right where e^−mean underflows (mean 800, P(800) ≈ 1/√(2π·800)·(1 − 1/9600))', () => {
    const cdf = poissonCdfTable(800);
    const pmfAtMode = cdf[800]! - cdf[799]!;
    const stirling = (1 / Math.sqrt(2 * Math.PI * 800)) * (1 - 1 / 9600);
    expect(Math.abs(pmfAtMode / stirling - 1)).toBeLessThan(1e-6);
  });

  it('is cut at MAX_JUMPS_PER_STEP for absurd means, so a step never loops without end', () => {
    const cdf = poissonCdfTable(1e6);
    expect(cdf).toHaveLength(MAX_JUMPS_PER_STEP + 1);
    expect(poissonFromUniform(cdf, 0.5)).toBe(MAX_JUMPS_PER_STEP);
  });
});

describe('poissonFromUniform', () => {
  it('is the exact inversion: the smallest k with u ≤ CDF(k)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MEANS), uniform, (mean, u) => {
        const cdf = poissonCdfTable(mean);
        const k = poissonFromUniform(cdf, u);
        expect(u).toBeLessThanOrEqual(cdf[k]!);
        if (k > 0) expect(u).toBeGreaterThan(cdf[k - 1]!);
      }),
    );
  });

  it.each([
    [1e-4, 400_000],
    [0.5, 100_000],
    [3, 100_000],
    [50, 50_000],
    [800, 50_000],
  ])('draws counts with mean and variance λ (λ = %d)', (mean, draws) => {
    const cdf = poissonCdfTable(mean);
    const rng = new PathRng(11, 0, RNG_STREAM.price);
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < draws; i++) {
      const k = poissonFromUniform(cdf, rng.nextFloat());
      sum += k;
      sumSq += k * k;
    }
    const sampleMean = sum / draws;
    const sampleVar = sumSq / draws - sampleMean * sampleMean;
    const meanTolerance = 5 * Math.sqrt(mean / draws);
    expect(Math.abs(sampleMean - mean)).toBeLessThan(meanTolerance);
    // Var of the sample variance of a Poisson ≈ (λ + 2λ²)/n.
    expect(Math.abs(sampleVar - mean)).toBeLessThan(5 * Math.sqrt((mean + 2 * mean * mean) / draws));
  });
});
