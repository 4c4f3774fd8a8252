import type { AccountBook } from '../sim/book/accountBook';
import type { PathEventListener } from '../sim/book/pathEvents';
import type { PathTally } from '../sim/book/pathTally';
import { ProfitSideOrder } from './profitSideOrder';

/** Work arrays a settlement may overwrite (one slot per account, reused across settlements, never allocated there). */
export interface SettlementScratch {
  index: Int32Array;
  profit: Float64Array;
  share: Float64Array;
  /** The accounts by entry per side, built at the first haircut (runs without haircuts never sort them). */
  profitSide: ProfitSideOrder | null;
}

/**
 * What every loss mechanism works on during one path: the accounts, the path's tally, who has borne a loss, work
 * arrays, how to report an account whose margin changed (so the liquidation finder sees it again), and the
 * listener and step that label events. The path simulator owns one and keeps `step` and `onEvent` current.
 */
export interface SettlementContext {
  readonly book: AccountBook;
  readonly tally: PathTally;
  /** 1 for an account that has borne a socialized loss on this path (counted once in tally.accountsHit). */
  readonly hitFlags: Uint8Array;
  readonly scratch: SettlementScratch;
  /** Called for every account whose collateral a settlement changed. */
  readonly changed: (j: number) => void;
  onEvent: PathEventListener | null;
  step: number;
}

/** A context with scratch sized for `book` (tests and the path simulator). */
export function settlementContext(book: AccountBook, tally: PathTally, hitFlags: Uint8Array, changed: (j: number) => void): SettlementContext {
  const n = book.count;
  return {
    book,
    tally,
    hitFlags,
    scratch: { index: new Int32Array(n), profit: new Float64Array(n), share: new Float64Array(n), profitSide: null },
    changed,
    onEvent: null,
    step: 0,
  };
}

/** The context's winners-by-entry order, built on first use from the book (side and entry never change on a path). */
export function profitSideOrder(ctx: SettlementContext): ProfitSideOrder {
  const { scratch, book } = ctx;
  if (scratch.profitSide === null) scratch.profitSide = new ProfitSideOrder(book.side, book.entryPrice, book.count);
  return scratch.profitSide;
}
