import type { AccountBook } from '../sim/book/accountBook';

/**
 * Finds the accounts to liquidate at a price. Two implementations give the same answer: `scanFinder` checks every
 * account (the naive O(accounts) per check) and `frontierFinder` walks sorted liquidation bounds (DESIGN.md §3).
 */
export interface LiquidationFinder {
  /** Called before each path, after the account book was reset. */
  startPath(): void;
  /**
   * Writes into `out`, in ascending account index, every open account with inQueue = 0 that is liquidatable at
   * `price`, and returns how many.
   */
  collect(price: number, inQueue: Uint8Array, out: Int32Array): number;
  /**
   * True only when `collect(price, …)` would find nothing whatever the queue (false when unsure): a small check the
   * simulator makes first, so a quiet step does not call the whole collect.
   */
  nothingAt(price: number): boolean;
  /** The account's size or collateral changed (its liquidation price moved). */
  accountChanged(j: number): void;
  /** The account left the liquidation queue still open (the price recovered before its turn). */
  accountReleased(j: number): void;
}

export type FinderKind = 'frontier' | 'scan';

export interface FinderContext {
  book: AccountBook;
  isLiquidatable(j: number, price: number): boolean;
}
