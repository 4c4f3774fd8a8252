import { boundSlack, longLiquidationBound, shortLiquidationBound } from '../margin/accountMath';
import type { MarginSchedule } from '../margin/marginSchedule';
import { AccountHeap } from '../sim/book/accountHeap';
import type { FinderContext, LiquidationFinder } from './liquidationFinder';
import { orderByKeyDescending } from './orderByKey';

/**
 * The sorted liquidation frontier (DESIGN.md §3). Each account has a price bound beyond which it may be
 * liquidatable (longs: below their bound, shorts: above). Bounds of the starting population are sorted once;
 * on a path a pointer per side walks past the bounds the price has crossed, so a step where nothing happens
 * costs two comparisons. Accounts whose state changes on the path (partial close, haircut, ADL) leave the
 * static order and live in a heap keyed by their new bound; accounts that were near their bound without being
 * liquidatable (within float slack, or between margin tiers) sit on a short watch list checked at each look.
 * Every candidate is decided by the same `isLiquidatable` the naive finder uses, so both return the same set.
 *
 * Keys are stored as "signed keys" so one max-heap serves both sides: a long is a candidate when
 * key > price, a short when −key > −price.
 */
export function frontierFinder(ctx: FinderContext, schedule: MarginSchedule): LiquidationFinder {
  const { book } = ctx;
  const n = book.count;
  // An account's signed key is written into keySlot[0] rather than returned: where a haircut re-keys thousands of
  // winners V8 does not inline the computation, and a double returned from a call that is not inlined is boxed on
  // the heap (one allocation per winner per haircut); writeKey returns nothing, so nothing is boxed.
  const keySlot = new Float64Array(1);
  const writeKey = (j: number): void => {
    const size = book.sizeBase[j]!;
    const entry = book.entryPrice[j]!;
    const collateral = book.collateralUnits[j]!;
    if (book.side[j]! > 0) {
      const bound = longLiquidationBound(schedule, size, entry, collateral);
      // A never-liquidatable account (bound −∞) keeps its infinite key: slack would make it NaN.
      keySlot[0] = Number.isFinite(bound) ? bound + boundSlack(size, entry, collateral, bound) : bound;
    } else {
      const bound = shortLiquidationBound(schedule, size, entry, collateral);
      keySlot[0] = Number.isFinite(bound) ? -(bound - boundSlack(size, entry, collateral, bound)) : -bound;
    }
  };
  const signedKey = (j: number): number => {
    writeKey(j);
    return keySlot[0]!;
  };

  // The static order is built from the starting population: the book is freshly reset when this runs.
  const buildOrder = (side: number) => {
    let count = 0;
    for (let j = 0; j < n; j++) if (book.side[j] === side) count++;
    const members = new Int32Array(count);
    const keys = new Float64Array(n);
    for (let j = 0, at = 0; j < n; j++) {
      if (book.side[j] !== side) continue;
      members[at++] = j;
      keys[j] = signedKey(j);
    }
    const order = orderByKeyDescending(keys, members);
    const sortedKeys = new Float64Array(count);
    for (let i = 0; i < count; i++) sortedKeys[i] = keys[order[i]!]!;
    return { order, keys: sortedKeys };
  };
  const longs = buildOrder(1);
  const shorts = buildOrder(-1);

  const dirty = new Uint8Array(n);
  const dirtyList = new Int32Array(n);
  let dirtyCount = 0;
  const version = new Uint32Array(n);
  const longHeap = new AccountHeap(n);
  const shortHeap = new AccountHeap(n);
  const watchFlag = new Uint8Array(n);
  const watch = new Int32Array(n);
  let watchCount = 0;
  const seenStamp = new Uint32Array(n);
  let stamp = 0;
  let longPointer = 0;
  let shortPointer = 0;

  const markDirty = (j: number) => {
    if (dirty[j] === 0) {
      dirty[j] = 1;
      dirtyList[dirtyCount++] = j;
    }
  };
  const addWatch = (j: number) => {
    markDirty(j);
    if (watchFlag[j] === 0) {
      watchFlag[j] = 1;
      watch[watchCount++] = j;
    }
  };

  // The state of the current look, shared with `consider` so the hot loop creates no closure per look.
  let lookPrice = 0;
  let lookInQueue: Uint8Array = new Uint8Array(0);
  let lookOut: Int32Array = new Int32Array(0);
  let found = 0;
  const consider = (j: number) => {
    if (seenStamp[j] === stamp) return;
    seenStamp[j] = stamp;
    if (book.open[j] === 0 || lookInQueue[j] === 1) return;
    if (ctx.isLiquidatable(j, lookPrice)) lookOut[found++] = j;
    else addWatch(j);
  };

  /** The common case on a quiet step: no bound crossed, nothing watched. */
  const nothingAt = (price: number): boolean =>
    watchCount === 0 &&
    !(longPointer < longs.order.length && longs.keys[longPointer]! > price) &&
    !(shortPointer < shorts.order.length && shorts.keys[shortPointer]! > -price) &&
    !(longHeap.topKey() > price) &&
    !(shortHeap.topKey() > -price);

  return {
    startPath() {
      for (let k = 0; k < dirtyCount; k++) {
        const j = dirtyList[k]!;
        dirty[j] = 0;
        watchFlag[j] = 0;
      }
      dirtyCount = 0;
      watchCount = 0;
      longHeap.clear();
      shortHeap.clear();
      longPointer = 0;
      shortPointer = 0;
    },

    nothingAt,

    collect(price, inQueue, out) {
      if (nothingAt(price)) return 0;
      stamp = (stamp + 1) >>> 0 || 1;
      lookPrice = price;
      lookInQueue = inQueue;
      lookOut = out;
      found = 0;
      while (longPointer < longs.order.length && longs.keys[longPointer]! > price) {
        const j = longs.order[longPointer++]!;
        if (dirty[j] === 0) consider(j);
      }
      while (shortPointer < shorts.order.length && shorts.keys[shortPointer]! > -price) {
        const j = shorts.order[shortPointer++]!;
        if (dirty[j] === 0) consider(j);
      }
      while (longHeap.size > 0 && longHeap.topKey() > price) {
        const j = longHeap.topId();
        const current = longHeap.topVersion() === version[j];
        longHeap.pop();
        if (current) consider(j);
      }
      while (shortHeap.size > 0 && shortHeap.topKey() > -price) {
        const j = shortHeap.topId();
        const current = shortHeap.topVersion() === version[j];
        shortHeap.pop();
        if (current) consider(j);
      }
      // Compacted in place: entries that leave the watch list are overwritten by the ones that stay.
      let kept = 0;
      for (let k = 0; k < watchCount; k++) {
        const j = watch[k]!;
        if (book.open[j] === 0) {
          watchFlag[j] = 0;
          continue;
        }
        if (inQueue[j] === 0 && seenStamp[j] !== stamp) {
          seenStamp[j] = stamp;
          if (ctx.isLiquidatable(j, price)) {
            out[found++] = j;
            watchFlag[j] = 0;
            continue;
          }
        }
        writeKey(j);
        const key = keySlot[0]!;
        const stillNear = book.side[j]! > 0 ? key > price : key > -price;
        if (stillNear || inQueue[j] === 1) watch[kept++] = j;
        else {
          watchFlag[j] = 0;
          (book.side[j]! > 0 ? longHeap : shortHeap).push(key, j, version[j]!);
        }
      }
      watchCount = kept;
      if (found > 1) out.subarray(0, found).sort();
      return found;
    },

    accountChanged(j) {
      markDirty(j);
      version[j] = (version[j]! + 1) >>> 0;
      if (book.open[j] === 1) {
        writeKey(j);
        (book.side[j]! > 0 ? longHeap : shortHeap).push(keySlot[0]!, j, version[j]!);
      }
    },

    accountReleased(j) {
      addWatch(j);
    },
  };
}
