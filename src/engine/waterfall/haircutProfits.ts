import { allocateProRata } from '../money/allocateProRata';
import { realizedPnlUnits } from '../margin/accountMath';
import { UNITS_PER_QUOTE } from '../money/money';
import { bearLoss } from './lossBearer';
import { profitSideOrder, type SettlementContext } from './settlementContext';

/**
 * `socialize`: takes `remainderUnits` from the unrealized profits of all open accounts in profit at `price`,
 * pro rata to profit, capped at their total; what profits cannot cover is uncovered (DESIGN.md §5).
 * An account's profit is max(0, floor(unrealized PnL) − haircuts already taken), in whole units rounded down,
 * so a haircut never exceeds the profit it cuts. Calls `changed(j)` for every account cut.
 */
export function haircutProfits(ctx: SettlementContext, remainderUnits: number, price: number): void {
  const { book, tally, scratch } = ctx;
  let count = 0;
  let totalProfit = 0;
  const { open, side, entryPrice, sizeBase, haircutTakenUnits } = book;
  // A loser (or flat account) has no profit to cut: its realized PnL is at most 0 and haircuts taken are ≥ 0. So
  // only the accounts whose side gains at the price are read, in account order (written over as they are read).
  const candidates = profitSideOrder(ctx).collect(price, scratch.index);
  for (let k = 0; k < candidates; k++) {
    const j = scratch.index[k]!;
    if (open[j] === 0) continue;
    const pnlUnits = realizedPnlUnits(side[j]!, sizeBase[j]!, entryPrice[j]!, price);
    const profit = pnlUnits - haircutTakenUnits[j]!;
    if (profit > 0) {
      scratch.index[count] = j;
      scratch.profit[count] = profit;
      totalProfit += profit;
      count++;
    }
  }
  const taken = Math.min(remainderUnits, totalProfit);
  tally.uncoveredUnits += remainderUnits - taken;
  if (taken === 0) return;
  const profits = scratch.profit.subarray(0, count);
  const shares = scratch.share.subarray(0, count);
  allocateProRata(taken, profits, shares);
  let largestAccount = -1;
  let largestUnits = 0;
  let cut = 0;
  for (let k = 0; k < count; k++) {
    const h = shares[k]!;
    if (h === 0) continue;
    cut++;
    if (h > largestUnits) {
      largestUnits = h;
      largestAccount = scratch.index[k]!;
    }
    const j = scratch.index[k]!;
    const equityBefore = book.collateralUnits[j]! + profits[k]! + book.haircutTakenUnits[j]!;
    bearLoss(ctx, j, h, equityBefore);
    book.haircutTakenUnits[j]! += h;
    ctx.changed(j);
  }
  ctx.onEvent?.({
    kind: 'haircut', step: ctx.step, takenQuote: taken / UNITS_PER_QUOTE, profitQuote: totalProfit / UNITS_PER_QUOTE, accounts: cut,
    largestAccount, largestQuote: largestUnits / UNITS_PER_QUOTE,
  });
}
