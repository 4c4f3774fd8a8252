import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riskStats } from '../metrics/riskStats';
import { effectiveSampleSize, weightedMean, weightedProbability, weightedTail } from './weightedEstimates';

const ones = (n: number) => new Float64Array(n).fill(1);

describe('with unit weights the estimators are the plain ones', () => {
  it('VaR and ES agree with riskStats when (1 − α)·n is whole', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 100, maxLength: 100 }), (raw) => {
        const values = Float64Array.from(raw);
        const plain = riskStats(values);
        const t95 = weightedTail(ones(100), values, 0.95);
        const t99 = weightedTail(ones(100), values, 0.99);
        expect(t95.valueAtRisk.estimate).toBe(plain.var95);
        expect(t99.valueAtRisk.estimate).toBe(plain.var99);
        expect(t95.expectedShortfall.estimate).toBeCloseTo(plain.es95, 6);
        expect(t99.expectedShortfall.estimate).toBeCloseTo(plain.es99, 6);
      }),
    );
  });

  it('the mean and probability are the sample mean and share', () => {
    const values = Float64Array.of(0, 0, 3, 0, 5);
    expect(weightedMean(ones(5), values).estimate).toBeCloseTo(1.6, 12);
    expect(weightedProbability(ones(5), values).estimate).toBeCloseTo(0.4, 12);
    expect(effectiveSampleSize(ones(5))).toBeCloseTo(5, 12);
  });
});

describe('weighted tails', () => {
  it('orders VaR interval ≤ point ≤ interval, and VaR ≤ ES', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0.01, max: 5, noNaN: true }), fc.integer({ min: 0, max: 1000 })), { minLength: 2, maxLength: 300 }),
        fc.constantFrom(0.9, 0.95, 0.99),
        (rows, level) => {
          const weights = Float64Array.from(rows, (r) => r[0]);
          const values = Float64Array.from(rows, (r) => r[1]);
          const { valueAtRisk, expectedShortfall } = weightedTail(weights, values, level);
          expect(valueAtRisk.ci95[0]).toBeLessThanOrEqual(valueAtRisk.estimate);
          expect(valueAtRisk.estimate).toBeLessThanOrEqual(valueAtRisk.ci95[1]);
          expect(valueAtRisk.estimate).toBeLessThanOrEqual(expectedShortfall.estimate);
          expect(expectedShortfall.ci95[0]).toBeLessThanOrEqual(expectedShortfall.estimate);
          expect(expectedShortfall.estimate).toBeLessThanOrEqual(expectedShortfall.ci95[1]);
        },
      ),
    );
  });

  it('a heavy weight moves VaR: one path of weight 2 among 100 at level 0.99 holds the whole tail', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i);
    const weights = ones(100);
    weights[50] = 2; // value 50 now carries 2 % of the mass
    weights[99] = 0; // the largest value carries none
    // Mass of values ≥ 98 is 1/100 ≥ 1 % ⇒ VaR99 = 98.
    expect(weightedTail(weights, values, 0.99).valueAtRisk.estimate).toBe(98);
  });
});

describe('weightedProbability', () => {
  it('with no hit gives [0, 3·max(w)/n] rather than a zero-width interval', () => {
    const weights = Float64Array.of(0.5, 2, 1, 1);
    expect(weightedProbability(weights, new Float64Array(4))).toEqual({ estimate: 0, ci95: [0, 1] });
    expect(weightedProbability(Float64Array.of(0.1, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1), new Float64Array(10)).ci95[1]).toBeCloseTo(0.06, 12);
  });

  it('refuses a negative or non-finite weight, naming the path', () => {
    expect(() => weightedProbability(Float64Array.of(1, -1), Float64Array.of(0, 1))).toThrow(/path 1/);
    expect(() => weightedMean(Float64Array.of(1, Infinity), Float64Array.of(0, 1))).toThrow(/path 1/);
  });
});

describe('effectiveSampleSize', () => {
  it('is 1 when one path carries every weight and n for equal weights', () => {
    expect(effectiveSampleSize(Float64Array.of(0, 0, 7, 0))).toBeCloseTo(1, 12);
    expect(effectiveSampleSize(new Float64Array(10).fill(0.3))).toBeCloseTo(10, 12);
  });
});
