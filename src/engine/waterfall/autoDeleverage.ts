import { equityQuote, markedEquityUnits, realizedPnlUnits } from '../margin/accountMath';
import { UNITS_PER_QUOTE } from '../money/money';
import type { AdlClosePrice, AdlRanking, AdlSize } from '../params/riskParams';
import type { PathRng } from '../rng/pathRng';
import type { AccountBook } from '../sim/book/accountBook';
import { bearLoss } from './lossBearer';
import { ranksBefore } from './rankOrder';
import type { SettlementContext } from './settlementContext';

/**
 * `adl` (DESIGN.md §5): ranked opposite-side positions are closed at the bankrupt account's bankruptcy price until
 * the remainder is covered. The queue is ranked once per settlement round at that round's mark price, as venues
 * rank by mark (BitMEX's queue lights): in a crash step with thousands of bankruptcies every deficit then walks
 * the same queue instead of re-ranking the book.
 *  - pnl-leverage (BitMEX): score = PnL% × effective leverage when PnL% > 0, PnL% / leverage otherwise, with
 *    PnL% = side·(mark − entry)/entry and leverage = notional / equity at the mark; highest first, ties by index.
 *    Each deficit takes from the top of the queue.
 *  - random (dYdX v4): the queue in account order; each deficit starts at a random position and goes round.
 *  - hyperliquid (Hyperliquid docs, "Auto-deleveraging"): score = (mark / entry) × (notional / account value) for
 *    a long, (entry / mark) × (notional / account value) for a short; highest first, ties by index.
 * Only positions with equity > 0 at the mark are queued. Counterparty k loses contracts·|mark − bankruptcy|
 * against closing at the deficit's fill price (its mark), at most its equity there (ADL never makes a winner
 * bankrupt); what the queue cannot absorb is uncovered. Each loss is a whole number of units (≤ floor of its
 * capacity), so losses sum exactly to what is covered; contracts = loss / gap, the whole position when the loss
 * is its full size-capacity.
 * Options (DESIGN.md §5): `size` `full` closes each counterparty's whole position (the contracts beyond those
 * needed at the mark: they lose the position, not money); `closePrice` `mark` closes the counterparties at the
 * mark, so they lose no money and the remainder stays uncovered (on Hyperliquid it falls on the vault). Either way
 * the profit closed out of winners is tallied (adlProfitClosedUnits): its excess over what had to be covered is
 * the ADL overshoot, as Chitra et al. measure it for 10 Oct 2025 (production budget − needed).
 */
export interface AdlOptions {
  ranking: AdlRanking;
  size: AdlSize;
  closePrice: AdlClosePrice;
}

export class AdlQueue {
  readonly order: Int32Array;
  private readonly score: Float64Array;
  count = 0;
  /** pnl-leverage: positions before this one are closed. */
  private cursor = 0;

  /**
   * Ranked queues are ordered lazily: order[0..ranked) is in rank order, the rest waits in a max-heap
   * (heap[0..heapSize)) and is popped as deleverage walks past `ranked`. A round usually takes a few winners off
   * the top of thousands, and sorting them all was most of an ADL path's time (the fund ladder reruns exactly
   * those paths). Pops come out in the same total order a full sort gives (rankOrder.ts), so nothing else changes.
   */
  private readonly heap: Int32Array;
  private heapSize = 0;
  private ranked = 0;

