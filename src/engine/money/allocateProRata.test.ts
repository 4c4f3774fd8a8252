import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateProRata, allocateProRataBig } from './allocateProRata';

function allocate(amount: number, weights: number[]): number[] {
  const out = new Float64Array(weights.length);
  allocateProRata(amount, weights, out);
  return Array.from(out);
}

/** Reference: largest remainder in BigInt, written out plainly. */
function referenceAllocation(amount: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (total === 0n) return weights.map(() => 0);
  const rows = weights.map((w, i) => {
    const p = BigInt(amount) * BigInt(w);
    return { i, share: p / total, rem: p % total };
  });
  let left = BigInt(amount) - rows.reduce((a, r) => a + r.share, 0n);
  const byRemainder = [...rows].sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const row of byRemainder) {
    if (left === 0n) break;
    row.share += 1n;
    left -= 1n;
  }
  return rows.map((r) => Number(r.share));
}

const weightsArb = fc.array(fc.oneof(fc.nat({ max: 1000 }), fc.nat({ max: 2 ** 40 }), fc.maxSafeNat()), { minLength: 1, maxLength: 30 });

describe('allocateProRata', () => {
  it.each([
    { name: 'even split', amount: 10, weights: [5, 5], expected: [5, 5] },
    { name: 'a third each, remainder to the first', amount: 10, weights: [10, 10, 10], expected: [4, 3, 3] },
    { name: 'largest remainder wins the unit', amount: 10, weights: [10, 20, 40], expected: [1, 3, 6] },
    { name: 'zero amount', amount: 0, weights: [5, 7], expected: [0, 0] },
    { name: 'whole total', amount: 12, weights: [5, 7], expected: [5, 7] },
    { name: 'zero weights get nothing', amount: 3, weights: [0, 4, 0], expected: [0, 3, 0] },
  ])('$name', ({ amount, weights, expected }) => {
    expect(allocate(amount, weights)).toEqual(expected);
  });

  it('sums exactly to the amount, never exceeds a weight, and equals the BigInt reference', () => {
    fc.assert(
      fc.property(weightsArb, fc.double({ min: 0, max: 1, noNaN: true }), (weights, fraction) => {
        const total = weights.reduce((a, b) => a + b, 0);
        fc.pre(Number.isSafeInteger(total));
        const amount = Math.floor(total * fraction);
        const shares = allocate(amount, weights);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
        shares.forEach((s, i) => {
          expect(Number.isInteger(s)).toBe(true);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(weights[i]!);
        });
        expect(shares).toEqual(referenceAllocation(amount, weights));
      }),
      { numRuns: 2000 },
    );
  });

  it('the BigInt path agrees with the float path', () => {
    fc.assert(
      fc.property(weightsArb, fc.double({ min: 0, max: 1, noNaN: true }), (weights, fraction) => {
        const total = weights.reduce((a, b) => a + b, 0);
        fc.pre(Number.isSafeInteger(total));
        const amount = Math.floor(total * fraction);
        const big = new Float64Array(weights.length);
        allocateProRataBig(amount, weights, big);
        expect(Array.from(big)).toEqual(allocate(amount, weights));
      }),
    );
  });

  it('refuses an amount above the total weight', () => {
    expect(() => allocate(11, [5, 5])).toThrow(RangeError);
    expect(() => allocateProRataBig(11, [5, 5], new Float64Array(2))).toThrow(RangeError);
  });

  it('gives nothing to anyone when every weight is zero (both paths)', () => {
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
    const big = new Float64Array(2).fill(7);
    allocateProRataBig(0, [0, 0], big);
    expect(Array.from(big)).toEqual([0, 0]);
  });
});
