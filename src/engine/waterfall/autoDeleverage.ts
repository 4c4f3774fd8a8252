import { equityQuote } from '../margin/accountMath';
import { UNITS_PER_QUOTE } from '../money/money';
import type { AdlRanking } from '../params/riskParams';
import type { PathRng } from '../rng/pathRng';
import type { AccountBook } from '../sim/accountBook';
import type { PathEventListener } from '../sim/pathEvents';
import type { PathTally } from '../sim/pathTally';
import { bearLoss } from './lossBearer';

export interface AdlEvent {
  /** Side of the bankrupt position (+1 long): its opposite side is deleveraged. */
  side: number;
  remainderUnits: number;
  bankruptcyPrice: number;
  /** Price the bankrupt position closed at: the mark the ADL loss is measured from. */
  markPrice: number;
}

/**
 * `adl`: closes ranked opposite-side positions at the bankrupt account's bankruptcy price until the remainder is
 * covered (DESIGN.md §5). Each counterparty k loses contracts·|mark − bankruptcy| against closing at the mark;
 * it can lose at most its equity at the mark (the ADL never makes a winner bankrupt), and what the opposite side
 * cannot absorb is uncovered.
 *  - pnl-leverage (BitMEX): score = PnL% × effective leverage when PnL% > 0, PnL% / leverage otherwise, with
 *    PnL% = side·(mark − entry)/entry and leverage = notional / equity at the mark; highest first, ties by index.
 *  - random (dYdX): the opposite side in index order from a random starting account, cyclically.
 * Rounding: each loss is a whole number of units (≤ floor of its capacity), so losses sum exactly to what is
 * covered; contracts = loss / gap, the whole position when the loss is its full size-capacity.
 */
export function autoDeleverage(
  book: AccountBook,
  tally: PathTally,
  hitFlags: Uint8Array,
  event: AdlEvent,
  ranking: AdlRanking,
  rng: PathRng,
  scratch: { index: Int32Array; score: Float64Array },
  changed: (j: number) => void,
  onEvent: PathEventListener | null = null,
  step = 0,
  bankruptAccount = -1,
): void {
  const mark = event.markPrice;
  const gap = Math.abs(mark - event.bankruptcyPrice);
  let remaining = event.remainderUnits;
  let count = 0;
  if (gap > 0) {
    for (let j = 0; j < book.count; j++) {
      if (book.open[j] === 0 || book.side[j] !== -event.side) continue;
      const equity = equityQuote(book.side[j]!, book.sizeBase[j]!, book.entryPrice[j]!, book.collateralUnits[j]!, mark);
      if (!(equity > 0)) continue;
      scratch.index[count] = j;
      if (ranking === 'pnl-leverage') {
        const pnlShare = (book.side[j]! * (mark - book.entryPrice[j]!)) / book.entryPrice[j]!;
        const leverage = (book.sizeBase[j]! * mark) / equity;
        scratch.score[count] = pnlShare > 0 ? pnlShare * leverage : pnlShare / leverage;
      }
      count++;
    }
  }
  const order = Array.from({ length: count }, (_, k) => k);
  if (ranking === 'pnl-leverage') {
    const { score, index } = scratch;
    order.sort((a, b) => score[b]! - score[a]! || index[a]! - index[b]!);
  } else if (count > 0) {
    const start = rng.nextInt(count);
    order.push(...order.splice(0, start));
  }
  for (const k of order) {
    const j = scratch.index[k]!;
    if (remaining === 0) break;
    const size = book.sizeBase[j]!;
    const sizeCapacity = Math.floor(size * gap * UNITS_PER_QUOTE);
    const pnlUnitsFloat = book.side[j]! * size * (mark - book.entryPrice[j]!) * UNITS_PER_QUOTE;
    const equityUnits = Math.floor(book.collateralUnits[j]! + pnlUnitsFloat);
    const capacity = Math.min(sizeCapacity, equityUnits);
    if (capacity <= 0) continue;
    const loss = Math.min(remaining, capacity);
    const contracts = loss === sizeCapacity ? size : Math.min(size, loss / UNITS_PER_QUOTE / gap);
    // Realized at the mark, then the loss: together the close at the bankruptcy price.
    const realizedUnits = Math.floor(book.side[j]! * contracts * (mark - book.entryPrice[j]!) * UNITS_PER_QUOTE);
    book.touch(j);
    book.collateralUnits[j]! += realizedUnits;
    bearLoss(book, tally, hitFlags, j, loss, equityUnits);
    tally.adlNotionalQuote += contracts * mark;
    onEvent?.({ kind: 'adl', step, account: j, bankruptAccount, contracts, bankruptcyPrice: event.bankruptcyPrice, markPrice: mark, lossQuote: loss / UNITS_PER_QUOTE });
    remaining -= loss;
    if (contracts === size) {
      book.open[j] = 0;
      book.sizeBase[j] = 0;
    } else {
      book.sizeBase[j] = size - contracts;
      changed(j);
    }
  }
  tally.uncoveredUnits += remaining;
}
