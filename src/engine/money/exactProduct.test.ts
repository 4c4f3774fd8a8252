import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactProductDifference, exactProductDifferenceSplit, splitHigh } from './exactProduct';

// Integers whose products stay below 2^100, the documented domain (amounts and weights up to 2^50 units).
const factor = fc.integer({ min: 0, max: 2 ** 50 });
const positive = fc.integer({ min: 1, max: 2 ** 50 });

/** The pro-rata use: the remainder amount·w − share·total of share = floor(amount·w / total), from BigInt. */
function shareOf(a: number, b: number, d: number): { share: number; remainder: bigint } {
  const product = BigInt(a) * BigInt(b);
  const share = product / BigInt(d);
  return { share: Number(share), remainder: product - share * BigInt(d) };
}

describe('exactProductDifference', () => {
  it('is the exact remainder of a pro-rata share, as BigInt computes it', () => {
    fc.assert(
      fc.property(factor, factor, positive, (a, b, d) => {
        const { share, remainder } = shareOf(a, b, d);
        fc.pre(Number.isSafeInteger(share));
        expect(BigInt(exactProductDifference(a, b, share, d))).toBe(remainder);
      }),
    );
  });

  it('with the amount and the total split once gives the same remainder', () => {
    fc.assert(
      fc.property(factor, factor, positive, (a, b, d) => {
        const { share, remainder } = shareOf(a, b, d);
        fc.pre(Number.isSafeInteger(share));
        const ah = splitHigh(a);
        const dh = splitHigh(d);
        expect(BigInt(exactProductDifferenceSplit(a, ah, a - ah, b, share, d, dh, d - dh))).toBe(remainder);
      }),
    );
  });
});
