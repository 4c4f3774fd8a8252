/**
 * The frontier's static order: account indices by key descending, ties in the order given. It is the order of
 * `members.sort((a, b) => keys[b] - keys[a] || a - b)` for ascending `members`, found by a stable
 * least-significant-digit radix sort on the keys' bits instead. That comparator sort was a third of building a
 * simulator at 10k accounts (issue 20: building is on every run's critical path, before its first partial
 * summary), while the radix sort is a few passes over the members.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LOW_WORD = LITTLE_ENDIAN ? 0 : 1;
const HIGH_WORD = LITTLE_ENDIAN ? 1 : 0;

/**
 * `members` (indices into `keys`) ordered by keys[j] descending; equal keys, −0 and +0 included, keep their
 * order in `members`. Keys may be ±Infinity; a NaN key throws (no order would be defined for it).
 */
export function orderByKeyDescending(keys: Float64Array, members: Int32Array): Int32Array {
  const n = members.length;
  // Each key becomes two 32-bit words whose unsigned order, high word first, is the keys' descending order.
  let high = new Uint32Array(n);
  let low = new Uint32Array(n);
  let order = Int32Array.from(members);
  const slot = new Float64Array(1);
  const words = new Uint32Array(slot.buffer);
  for (let i = 0; i < n; i++) {
    const key = keys[members[i]!]!;
    if (key !== key) throw new RangeError(`orderByKeyDescending: the key of account ${members[i]} is NaN`);
    slot[0] = key + 0; // −0 + 0 is +0: the two zeros compare equal, so they must sort as one value
    const h = words[HIGH_WORD]!;
    const l = words[LOW_WORD]!;
    // Ascending order of IEEE doubles as unsigned bits: negatives all flipped, positives with the sign set.
    // Descending is the complement of that: negatives as they are, positives with every bit but the sign flipped.
    if (h >>> 31 === 1) {
      high[i] = h;
      low[i] = l;
    } else {
      high[i] = (h ^ 0x7fffffff) >>> 0;
      low[i] = ~l >>> 0;
    }
  }

  // One histogram per byte, all in one pass; a byte that every key shares needs no pass.
  const counts = new Int32Array(8 * 256);
  for (let i = 0; i < n; i++) {
    const l = low[i]!;
    const h = high[i]!;
    counts[l & 0xff]!++;
    counts[256 + ((l >>> 8) & 0xff)]!++;
    counts[512 + ((l >>> 16) & 0xff)]!++;
    counts[768 + (l >>> 24)]!++;
    counts[1024 + (h & 0xff)]!++;
    counts[1280 + ((h >>> 8) & 0xff)]!++;
    counts[1536 + ((h >>> 16) & 0xff)]!++;
    counts[1792 + (h >>> 24)]!++;
  }

  let nextHigh = new Uint32Array(n);
  let nextLow = new Uint32Array(n);
  let nextOrder = new Int32Array(n);
  const start = new Int32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const base = pass * 256;
    let shared = false;
    let at = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[base + b]!;
      if (c === n) shared = true;
      start[b] = at;
      at += c;
    }
    if (shared) continue;
    const fromHigh = pass >= 4;
    const shift = (pass & 3) * 8;
    for (let i = 0; i < n; i++) {
      const digit = ((fromHigh ? high[i]! : low[i]!) >>> shift) & 0xff;
      const to = start[digit]!++;
      nextHigh[to] = high[i]!;
      nextLow[to] = low[i]!;
      nextOrder[to] = order[i]!;
    }
    [high, nextHigh] = [nextHigh, high];
    [low, nextLow] = [nextLow, low];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}
