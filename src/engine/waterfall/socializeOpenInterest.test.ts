// Hand-worked open-interest socialization (Drift): a short's remainder is paid by every open long pro rata to
// size, winners and losers alike; uncovered only when the paying side has no open position.
import { describe, expect, it } from 'vitest';
import { sizeWeights, socializeOpenInterest } from './socializeOpenInterest';
import { settlementOf, type AccountRow } from './testing/settlementBook';

const U = 1_000_000;
// Longs a0 (1 base) and a1 (2 base, under water at 90), short a2 (3 base).
const BOOK: AccountRow[] = [
  [1, 1, 80, 50],
  [1, 2, 100, 50],
  [-1, 3, 100, 50],
];

describe('sizeWeights', () => {
  it.each([
    // sizes, amount, weights: micro-base units, scaled by ceil(amount / total) when the total is below it
    [[1, 2], 2_000_000, [1_000_000, 2_000_000]], //   3·10⁶ ≥ amount: unscaled
    [[1, 2], 9_000_000, [3_000_000, 6_000_000]], //   factor ceil(9/3) = 3
    [[0.5, 0.25], 1_000_000, [1_000_000, 500_000]], // 750,000 < 10⁶: factor ceil(1.33) = 2
    [[1e-9, 1], 10, [1, 1_000_000]], //               a dust position weighs at least 1
  ])('sizes %j for %d units: weights %j', (sizes, amount, weights) => {
    const out = new Float64Array(sizes.length);
    sizeWeights(sizes, amount, out);
    expect([...out]).toEqual(weights);
  });
});

describe('socializeOpenInterest', () => {
  it.each([
    // paid by longs, paid by shorts, loss per account, uncovered
    [9 * U, 0, [3 * U, 6 * U, 0], 0], //       longs pay 1 : 2, the losing a1 too
    [0, 4 * U, [0, 0, 4 * U], 0], //           the only short pays all
    [10, 0, [3, 7, 0], 0], //                  10·⅓ = 3.33, 10·⅔ = 6.67: the spare unit to a1's .67
  ])('longs pay %d, shorts %d: losses %j, uncovered %d', (byLongs, byShorts, losses, uncovered) => {
    const { ctx, changed } = settlementOf(BOOK);
    socializeOpenInterest(ctx, byLongs, byShorts, 90);
    expect([...ctx.book.borneUnits]).toEqual(losses);
    expect([...ctx.book.collateralUnits]).toEqual(losses.map((l) => 50 * U - l));
    expect(ctx.tally.socializedLossUnits).toBe(byLongs + byShorts - uncovered);
    expect(ctx.tally.uncoveredUnits).toBe(uncovered);
    expect(changed).toEqual(losses.flatMap((l, j) => (l > 0 ? [j] : [])));
  });

  it('leaves a remainder uncovered when no position of the paying side is open', () => {
    const { ctx } = settlementOf(BOOK);
    ctx.book.open[2] = 0; // the short was closed: nobody to pay for a long's bankruptcy
    socializeOpenInterest(ctx, 0, 5 * U, 90);
    expect(ctx.tally.uncoveredUnits).toBe(5 * U);
    expect(ctx.tally.socializedLossUnits).toBe(0);
    expect([...ctx.book.borneUnits]).toEqual([0, 0, 0]);
  });
});
