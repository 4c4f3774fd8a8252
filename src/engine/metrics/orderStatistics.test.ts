import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketOrderStatistics, bucketScratch, hasNegativeZero, selectOrderStatistics } from './orderStatistics';
import { DEFAULT_FAN_QUANTILES, fanBands, quantileSorted } from './fanBands';

/** Ascending, distinct indices drawn from [0, n). */
const ranksOf = (n: number) => fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: Math.min(n, 12) }).map((ks) => [...ks].sort((a, b) => a - b));

/** Values with many ties (a small alphabet) or spread out, lengths across the insertion-sort cut-off. */
const arrays = fc.oneof(
  fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 300 }),
  fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)), { minLength: 1, maxLength: 300 }),
);

describe('selectOrderStatistics', () => {
  it('puts at each requested index exactly the value a sort puts there, and keeps the same values', () => {
    fc.assert(
      fc.property(
        arrays.chain((values) => fc.record({ values: fc.constant(values), ks: ranksOf(values.length) })),
        ({ values, ks }) => {
          const a = Float64Array.from(values);
          const sorted = Float64Array.from(values).sort();
          selectOrderStatistics(a, ks);
          for (const k of ks) expect(a[k]).toBe(sorted[k]);
          expect(Float64Array.from(a).sort()).toEqual(sorted);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles sorted, reverse-sorted and constant input of a fan column’s size', () => {
    const n = 1000;
    const ks = [49, 50, 249, 250, 499, 500, 749, 750, 949, 950];
    for (const make of [(i: number) => i, (i: number) => n - i, () => 7]) {
      const a = Float64Array.from({ length: n }, (_, i) => make(i));
      const sorted = Float64Array.from(a).sort();
      selectOrderStatistics(a, ks);
      for (const k of ks) expect(a[k]).toBe(sorted[k]);
    }
  });

  it('finds a −0', () => {
    expect(hasNegativeZero(Float64Array.from([1, 0, 2]))).toBe(false);
    expect(hasNegativeZero(Float64Array.from([1, -0, 2]))).toBe(true);
  });
});

describe('bucketOrderStatistics', () => {
  /** Heavy tails, mostly-zero losses, huge outliers that crowd every other value into one bucket, the float extremes. */
  const columns = fc.oneof(
    arrays,
    fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e3, noNaN: true }), fc.double({ min: 1e3, max: 1e12, noNaN: true })), { minLength: 1, maxLength: 1200 }),
    fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(1e15, -1e15, 1e-300)), { minLength: 1, maxLength: 1200 }),
    fc.array(fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, 0, 1, Number.MIN_VALUE), { minLength: 1, maxLength: 300 }),
  );

  it('writes at each requested index exactly the value a sort puts there, and leaves the input alone', () => {
    const scratch = bucketScratch(1200); // shared across cases, as fanBands shares it across points
    fc.assert(
      fc.property(
        columns.map((values) => values.map((v) => (Object.is(v, -0) ? 0 : v))).chain((values) => fc.record({ values: fc.constant(values), ks: ranksOf(values.length) })),
        ({ values, ks }) => {
          const a = Float64Array.from(values);
          const sorted = Float64Array.from(values).sort();
          const out = new Float64Array(a.length).fill(Number.NaN);
          bucketOrderStatistics(a, ks, out, scratch);
          for (const k of ks) expect(out[k]).toBe(sorted[k]);
          expect(a).toEqual(Float64Array.from(values));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the ten ranks of a fan column: a spread-out price, a loss that is mostly zeros, one outlier among equals', () => {
    const n = 1000;
    const ks = [49, 50, 249, 250, 499, 500, 749, 750, 949, 950];
    const scratch = bucketScratch(n);
    let state = 11;
    const uniform = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const price = Float64Array.from({ length: n }, () => 60_000 * Math.exp(0.05 * (uniform() - 0.5)) - (uniform() < 0.02 ? 20_000 : 0));
    const loss = Float64Array.from({ length: n }, () => (uniform() < 0.7 ? 0 : 1 / (1e-9 + uniform() ** 3)));
    const outlier = Float64Array.from({ length: n }, (_, i) => (i === 500 ? 1e300 : 3));
    for (const a of [price, loss, outlier]) {
      const sorted = Float64Array.from(a).sort();
      const out = new Float64Array(n);
      bucketOrderStatistics(a, ks, out, scratch);
      for (const k of ks) expect(out[k]).toBe(sorted[k]);
    }
  });
});

describe('fanBands by selection', () => {
  /** The bands as they were computed before selection: one full sort per point. */
  function sortedBands(series: Float64Array, paths: number, points: number): Float64Array[] {
    const bands = DEFAULT_FAN_QUANTILES.map(() => new Float64Array(points));
    const column = new Float64Array(paths);
    for (let j = 0; j < points; j++) {
      for (let p = 0; p < paths; p++) column[p] = series[p * points + j] as number;
      column.sort();
      DEFAULT_FAN_QUANTILES.forEach((q, k) => ((bands[k] as Float64Array)[j] = quantileSorted(column, q)));
    }
    return bands;
  }

  it('gives bit-identical bands to sorting each column, ties and zeros of both signs included', () => {
    const values = fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constantFrom(0, -0), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(
        // Up to 20 points: several blocks of POINT_BLOCK columns and a partial last one.
        fc.record({ paths: fc.integer({ min: 1, max: 300 }), points: fc.integer({ min: 1, max: 20 }) }).chain(({ paths, points }) =>
          fc.record({ paths: fc.constant(paths), points: fc.constant(points), values: fc.array(values, { minLength: paths * points, maxLength: paths * points }) }),
        ),
        ({ paths, points, values }) => {
          const series = Float64Array.from(values);
          const expected = sortedBands(series, paths, points);
          const { bands } = fanBands(series, paths, points);
          // toEqual on typed arrays compares element by element with Object.is: −0 and +0 differ.
          expect(bands).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
