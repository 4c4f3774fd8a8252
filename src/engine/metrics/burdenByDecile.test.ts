import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { burdenByDecile } from './burdenByDecile';

describe('burdenByDecile', () => {
  it('turns sums over paths into mean quote per path and shares of the total', () => {
    // 2 paths; decile 0 bore 1 quote in total, decile 1 bore 3 quote.
    const units = Float64Array.from([1e6, 3e6, 0, 0, 0, 0, 0, 0, 0, 0]);
    const burden = burdenByDecile(units, 2);
    expect(burden.meanPerPathQuote).toEqual([0.5, 1.5, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(burden.share).toEqual([0.25, 0.75, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives shares of 0 (not NaN) when nothing was socialized', () => {
    const burden = burdenByDecile(new Float64Array(10), 7);
    expect(burden.share).toEqual(new Array(10).fill(0));
    expect(burden.meanPerPathQuote).toEqual(new Array(10).fill(0));
  });

  it.each([
    { name: 'zero paths', units: [1], paths: 0, message: /paths/ },
    { name: 'a negative loss', units: [1, -1], paths: 1, message: /decile 1/ },
    { name: 'NaN', units: [Number.NaN], paths: 1, message: /decile 0/ },
  ])('refuses $name', ({ units, paths, message }) => {
    expect(() => burdenByDecile(units, paths)).toThrow(message);
  });

  it('shares sum to 1 whenever there is a loss', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 10, maxLength: 10 }), fc.integer({ min: 1, max: 10_000 }), (units, paths) => {
        const burden = burdenByDecile(units, paths);
        const total = burden.share.reduce((a, b) => a + b, 0);
        if (units.some((u) => u > 0)) expect(total).toBeCloseTo(1, 12);
        else expect(total).toBe(0);
        for (const s of burden.share) expect(s >= 0 && s <= 1).toBe(true);
      }),
    );
  });
});
