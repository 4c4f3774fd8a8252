import type { SettlementContext } from './settlementContext';

/**
 * Debits a socialized loss (haircut or ADL loss) from a trader who was not liquidated and records who bore it.
 * `equityBeforeUnits` is the account's equity just before, for the "largest single haircut" measure.
 */
export function bearLoss(ctx: SettlementContext, j: number, lossUnits: number, equityBeforeUnits: number): void {
  const { book, tally, hitFlags } = ctx;
  book.touch(j);
  book.collateralUnits[j]! -= lossUnits;
  book.borneUnits[j]! += lossUnits;
  tally.socializedLossUnits += lossUnits;
  if (hitFlags[j] === 0) {
    hitFlags[j] = 1;
    tally.accountsHit += 1;
  }
  if (equityBeforeUnits > 0) tally.largestHaircutShare = Math.max(tally.largestHaircutShare, lossUnits / equityBeforeUnits);
}
