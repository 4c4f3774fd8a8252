/**
 * Several order statistics of an array at once, without sorting it: after `selectOrderStatistics(a, ks)`, a[k] is
 * the value a full ascending sort would put at index k, for every k in ks. A fan band needs 10 order statistics
 * of 1,000 values per point; a multi-quickselect finds them in O(n) instead of the sort's O(n log n) — issue 20
 * measured the bands of a run's final summary at about 35 ms of the ~55 ms it costs, all on the run's critical path.
 *
 * The value at each selected index is exactly the sorted array's (an order statistic is a value, not a choice),
 * with one exception this module refuses to decide: −0 and +0 compare equal, so which of the two lands at an index
 * would depend on the algorithm, while Float64Array.prototype.sort puts −0 first. `hasNegativeZero` lets the
 * caller sort instead when a −0 is present.
 */

/** Below this many values a range is finished by insertion sort. */
const SMALL = 16;

/** True when `a` holds a −0 (then only a sort reproduces the sorted order of zeros). */
export function hasNegativeZero(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] === 0 && 1 / (a[i] as number) < 0) return true;
  return false;
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= lo && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Median of a[i], a[j], a[k] (the pivot: resists sorted and reverse-sorted input). */
function medianOfThree(a: Float64Array, i: number, j: number, k: number): number {
  const x = a[i] as number;
  const y = a[j] as number;
  const z = a[k] as number;
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}

/**
 * Rearranges `a` (finite values, no NaN) so that a[k] is the k-th smallest for every k in `ks` (ascending, each in
 * [0, a.length)). Hoare partitions around a median-of-three pivot value (Wirth's select, for several k at once):
 * scans stop at values equal to the pivot and swap them, so ties split evenly instead of degrading.
 */
export function selectOrderStatistics(a: Float64Array, ks: readonly number[]): void {
  // An explicit stack of (lo, hi, first k, last k + 1) ranges: recursion depth is no concern for any input.
  const stack: number[] = [0, a.length - 1, 0, ks.length];
  while (stack.length > 0) {
    const kEnd = stack.pop() as number;
    const kStart = stack.pop() as number;
    const hi = stack.pop() as number;
    const lo = stack.pop() as number;
    if (kStart >= kEnd || lo >= hi) continue;
    if (hi - lo < SMALL) {
      insertionSort(a, lo, hi);
      continue;
    }
    const pivot = medianOfThree(a, lo, (lo + hi) >>> 1, hi);
    let i = lo;
    let j = hi;
    // The pivot is a value of the range, so neither scan runs past it; afterwards [lo, j] ≤ pivot ≤ [i, hi], and
    // any index strictly between j and i holds the pivot itself (its order statistic is settled).
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    let split = kStart;
    while (split < kEnd && (ks[split] as number) <= j) split++;
    let after = split;
    while (after < kEnd && (ks[after] as number) < i) after++;
    stack.push(lo, j, kStart, split);
    stack.push(i, hi, after, kEnd);
  }
}

/** Equal-width value buckets of bucketOrderStatistics: a few values each at 1,000 paths, the array reset per call is small. */
const BUCKETS = 1024;

/** Below this many values bucketOrderStatistics selects directly. */
const FEW = 256;

/** A bucket of FEW or more values is bucketed again, up to MAX_DEPTH levels, rather than selected in. */
const MAX_DEPTH = 3;

/** Scratch arrays for bucketOrderStatistics, reusable across calls on arrays of at most `capacity` values. */
export interface BucketScratch {
  /** For a crowded bucket's own bucketing (made on first use). */
  inner?: BucketScratch;
  counts: Int32Array;
  /** Per bucket: −1, or the slot its values are gathered into (reset to −1 after each call). */
  slotOf: Int32Array;
  gathered: Float64Array;
}

export function bucketScratch(capacity: number): BucketScratch {
  return { counts: new Int32Array(BUCKETS), slotOf: new Int32Array(BUCKETS).fill(-1), gathered: new Float64Array(capacity) };
}

