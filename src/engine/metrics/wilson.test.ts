import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilsonInterval, Z95 } from './wilson';

describe('wilsonInterval worked examples (z = 1.96)', () => {
  it.each([
    { successes: 0, n: 10, lo: 0, hi: 0.2775 },
    { successes: 10, n: 10, lo: 0.7225, hi: 1 },
    { successes: 5, n: 10, lo: 0.2366, hi: 0.7634 },
    { successes: 1, n: 10, lo: 0.0179, hi: 0.4042 },
    { successes: 50, n: 1000, lo: 0.0381, hi: 0.0653 },
    { successes: 0, n: 1, lo: 0, hi: 0.7935 },
  ])('$successes / $n → [$lo, $hi]', ({ successes, n, lo, hi }) => {
    const [l, h] = wilsonInterval(successes, n);
    expect(l).toBeCloseTo(lo, 4);
    expect(h).toBeCloseTo(hi, 4);
  });

  it('is exactly 0 at no successes and exactly 1 at all successes', () => {
    for (const n of [1, 7, 10, 1000, 123_457]) {
      expect(wilsonInterval(0, n)[0]).toBe(0);
      expect(wilsonInterval(n, n)[1]).toBe(1);
    }
  });

  it('uses z = Φ⁻¹(0.975) by default and honours another z', () => {
    expect(Z95).toBeCloseTo(1.96, 2);
    expect(wilsonInterval(3, 10)).toEqual(wilsonInterval(3, 10, Z95));
    expect(wilsonInterval(3, 10, 0)).toEqual([0.3, 0.3]);
    const [lo99, hi99] = wilsonInterval(3, 10, 2.5758293035489);
    const [lo95, hi95] = wilsonInterval(3, 10);
    expect(lo99).toBeLessThan(lo95);
    expect(hi99).toBeGreaterThan(hi95);
  });

  it.each([
    { name: 'zero paths', successes: 0, n: 0 },
    { name: 'more successes than paths', successes: 11, n: 10 },
    { name: 'negative successes', successes: -1, n: 10 },
    { name: 'fractional successes', successes: 1.5, n: 10 },
    { name: 'NaN n', successes: 0, n: Number.NaN },
  ])('refuses $name', ({ successes, n }) => {
    expect(() => wilsonInterval(successes, n)).toThrow();
  });

  it('refuses a negative or non-finite z', () => {
    expect(() => wilsonInterval(1, 10, -1)).toThrow(/z/);
    expect(() => wilsonInterval(1, 10, Infinity)).toThrow(/z/);
  });
});

describe('wilsonInterval properties', () => {
  const counts = fc.integer({ min: 1, max: 2 ** 40 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it('lies in [0, 1], is finite and contains the point estimate', () => {
    fc.assert(
      fc.property(counts, ([successes, n]) => {
        const [lo, hi] = wilsonInterval(successes, n);
        expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBeLessThanOrEqual(successes / n);
        expect(hi).toBeGreaterThanOrEqual(successes / n);
      }),
    );
  });

  it('is symmetric: successes ↔ failures mirrors the interval', () => {
    fc.assert(
      fc.property(counts, ([successes, n]) => {
        const [lo, hi] = wilsonInterval(successes, n);
        const [mlo, mhi] = wilsonInterval(n - successes, n);
        expect(lo).toBeCloseTo(1 - mhi, 12);
        expect(hi).toBeCloseTo(1 - mlo, 12);
      }),
    );
  });
});
