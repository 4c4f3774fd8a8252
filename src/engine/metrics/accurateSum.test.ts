import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accurateMean, neumaierSum } from './accurateSum';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

describe('neumaierSum', () => {
  it.each([
    { name: 'recovers a small term between cancelling giants', values: [1e100, 1, -1e100], sum: 1 },
    { name: 'sums tenths without drift', values: Array<number>(10).fill(0.1), sum: 1 },
    { name: 'is 0 for nothing', values: [], sum: 0 },
    { name: 'sums a range only', values: [1e16, 1, 1, 1e16], sum: 2, start: 1, end: 3 },
  ])('$name', ({ values, sum, start, end }) => {
    expect(neumaierSum(values, start, end)).toBe(sum);
  });
});

describe('accurateMean', () => {
  it.each([
    // Naively (0.1 + 0.1 + 0.1) / 3 = 0.10000000000000002.
    { name: 'three tenths', values: [0.1, 0.1, 0.1], mean: 0.1 },
    // The sum 2^53 + 3 is not a double (it rounds to 2^53 + 4), so sum / n alone gives …332; the exact mean is
    // …331.67, nearest double …331.5, which the second pass recovers.
    { name: 'a mean whose sum is not representable', values: [2 ** 53, 1, 2], mean: 3002399751580331.5 },
    // Identical values: (3·x rounded) / 3 misses x by an ulp here.
    { name: 'three of −5.492019627147913', values: [-5.492019627147913, -5.492019627147913, -5.492019627147913], mean: -5.492019627147913 },
    { name: 'three of 4.677451620451334e-11', values: [4.677451620451334e-11, 4.677451620451334e-11, 4.677451620451334e-11], mean: 4.677451620451334e-11 },
    { name: 'integers 1..100', values: Array.from({ length: 100 }, (_, i) => i + 1), mean: 50.5 },
    { name: 'huge values do not overflow', values: [Number.MAX_VALUE, Number.MAX_VALUE], mean: Number.MAX_VALUE },
    { name: 'opposite giants', values: [-Number.MAX_VALUE, Number.MAX_VALUE], mean: 0 },
    { name: 'a sub-range', values: [100, 2, 4, 100], mean: 3, start: 1, end: 3 },
  ])('$name', ({ values, mean, start, end }) => {
    expect(accurateMean(values, start, end)).toBe(mean);
  });

  it('is exact for identical values', () => {
    fc.assert(
      fc.property(finite, fc.integer({ min: 1, max: 300 }), (x, n) => {
        expect(accurateMean(new Float64Array(n).fill(x))).toBe(x + 0);
      }),
    );
  });

  it('is exact for identical money-sized values', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e10, max: 1e10, noNaN: true }), fc.integer({ min: 2, max: 50 }), (x, n) => {
        expect(accurateMean(new Float64Array(n).fill(x))).toBe(x + 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('lies between the minimum and the maximum and is finite', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 60 }), (values) => {
        const mean = accurateMean(values);
        expect(Number.isFinite(mean)).toBe(true);
        expect(mean).toBeGreaterThanOrEqual(Math.min(...values));
        expect(mean).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });

  it.each([
    { name: 'no values', values: [] as number[], message: /no values/ },
    { name: 'NaN', values: [1, Number.NaN], message: /index 1 is not finite/ },
    { name: 'Infinity', values: [Infinity], message: /not finite/ },
  ])('refuses $name', ({ values, message }) => {
    expect(() => accurateMean(values)).toThrow(message);
  });
});
