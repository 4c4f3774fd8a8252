/**
 * Size decile 0..9 of each account by notional (9 = largest): rank by notional ascending, ties broken by index,
 * decile = floor(rank · 10 / count), so deciles differ in size by at most one account.
 *
 * Decile d starts at rank ceil(d · count / 10). Only an account whose notional equals the notional at one of
 * those nine boundary ranks needs its exact rank (to split ties by index); every other account's decile is the
 * number of boundary notionals below its own. One numeric sort, no comparator: fast at a million accounts.
 */
export function sizeDeciles(notionalQuote: Float64Array): Uint8Array {
  const count = notionalQuote.length;
  const deciles = new Uint8Array(count);
  if (count === 0) return deciles;
  const sorted = Float64Array.from(notionalQuote).sort();
  const boundary: number[] = [];
  for (let d = 1; d <= 9; d++) boundary.push(sorted[Math.min(count - 1, Math.ceil((d * count) / 10))] as number);
  // Ranks handed out so far to accounts whose notional is a boundary value: starts at its first rank.
  const nextRank = new Map<number, number>();
  for (const value of boundary) {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    nextRank.set(value, lo);
  }
  for (let i = 0; i < count; i++) {
    const value = notionalQuote[i] as number;
    const rank = nextRank.get(value);
    if (rank !== undefined) {
      nextRank.set(value, rank + 1);
      deciles[i] = Math.floor((rank * 10) / count);
    } else {
      let d = 0;
      while (d < 9 && (boundary[d] as number) < value) d++;
      deciles[i] = d;
    }
  }
  return deciles;
}