  constructor(capacity: number) {
    this.order = new Int32Array(capacity);
    this.score = new Float64Array(capacity);
    this.heap = new Int32Array(capacity);
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
      } else if (ranking === 'hyperliquid') {
        const priceRatio = side > 0 ? mark / book.entryPrice[j]! : book.entryPrice[j]! / mark;
        this.score[j] = priceRatio * ((book.sizeBase[j]! * mark) / equity);
      }
      count++;
    }
    this.count = count;
    this.cursor = 0;
    if (ranking === 'random') {
      this.ranked = count;
      return;
    }
    this.heap.set(this.order.subarray(0, count));
    this.heapSize = count;
    this.ranked = 0;
    for (let i = (count >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** The account at rank i (0 = first), taking it off the heap if not yet ranked. */
  private rankedAt(i: number): number {
    while (this.ranked <= i) {
      const heap = this.heap;
      this.order[this.ranked++] = heap[0]!;
      heap[0] = heap[--this.heapSize]!;
      this.siftDown(0);
    }
    return this.order[i]!;
  }

  private siftDown(at: number): void {
    const heap = this.heap;
    const n = this.heapSize;
    const score = this.score;
    let i = at;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) return;
      const right = left + 1;
      const child = right < n && ranksBefore(heap[right]!, heap[left]!, score) ? right : left;
      if (!ranksBefore(heap[child]!, heap[i]!, score)) return;
      const swap = heap[i]!;
      heap[i] = heap[child]!;
      heap[child] = swap;
      i = child;
    }
  }

  /**
   * Covers one deficit's remainder from the queue; returns what could not be covered. `bankruptAccount` only
   * labels the events.
   */
  deleverage(
    ctx: SettlementContext,
    deficit: { remainderUnits: number; bankruptcyPrice: number; markPrice: number },
    options: AdlOptions,
    rng: PathRng,
    bankruptAccount: number,
  ): number {
    const { book, tally } = ctx;
    const mark = deficit.markPrice;
    const gap = Math.abs(mark - deficit.bankruptcyPrice);
    let remaining = deficit.remainderUnits;
    if (!(gap > 0) || this.count === 0) return remaining;
    tally.adlNeededUnits += remaining;
    const random = options.ranking === 'random';
    const atMark = options.closePrice === 'mark';
    let borne = 0;
    const start = random ? rng.nextInt(this.count) : this.cursor;
    const visits = random ? this.count : this.count - this.cursor;
    for (let v = 0; v < visits && remaining > 0; v++) {
      const at = random ? (start + v) % this.count : start + v;
      const j = random ? this.order[at]! : this.rankedAt(at);
      if (book.open[j] === 0) {
        if (!random && at === this.cursor) this.cursor++;
        continue;
      }
      const size = book.sizeBase[j]!;
      const sizeCapacity = Math.floor(size * gap * UNITS_PER_QUOTE);
      const equityUnits = markedEquityUnits(book.side[j]!, size, book.entryPrice[j]!, book.collateralUnits[j]!, mark);
      const capacity = Math.min(sizeCapacity, equityUnits);
      if (capacity <= 0) continue;
      const loss = Math.min(remaining, capacity);
      const needed = loss === sizeCapacity ? size : Math.min(size, loss / UNITS_PER_QUOTE / gap);
      const contracts = options.size === 'full' ? size : needed;
      // Realized at the mark, then the loss: together the close at the bankruptcy price.
      const realizedUnits = realizedPnlUnits(book.side[j]!, contracts, book.entryPrice[j]!, mark);
      book.touch(j);
      book.collateralUnits[j]! += realizedUnits;
      if (realizedUnits > 0) tally.adlProfitClosedUnits += realizedUnits;
      if (!atMark) {
        bearLoss(ctx, j, loss, equityUnits);
        borne += loss;
      }
      tally.adlNotionalQuote += contracts * mark;
      ctx.onEvent?.({
        kind: 'adl',
        step: ctx.step,
        account: j,
        bankruptAccount,
        contracts,
        bankruptcyPrice: deficit.bankruptcyPrice,
        markPrice: mark,
        lossQuote: atMark ? 0 : loss / UNITS_PER_QUOTE,
        profitClosedQuote: Math.max(0, realizedUnits) / UNITS_PER_QUOTE,
        coveredQuote: loss / UNITS_PER_QUOTE,
      });
      remaining -= loss;
      if (contracts === size) {
        book.open[j] = 0;
        book.sizeBase[j] = 0;
        if (!random && at === this.cursor) this.cursor++;
      } else {
        book.sizeBase[j] = size - contracts;
        ctx.changed(j);
      }
    }
    return deficit.remainderUnits - borne;
  }
}
