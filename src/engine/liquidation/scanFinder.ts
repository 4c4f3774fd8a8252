import type { FinderContext, LiquidationFinder } from './liquidationFinder';

/** The naive finder: every open account is checked at every look. O(accounts) per check. */
export function scanFinder(ctx: FinderContext): LiquidationFinder {
  const { book } = ctx;
  return {
    startPath() {},
    // The scan knows only by scanning.
    nothingAt: () => false,
    collect(price, inQueue, out) {
      let found = 0;
      for (let j = 0; j < book.count; j++) {
        if (book.open[j] === 1 && inQueue[j] === 0 && ctx.isLiquidatable(j, price)) out[found++] = j;
      }
      return found;
    },
    accountChanged() {},
    accountReleased() {},
  };
}
