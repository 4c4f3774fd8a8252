/**
 * Adds one unit to each of the `count` largest of `remainders[0..n)`, ties to the lower index: the
 * largest-remainder step of a pro-rata split, in linear time and without allocating on the hot path.
 *
 * Which entries get a unit is a set: the `count` first in the order (remainder descending, index ascending). So it
 * is enough to find the count-th largest remainder T (with multiplicity), give a unit to every remainder above T
 * and to the lowest-indexed remainders equal to T until `count` units are given — the same set a full sort picks.
 */
export function addUnitsToLargest(count: number, remainders: ArrayLike<number>, n: number, out: Float64Array): void {
  if (count <= 0) return;
  if (count > n) throw new RangeError(`addUnitsToLargest: ${count} units for ${n} entries`);
  // T without a sort: a histogram over [0, max] finds the bucket holding it, and only that bucket is sorted. The
  // bucket of v is floor(v·(BUCKETS/max)), which never decreases as v grows (float rounding is monotone), so every
  // remainder in a higher bucket is larger than T and gets its unit as the last pass meets it; only T's own bucket
  // is kept (in index order) to settle the rest. Three linear passes, few unpredictable branches.
  let max = 0;
  for (let i = 0; i < n; i++) if (remainders[i]! > max) max = remainders[i]!;
  if (max === 0) {
    // Every remainder is 0, so every one ties at the threshold 0: the lowest indices get the units.
    for (let i = 0; i < count; i++) out[i]! += 1;
    return;
  }
  if (work.length < n) work = new Float64Array(Math.max(n, 2 * work.length));
  if (memberIndex.length < n) memberIndex = new Int32Array(Math.max(n, 2 * memberIndex.length));
  const scale = BUCKETS / max;
  bucketCounts.fill(0);
  for (let i = 0; i < n; i++) bucketCounts[bucketOf(remainders[i]!, scale)]!++;
  let above = 0;
  let bucket = BUCKETS - 1;
  while (above + bucketCounts[bucket]! < count) above += bucketCounts[bucket--]!;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const b = bucketOf(remainders[i]!, scale);
    if (b > bucket) out[i]! += 1;
    else if (b === bucket) memberIndex[m++] = i;
  }
  for (let k = 0; k < m; k++) work[k] = remainders[memberIndex[k]!]!;
  const threshold = work.subarray(0, m).sort()[m - (count - above)]!;
  let given = above;
  for (let k = 0; k < m; k++) {
    const i = memberIndex[k]!;
    if (remainders[i]! > threshold) {
      out[i]! += 1;
      given++;
    }
  }
  for (let k = 0; k < m && given < count; k++) {
    const i = memberIndex[k]!;
    if (remainders[i] === threshold) {
      out[i]! += 1;
      given++;
    }
  }
}

/** Reused work buffers (the engine is single-threaded per worker and this function does not re-enter). */
let work = new Float64Array(0);
let memberIndex = new Int32Array(0);
const BUCKETS = 2048;
const bucketCounts = new Int32Array(BUCKETS);

function bucketOf(v: number, scale: number): number {
  const b = Math.floor(v * scale);
  return b < BUCKETS ? b : BUCKETS - 1;
}
