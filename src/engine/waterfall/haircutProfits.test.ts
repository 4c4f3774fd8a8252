// Hand-worked profit haircuts (DESIGN.md §5): the remainder is taken from unrealized profits pro rata, whole
// units by largest remainder, capped at the total profit; the rest is uncovered.
import { describe, expect, it } from 'vitest';
import { haircutProfits } from './haircutProfits';
import { settlementOf, type AccountRow } from './testing/settlementBook';

const U = 1_000_000;
// At 110: a0 long 1 @100 has 10 quote of profit, a1 long 3 @100 has 30, a2 short 2 @100 loses 20, a3 long 1 @120 loses 10.
const BOOK: AccountRow[] = [
  [1, 1, 100, 50],
  [1, 3, 100, 50],
  [-1, 2, 100, 50],
  [1, 1, 120, 50],
];

describe('haircutProfits', () => {
  it.each([
    // remainder (units), haircut per account, uncovered
    [20 * U, [5 * U, 15 * U, 0, 0], 0], //                20 of 40 profit: ¼ and ¾
    [40 * U, [10 * U, 30 * U, 0, 0], 0], //               every profit taken
    [50 * U, [10 * U, 30 * U, 0, 0], 10 * U], //          capped at the 40 of profit, 10 uncovered
    [7, [2, 5, 0, 0], 0], //                              floors 1 (7·¼ = 1.75) and 5 (5.25); the spare unit goes to the larger remainder, .75
    [0, [0, 0, 0, 0], 0],
  ])('a remainder of %d units: haircuts %j, uncovered %d', (remainder, haircuts, uncovered) => {
    const { ctx, changed } = settlementOf(BOOK);
    haircutProfits(ctx, remainder, 110);
    expect([...ctx.book.borneUnits]).toEqual(haircuts);
    expect([...ctx.book.haircutTakenUnits]).toEqual(haircuts);
    expect([...ctx.book.collateralUnits]).toEqual(haircuts.map((h) => 50 * U - h));
    expect(ctx.tally.socializedLossUnits).toBe(remainder - uncovered);
    expect(ctx.tally.uncoveredUnits).toBe(uncovered);
    expect(changed).toEqual(haircuts.flatMap((h, j) => (h > 0 ? [j] : [])));
  });

  it('a second haircut takes only the profit beyond the first', () => {
    const { ctx } = settlementOf(BOOK);
    haircutProfits(ctx, 20 * U, 110); // a0 gives 5, a1 15: 5 and 15 of profit left
    haircutProfits(ctx, 30 * U, 110); // 20 left in all: a0 5, a1 15, and 10 uncovered
    expect([...ctx.book.haircutTakenUnits]).toEqual([10 * U, 30 * U, 0, 0]);
    expect(ctx.tally.uncoveredUnits).toBe(10 * U);
    expect(ctx.tally.accountsHit).toBe(2);
    // Largest share of equity taken: the first haircut takes a1's 15 of 80 (50 collateral + 30 profit) = 0.1875;
    // the second a0's 5 of 55 (45 + 10) = 0.0909 and a1's 15 of 65 (35 + 30) = 0.230769…, the largest.
    expect(ctx.tally.largestHaircutShare).toBeCloseTo(15 / 65, 12);
  });
});
