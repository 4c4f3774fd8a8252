import { equityQuote } from '../margin/accountMath';
import { UNITS_PER_QUOTE } from '../money/money';
import type { AdlRanking } from '../params/riskParams';
import type { PathRng } from '../rng/pathRng';
import type { AccountBook } from '../sim/accountBook';
import type { PathEventListener } from '../sim/pathEvents';
import type { PathTally } from '../sim/pathTally';
import { bearLoss } from './lossBearer';

/**
 * `adl` (DESIGN.md §5): ranked opposite-side positions are closed at the bankrupt account's bankruptcy price until
 * the remainder is covered. The queue is ranked once per settlement round at that round's mark price, as venues
 * rank by mark (BitMEX's queue lights): in a crash step with thousands of bankruptcies every deficit then walks
 * the same queue instead of re-ranking the book.
 *  - pnl-leverage (BitMEX): score = PnL% × effective leverage when PnL% > 0, PnL% / leverage otherwise, with
 *    PnL% = side·(mark − entry)/entry and leverage = notional / equity at the mark; highest first, ties by index.
 *    Each deficit takes from the top of the queue.
 *  - random (dYdX): the queue in account order; each deficit starts at a random position and goes round.
 * Only positions with equity > 0 at the mark are queued. Counterparty k loses contracts·|mark − bankruptcy|
 * against closing at the deficit's fill price (its mark), at most its equity there (ADL never makes a winner
 * bankrupt); what the queue cannot absorb is uncovered. Each loss is a whole number of units (≤ floor of its
 * capacity), so losses sum exactly to what is covered; contracts = loss / gap, the whole position when the loss
 * is its full size-capacity.
 */
export class AdlQueue {
  readonly order: Int32Array;
  private readonly score: Float64Array;
  count = 0;
  /** pnl-leverage: positions before this one are closed. */
  private cursor = 0;

  constructor(capacity: number) {
    this.order = new Int32Array(capacity);
    this.score = new Float64Array(capacity);
  }

  /** Ranks the open positions on `side` with equity > 0 at `mark`. */
  rank(book: AccountBook, side: number, mark: number, ranking: AdlRanking): void {
    let count = 0;
    for (let j = 0; j < book.count; j++) {
      if (book.open[j] === 0 || book.side[j] !== side) continue;
      const equity = equityQuote(side, book.sizeBase[j]!, book.entryPrice[j]!, book.collateralUnits[j]!, mark);
      if (!(equity > 0)) continue;
      this.order[count] = j;
      if (ranking === 'pnl-leverage') {
        const pnlShare = (side * (mark - book.entryPrice[j]!)) / book.entryPrice[j]!;
        const leverage = (book.sizeBase[j]! * mark) / equity;
        this.score[j] = pnlShare > 0 ? pnlShare * leverage : pnlShare / leverage;
      }
      count++;
    }
    this.count = count;
    this.cursor = 0;
    if (ranking === 'pnl-leverage') {
      const score = this.score;
      this.order.subarray(0, count).sort((a, b) => score[b]! - score[a]! || a - b);
    }
  }

  /**
   * Covers one deficit's remainder from the queue; returns what could not be covered. `bankruptAccount` and
   * `step` only label the events.
   */
  deleverage(
    book: AccountBook,
    tally: PathTally,
    hitFlags: Uint8Array,
    deficit: { remainderUnits: number; bankruptcyPrice: number; markPrice: number },
    ranking: AdlRanking,
    rng: PathRng,
    changed: (j: number) => void,
    onEvent: PathEventListener | null,
    step: number,
    bankruptAccount: number,
  ): number {
    const mark = deficit.markPrice;
    const gap = Math.abs(mark - deficit.bankruptcyPrice);
    let remaining = deficit.remainderUnits;
    if (!(gap > 0) || this.count === 0) return remaining;
    const random = ranking === 'random';
    const start = random ? rng.nextInt(this.count) : this.cursor;
    const visits = random ? this.count : this.count - this.cursor;
    for (let v = 0; v < visits && remaining > 0; v++) {
      const at = random ? (start + v) % this.count : start + v;
      const j = this.order[at]!;
      if (book.open[j] === 0) {
        if (!random && at === this.cursor) this.cursor++;
        continue;
      }
      const size = book.sizeBase[j]!;
      const sizeCapacity = Math.floor(size * gap * UNITS_PER_QUOTE);
      const equityUnits = Math.floor(book.collateralUnits[j]! + book.side[j]! * size * (mark - book.entryPrice[j]!) * UNITS_PER_QUOTE);
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
      onEvent?.({ kind: 'adl', step, account: j, bankruptAccount, contracts, bankruptcyPrice: deficit.bankruptcyPrice, markPrice: mark, lossQuote: loss / UNITS_PER_QUOTE });
      remaining -= loss;
      if (contracts === size) {
        book.open[j] = 0;
        book.sizeBase[j] = 0;
        if (!random && at === this.cursor) this.cursor++;
      } else {
        book.sizeBase[j] = size - contracts;
        changed(j);
      }
    }
    return remaining;
  }
}
