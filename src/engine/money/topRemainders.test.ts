import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addUnitsToLargest } from './topRemainders';

/** Reference: sort every index by (remainder descending, index ascending) and give the first `count` a unit. */
function referenceUnits(count: number, remainders: number[]): number[] {
  const order = remainders.map((_, i) => i).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  const out = remainders.map(() => 0);
  for (let k = 0; k < count; k++) out[order[k]!]! += 1;
  return out;
}

function units(count: number, remainders: number[]): number[] {
  const out = new Float64Array(remainders.length);
  addUnitsToLargest(count, remainders, remainders.length, out);
  return Array.from(out);
}

// Few distinct values force ties, which is where the index rule matters.
const remaindersArb = fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.nat({ max: 2 ** 52 })), { minLength: 1, maxLength: 200 });

describe('addUnitsToLargest', () => {
  it.each([
    { name: 'largest remainders win', count: 2, remainders: [1, 5, 3, 4], expected: [0, 1, 0, 1] },
    { name: 'ties go to the lower index', count: 2, remainders: [2, 7, 7, 7], expected: [0, 1, 1, 0] },
    { name: 'all equal: the first ones', count: 3, remainders: [0, 0, 0, 0, 0], expected: [1, 1, 1, 0, 0] },
    { name: 'every entry', count: 3, remainders: [9, 1, 4], expected: [1, 1, 1] },
    { name: 'no units', count: 0, remainders: [9, 1, 4], expected: [0, 0, 0] },
  ])('$name', ({ count, remainders, expected }) => {
    expect(units(count, remainders)).toEqual(expected);
  });

  it('gives the same units as a full sort by (remainder desc, index asc)', () => {
    fc.assert(
      fc.property(remaindersArb, fc.double({ min: 0, max: 1, noNaN: true }), (remainders, fraction) => {
        const count = Math.floor(remainders.length * fraction);
        expect(units(count, remainders)).toEqual(referenceUnits(count, remainders));
      }),
      { numRuns: 2000 },
    );
  });

  it("stays exact on structured inputs (sorted, reversed, organ-pipe, one crowded bucket)", () => {
    const n = 5000;
    const shapes = [
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, (_, i) => n - i),
      Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
      Array.from({ length: n }, (_, i) => (i % 2 ? i : n - i)),
      // One huge value: every other remainder falls into the lowest bucket.
      Array.from({ length: n }, (_, i) => (i === 7 ? 2 ** 52 : i % 97)),
    ];
    for (const remainders of shapes) {
      for (const count of [1, 17, n >> 1, n - 1]) expect(units(count, remainders)).toEqual(referenceUnits(count, remainders));
    }
  });

  it('gives nothing extra when every remainder is zero', () => {
    expect(units(2, [0, 0, 0])).toEqual([1, 1, 0]);
  });

  it('refuses more units than entries', () => {
    expect(() => units(4, [1, 2, 3])).toThrow(RangeError);
  });
});
