import { allocateProRata } from '../money/allocateProRata';
import { markedEquityUnits } from '../margin/accountMath';
import { UNITS_PER_QUOTE } from '../money/money';
import { bearLoss } from './lossBearer';
import type { SettlementContext } from './settlementContext';

/**
 * Weights of an open-interest split: each position's size in micro-base units (rounded; coarser for huge books), scaled up by a whole
 * factor when their sum is below the amount, so every share is a whole number of money units and the split is
 * exact (largest remainders). Shared by the production and the reference engine as a definition.
 */
export function sizeWeights(sizes: ArrayLike<number>, amountUnits: number, out: Float64Array): void {
  let sizeTotal = 0;
  for (let k = 0; k < sizes.length; k++) sizeTotal += sizes[k]!;
  // Micro-base units, or coarser when that would leave safe integers (sizes up to 10^12 are valid).
  const unit = Math.min(1e6, 2 ** 50 / sizeTotal);
  let total = 0;
  for (let k = 0; k < sizes.length; k++) {
    out[k] = Math.max(1, Math.round(sizes[k]! * unit));
    total += out[k]!;
  }
  if (total >= amountUnits) return;
  const factor = Math.ceil(amountUnits / total);
  for (let k = 0; k < sizes.length; k++) out[k]! *= factor;
}

/**
 * `socialize` with base `open-interest` (Drift: a bankruptcy is spread over the open interest through a
 * cumulative funding adjustment): the remainders of short bankruptcies are paid by every open long, those of
 * long bankruptcies by every open short, pro rata to position size, winners and losers alike. A position with no
 * profit loses equity; one pushed under maintenance is reported through `changed` and liquidated by the loop.
 * Uncovered only when the paying side has no open position.
 */
export function socializeOpenInterest(ctx: SettlementContext, remainderPaidByLongs: number, remainderPaidByShorts: number, price: number): void {
  const { book, tally, scratch } = ctx;
  for (const payingSide of [1, -1]) {
    const amount = payingSide > 0 ? remainderPaidByLongs : remainderPaidByShorts;
    if (amount === 0) continue;
    let count = 0;
    for (let j = 0; j < book.count; j++) {
      if (book.open[j] === 0 || book.side[j] !== payingSide) continue;
      scratch.index[count] = j;
      scratch.share[count] = book.sizeBase[j]!;
      count++;
    }
    if (count === 0) {
      tally.uncoveredUnits += amount;
      continue;
    }
    const weights = scratch.profit.subarray(0, count);
    sizeWeights(scratch.share.subarray(0, count), amount, weights);
    const shares = scratch.share.subarray(0, count);
    allocateProRata(amount, weights, shares);
    let largestAccount = -1;
    let largestUnits = 0;
    let cut = 0;
    for (let k = 0; k < count; k++) {
      const h = shares[k]!;
      if (h === 0) continue;
      const j = scratch.index[k]!;
      cut++;
      if (h > largestUnits) {
        largestUnits = h;
        largestAccount = j;
      }
      const equityBefore = markedEquityUnits(book.side[j]!, book.sizeBase[j]!, book.entryPrice[j]!, book.collateralUnits[j]!, price);
      bearLoss(ctx, j, h, equityBefore);
      ctx.changed(j);
    }
    ctx.onEvent?.({ kind: 'haircut', step: ctx.step, takenQuote: amount / UNITS_PER_QUOTE, profitQuote: 0, accounts: cut, largestAccount, largestQuote: largestUnits / UNITS_PER_QUOTE });
  }
}
