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
