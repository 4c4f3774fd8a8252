import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByKeyDescending } from './orderByKey';

/** The order the frontier was built with before: a comparator sort, key descending, index ascending. */
function comparatorOrder(keys: Float64Array, members: Int32Array): number[] {
  return [...members].sort((a, b) => keys[b]! - keys[a]! || a - b);
}

// Few distinct values (many ties), both zeros, both infinities, subnormals and the extremes of the range.
const key = fc.oneof(
  fc.constantFrom(0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1),
  fc.integer({ min: -5, max: 5 }).map((k) => k * 0.5),
  fc.double({ noNaN: true }),
);

/** Keys for accounts 0..n−1 and an ascending subset of them as the members. */
const book = fc.array(fc.tuple(key, fc.boolean()), { maxLength: 400 }).map((rows) => {
  const keys = Float64Array.from(rows, ([k]) => k);
  const members = Int32Array.from(rows.flatMap(([, member], j) => (member ? [j] : [])));
  return { keys, members };
});

describe('orderByKeyDescending', () => {
  it('orders exactly as the comparator sort: key descending, ties by index', () => {
    fc.assert(
      fc.property(book, ({ keys, members }) => {
        expect([...orderByKeyDescending(keys, members)]).toEqual(comparatorOrder(keys, members));
      }),
      { numRuns: 500 },
    );
  });

  it('orders a 10k-account book of liquidation prices as the comparator sort does', () => {
    const keys = new Float64Array(10_000);
    let state = 7;
    for (let j = 0; j < keys.length; j++) {
      state = (state * 1103515245 + 12345) >>> 0;
      keys[j] = 60_000 * (0.5 + state / 2 ** 33) * (j % 3 === 0 ? -1 : 1);
    }
    keys[17] = keys[18]!; // a tie across accounts
    const members = Int32Array.from({ length: keys.length }, (_, j) => j).filter((j) => j % 7 !== 0);
    expect([...orderByKeyDescending(keys, members)]).toEqual(comparatorOrder(keys, members));
  });

  it('keeps the given order of tied members, and handles no members', () => {
    const keys = Float64Array.from([2, 2, 2, 1]);
    expect([...orderByKeyDescending(keys, Int32Array.from([2, 0, 3, 1]))]).toEqual([2, 0, 1, 3]);
    expect([...orderByKeyDescending(keys, new Int32Array(0))]).toEqual([]);
  });

  it('refuses a NaN key, naming the account', () => {
    expect(() => orderByKeyDescending(Float64Array.from([1, Number.NaN]), Int32Array.from([0, 1]))).toThrow(/account 1 is NaN/);
  });
});