/**
 * Writes to out[k], for every k in `ks` (ascending, each in [0, a.length)), the value a full ascending sort of
 * `a` (finite values, no −0: see hasNegativeZero) would put at index k; `a` is left as it was. For many paths at
 * many points (a fan chart) this is about twice as fast as selectOrderStatistics: one pass counts the values
 * into equal-width buckets between the minimum and the maximum, which fixes each rank's bucket exactly, one more
 * gathers the values of those buckets, and only these few are then ordered.
 *
 * Exact whatever the values: (v − min) · scale is non-decreasing in v under IEEE rounding, so a bucket's values
 * all lie between its neighbours'. Values crowded into one bucket (ties, an outlier stretching the range) only
 * make that bucket's selection larger.
 */
export function bucketOrderStatistics(a: Float64Array, ks: readonly number[], out: Float64Array, scratch: BucketScratch, depth = 0): void {
  const n = a.length;
  if (n === 0 || ks.length === 0) return;
  if (n < FEW) {
    // A partial summary's first few paths: clearing the buckets would cost more than selecting.
    const copy = scratch.gathered.subarray(0, n);
    copy.set(a);
    selectOrderStatistics(copy, ks);
    for (const k of ks) out[k] = copy[k] as number;
    return;
  }
  let min = a[0] as number;
  let max = min;
  let atMin = 1;
  for (let i = 1; i < n; i++) {
    const v = a[i] as number;
    if (v < min) {
      min = v;
      atMin = 1;
    } else if (v === min) atMin++;
    else if (v > max) max = v;
  }
  // The ranks below atMin hold the minimum itself. Those values are left out of the buckets: a loss most paths
  // never had is mostly zeros, and they would crowd the first bucket.
  let first = 0;
  while (first < ks.length && (ks[first] as number) < atMin) out[ks[first++] as number] = min;
  if (first === ks.length) return;
  // A range that overflows (values near ±MAX_VALUE) makes the scale 0: the values whose distance from the
  // minimum overflows too (the largest) land in the last bucket (NaN is not below it), every other in bucket 0.
  // Still in order, so still exact.
  const scale = BUCKETS / (max - min);
  const last = BUCKETS - 1;
  const { counts, slotOf, gathered } = scratch;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    if (v === min) continue;
    const b = Math.floor((v - min) * scale);
    counts[b < last ? b : last]!++;
  }
  // The bucket of each rank (ranks ascending, so buckets too), and where each needed bucket's values go.
  const buckets: number[] = [];
  const belows: number[] = [];
  const starts: number[] = [];
  const rankSlot: number[] = [];
  let bucket = 0;
  let below = atMin; // values in the buckets before `bucket`, and the minimum's ties
  let gatheredSize = 0;
  for (let j = first; j < ks.length; j++) {
    const k = ks[j] as number;
    while (below + (counts[bucket] as number) <= k) below += counts[bucket++] as number;
    if (buckets[buckets.length - 1] !== bucket) {
      slotOf[bucket] = buckets.length;
      buckets.push(bucket);
      belows.push(below);
      starts.push(gatheredSize);
      gatheredSize += counts[bucket] as number;
    }
    rankSlot.push(buckets.length - 1);
  }
  const fill = starts.slice();
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    if (v === min) continue;
    const b = Math.floor((v - min) * scale);
    const slot = slotOf[b < last ? b : last] as number;
    if (slot >= 0) gathered[fill[slot]!++] = v;
  }
  let r = first;
  for (let slot = 0; slot < buckets.length; slot++) {
    const start = starts[slot] as number;
    const values = gathered.subarray(start, start + (counts[buckets[slot]!] as number));
    const local: number[] = [];
    for (let j = r; j < ks.length && rankSlot[j - first] === slot; j++) local.push((ks[j] as number) - (belows[slot] as number));
    const offset = belows[slot] as number;
    if (values.length >= FEW && depth < MAX_DEPTH) {
      // A crowded bucket (heavy tails: one large loss stretches the range and the rest share its first bucket)
      // is bucketed again between its own minimum and maximum.
      scratch.inner ??= bucketScratch(gathered.length);
      bucketOrderStatistics(values, local, out.subarray(offset), scratch.inner, depth + 1);
    } else {
      selectOrderStatistics(values, local);
      for (const k of local) out[k + offset] = values[k] as number;
    }
    r += local.length;
    slotOf[buckets[slot]!] = -1;
  }
}
