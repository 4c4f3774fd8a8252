/**
 * Which accounts' side is in profit at a price, listed in ascending account order without reading every account.
 * A long gains when the price is above its entry, a short when it is below; side and entry never change on a
 * path, so each side is sorted by entry once (longs ascending, shorts descending) and the accounts in profit at
 * any price are a prefix of each. The two prefixes are merged into account order through a bitmap, because the
 * pro-rata split breaks ties by position and must see the winners in account order, as a full scan gives them.
 * A haircut settles over the winners only, instead of branching on every account (the losers' unpredictable
 * branch was about a tenth of a haircut-heavy path).
 */
export class ProfitSideOrder {
  private readonly longs: Int32Array;
  private readonly longEntries: Float64Array;
  private readonly shorts: Int32Array;
  private readonly shortEntries: Float64Array;
  /** One bit per account, zero between calls. */
  private readonly words: Int32Array;

  constructor(side: ArrayLike<number>, entryPrice: ArrayLike<number>, count: number) {
    const longs: number[] = [];
    const shorts: number[] = [];
    for (let j = 0; j < count; j++) {
      if (side[j]! > 0) longs.push(j);
      else if (side[j]! < 0) shorts.push(j);
    }
    longs.sort((a, b) => entryPrice[a]! - entryPrice[b]! || a - b);
    shorts.sort((a, b) => entryPrice[b]! - entryPrice[a]! || a - b);
    this.longs = Int32Array.from(longs);
    this.longEntries = Float64Array.from(longs, (j) => entryPrice[j]!);
    this.shorts = Int32Array.from(shorts);
    this.shortEntries = Float64Array.from(shorts, (j) => entryPrice[j]!);
    this.words = new Int32Array((count + 31) >>> 5);
  }

  /**
   * Writes to `out`, in ascending order, every account whose side gains at `price` (side · (price − entry) > 0,
   * open or not), and returns how many.
   */
  collect(price: number, out: Int32Array): number {
    const words = this.words;
    let marked = false;
    for (let k = 0; k < this.longs.length && this.longEntries[k]! < price; k++) {
      const j = this.longs[k]!;
      words[j >>> 5]! |= 1 << (j & 31);
      marked = true;
    }
    for (let k = 0; k < this.shorts.length && this.shortEntries[k]! > price; k++) {
      const j = this.shorts[k]!;
      words[j >>> 5]! |= 1 << (j & 31);
      marked = true;
    }
    if (!marked) return 0;
    let m = 0;
    for (let w = 0; w < words.length; w++) {
      let bits = words[w]!;
      if (bits === 0) continue;
      words[w] = 0;
      const base = w << 5;
      while (bits !== 0) {
        const low = bits & -bits;
        out[m++] = base + 31 - Math.clz32(low);
        bits ^= low;
      }
    }
    return m;
  }
}
