import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_FAN_QUANTILES, fanBands, quantileSorted } from './fanBands';

/** numpy.quantile(x, q) (method 'linear', type 7), written out independently. */
function numpyQuantile(values: number[], q: number): number {
  const x = [...values].sort((a, b) => a - b);
  const pos = (x.length - 1) * q;
  const below = Math.floor(pos);
  const above = Math.min(below + 1, x.length - 1);
  return (x[below] as number) + (pos - below) * ((x[above] as number) - (x[below] as number));
}

describe('quantileSorted: type 7 (numpy default)', () => {
  it.each([
    { sorted: [1, 2, 3, 4], q: 0.5, value: 2.5 },
    { sorted: [1, 2, 3, 4], q: 0.25, value: 1.75 },
    { sorted: [1, 2, 3, 4], q: 0, value: 1 },
    { sorted: [1, 2, 3, 4], q: 1, value: 4 },
    { sorted: [1, 2, 3, 4, 5], q: 0.05, value: 1.2 },
    { sorted: [1, 2, 3, 4, 5], q: 0.95, value: 4.8 },
    { sorted: [10], q: 0.3, value: 10 },
    { sorted: [0, 0, 0, 100], q: 0.9, value: 70 },
  ])('Q($q) of $sorted = $value', ({ sorted, q, value }) => {
    expect(quantileSorted(sorted, q)).toBeCloseTo(value, 12);
  });

  it('refuses no values and q outside [0, 1]', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(/no values/);
    expect(() => quantileSorted([1], 1.5)).toThrow(/q must/);
    expect(() => quantileSorted([1], Number.NaN)).toThrow(/q must/);
  });
});

describe('fanBands', () => {
  it('reads the series row-major (path p, point j at p·points + j)', () => {
    // 5 paths × 2 points: point 0 is 1..5 across paths, point 1 is 50, 40, …, 10.
    const series = Float64Array.from([1, 50, 2, 40, 3, 30, 4, 20, 5, 10]);
    const fan = fanBands(series, 5, 2);
    expect(fan.quantiles).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
    const bands = fan.bands.map((band) => Array.from(band));
    const expected = [
      [1.2, 12],
      [2, 20],
      [3, 30],
      [4, 40],
      [4.8, 48],
    ];
    bands.forEach((band, k) => band.forEach((v, j) => expect(v).toBeCloseTo(expected[k]![j]!, 12)));
  });

  it('takes other quantiles in the order given', () => {
    const fan = fanBands(Float64Array.from([3, 1, 2]), 3, 1, [1, 0]);
    expect(fan.quantiles).toEqual([1, 0]);
    expect(fan.bands.map((b) => b[0])).toEqual([3, 1]);
  });

  it('gives empty bands for zero points', () => {
    expect(fanBands(new Float64Array(0), 4, 0).bands).toEqual(DEFAULT_FAN_QUANTILES.map(() => new Float64Array(0)));
  });

  it.each([
    { name: 'zero paths', series: new Float64Array(0), paths: 0, points: 3, message: /paths/ },
    { name: 'a length that is not paths·points', series: new Float64Array(5), paths: 2, points: 3, message: /expected paths·points = 6/ },
    { name: 'a non-finite value', series: Float64Array.from([0, 0, 0, Number.NaN]), paths: 2, points: 2, message: /path 1 at point 1/ },
  ])('refuses $name', ({ series, paths, points, message }) => {
    expect(() => fanBands(series, paths, points)).toThrow(message);
  });

  it('refuses a quantile outside [0, 1]', () => {
    expect(() => fanBands(new Float64Array(2), 2, 1, [0.5, 1.01])).toThrow(/quantile/);
  });

  const grid = fc
    .record({ paths: fc.integer({ min: 1, max: 40 }), points: fc.integer({ min: 1, max: 8 }) })
    .chain(({ paths, points }) =>
      fc.record({
        paths: fc.constant(paths),
        points: fc.constant(points),
        values: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: paths * points, maxLength: paths * points }),
      }),
    );

  it('bands are ordered q5 ≤ q25 ≤ q50 ≤ q75 ≤ q95 at every point', () => {
    fc.assert(
      fc.property(grid, ({ paths, points, values }) => {
        const { bands } = fanBands(Float64Array.from(values), paths, points);
        for (let j = 0; j < points; j++) {
          for (let k = 1; k < bands.length; k++) expect(bands[k]![j]).toBeGreaterThanOrEqual(bands[k - 1]![j]!);
        }
      }),
    );
  });

  it('agrees with numpy-style quantiles of each column', () => {
    fc.assert(
      fc.property(grid, ({ paths, points, values }) => {
        const { quantiles, bands } = fanBands(Float64Array.from(values), paths, points);
        for (let j = 0; j < points; j++) {
          const column = Array.from({ length: paths }, (_, p) => values[p * points + j] as number);
          quantiles.forEach((q, k) => expect(bands[k]![j]).toBeCloseTo(numpyQuantile(column, q), 6));
        }
      }),
    );
  });

  it('handles 1,000 paths × 145 points quickly', () => {
    const paths = 1000;
    const points = 145;
    const series = Float64Array.from({ length: paths * points }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
    const started = Date.now();
    const { bands } = fanBands(series, paths, points);
    expect(Date.now() - started).toBeLessThan(1000);
    const column = Array.from({ length: paths }, (_, p) => series[p * points + 77] as number);
    expect(bands[2]![77]).toBeCloseTo(numpyQuantile(column, 0.5), 12);
  });
});
