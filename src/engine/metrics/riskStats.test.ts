import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { riskStats, tailCount, type RiskStats } from './riskStats';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('tailCount: k = max(1, ⌈(1 − α)·n⌉)', () => {
  it.each([
    { n: 100, level: 0.95, k: 5 }, // float (1 − 0.95)·100 = 5.000000000000004 must not become 6
    { n: 100, level: 0.99, k: 1 },
    { n: 101, level: 0.95, k: 6 },
    { n: 1000, level: 0.95, k: 50 },
    { n: 200, level: 0.99, k: 2 },
    { n: 19, level: 0.95, k: 1 },
    { n: 1, level: 0.99, k: 1 },
    { n: 3, level: 0.5, k: 2 },
  ])('n = $n, α = $level → k = $k', ({ n, level, k }) => {
    expect(tailCount(n, level)).toBe(k);
  });

  it.each([
    { n: 0, level: 0.95 },
    { n: 10, level: 1 },
    { n: 10, level: 0 },
    { n: 2.5, level: 0.95 },
  ])('refuses n = $n, α = $level', ({ n, level }) => {
    expect(() => tailCount(n, level)).toThrow();
  });
});

describe('riskStats worked examples', () => {
  it.each<{ name: string; values: number[]; stats: RiskStats }>([
    { name: '1..100', values: range(1, 100), stats: { mean: 50.5, var95: 96, es95: 98, var99: 100, es99: 100, max: 100 } },
    // k95 = 50: VaR = 951, ES = mean(951..1000); k99 = 10: VaR = 991, ES = mean(991..1000).
    { name: '1..1000', values: range(1, 1000), stats: { mean: 500.5, var95: 951, es95: 975.5, var99: 991, es99: 995.5, max: 1000 } },
    // k95 = ⌈1.05⌉ = 2.
    { name: '1..21', values: range(1, 21), stats: { mean: 11, var95: 20, es95: 20.5, var99: 21, es99: 21, max: 21 } },
    { name: 'one path', values: [7], stats: { mean: 7, var95: 7, es95: 7, var99: 7, es99: 7, max: 7 } },
    { name: 'mostly zero, unsorted', values: [0, 0, 10, 0, 0, 0, 0, 0, 0, 0], stats: { mean: 1, var95: 10, es95: 10, var99: 10, es99: 10, max: 10 } },
    { name: 'all zero', values: [0, 0, 0], stats: { mean: 0, var95: 0, es95: 0, var99: 0, es99: 0, max: 0 } },
    { name: 'negative values', values: [-5, -1, -3], stats: { mean: -3, var95: -1, es95: -1, var99: -1, es99: -1, max: -1 } },
    // Naive (0.1 + 0.1 + 0.1) / 3 is 0.10000000000000002.
    { name: 'identical tenths', values: [0.1, 0.1, 0.1], stats: { mean: 0.1, var95: 0.1, es95: 0.1, var99: 0.1, es99: 0.1, max: 0.1 } },
  ])('$name', ({ values, stats }) => {
    expect(riskStats(values)).toEqual(stats);
    expect(riskStats(Float64Array.from(values))).toEqual(stats);
  });

  it.each([
    { name: 'zero paths', values: [] as number[], message: /zero paths/ },
    { name: 'NaN', values: [1, Number.NaN], message: /path 1 is not finite/ },
    { name: '-Infinity', values: [-Infinity, 1], message: /path 0 is not finite/ },
  ])('refuses $name', ({ values, message }) => {
    expect(() => riskStats(values)).toThrow(message);
  });
});

describe('riskStats properties', () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it('var ≤ es ≤ max, var95 ≤ var99, es95 ≤ es99, min ≤ mean ≤ max, all finite', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 300 }), (values) => {
        const s = riskStats(values);
        for (const v of Object.values(s)) expect(Number.isFinite(v)).toBe(true);
        expect(s.var95).toBeLessThanOrEqual(s.es95);
        expect(s.var99).toBeLessThanOrEqual(s.es99);
        expect(s.es95).toBeLessThanOrEqual(s.max);
        expect(s.es99).toBeLessThanOrEqual(s.max);
        expect(s.var95).toBeLessThanOrEqual(s.var99);
        expect(s.es95).toBeLessThanOrEqual(s.es99);
        expect(s.mean).toBeLessThanOrEqual(s.max);
        expect(s.mean).toBeGreaterThanOrEqual(Math.min(...values));
        expect(s.max).toBe(Math.max(...values) + 0);
      }),
    );
  });

  it('matches the definition on integer losses (brute force)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 400 }), (values) => {
        const desc = [...values].sort((a, b) => b - a);
        const n = values.length;
        const expected = (tailFraction: number) => {
          const k = Math.max(1, Math.ceil(Math.round(tailFraction * n * 1e6) / 1e6));
          const tail = desc.slice(0, k);
          return { v: tail[k - 1], es: tail.reduce((a, b) => a + b, 0) / k };
        };
        const s = riskStats(values);
        const t95 = expected(0.05);
        const t99 = expected(0.01);
        expect(s.var95).toBe(t95.v);
        expect(s.es95).toBeCloseTo(t95.es, 6);
        expect(s.var99).toBe(t99.v);
        expect(s.es99).toBeCloseTo(t99.es, 6);
        expect(s.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / n, 6);
      }),
    );
  });

  it('does not depend on the order of the paths', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 100 }), (values) => {
        expect(riskStats([...values].reverse())).toEqual(riskStats(values));
      }),
    );
  });
});
