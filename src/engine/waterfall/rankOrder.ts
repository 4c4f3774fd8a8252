/**
 * Sorts order[0..count) by score[j] descending, ties by j ascending — the ADL queue's order — with a merge sort
 * whose comparison is written inline. Typed-array sort with a comparator calls a closure per comparison and
 * was half of an ADL crash path's time (the queue is ranked every settlement round). The order is total
 * (scores are finite, −0 and +0 compare equal, equal scores fall back to the index), so every correct sort gives
 * the same result. `scratch` must hold at least `count` entries; nothing is allocated.
 */
export function sortByScoreDescending(order: Int32Array, count: number, score: Float64Array, scratch: Int32Array): void {
  if (count < 2) return;
  // Runs of INSERTION_RUN are sorted by insertion, then merged pairwise bottom-up, alternating buffers.
  for (let lo = 0; lo < count; lo += INSERTION_RUN) insertionSort(order, lo, Math.min(lo + INSERTION_RUN, count), score);
  let from = order;
  let to = scratch;
  for (let width = INSERTION_RUN; width < count; width *= 2) {
    for (let lo = 0; lo < count; lo += 2 * width) merge(from, to, lo, Math.min(lo + width, count), Math.min(lo + 2 * width, count), score);
    const swap = from;
    from = to;
    to = swap;
  }
  if (from !== order) order.set(from.subarray(0, count));
}

const INSERTION_RUN = 16;

/** a ranks before b. */
export function ranksBefore(a: number, b: number, score: Float64Array): boolean {
  const sa = score[a]!;
  const sb = score[b]!;
  return sa > sb || (sa === sb && a < b);
}

function insertionSort(order: Int32Array, lo: number, hi: number, score: Float64Array): void {
  for (let i = lo + 1; i < hi; i++) {
    const j = order[i]!;
    let k = i - 1;
    while (k >= lo && ranksBefore(j, order[k]!, score)) {
      order[k + 1] = order[k]!;
      k--;
    }
    order[k + 1] = j;
  }
}

function merge(from: Int32Array, to: Int32Array, lo: number, mid: number, hi: number, score: Float64Array): void {
  let i = lo;
  let k = mid;
  let out = lo;
  while (i < mid && k < hi) to[out++] = ranksBefore(from[k]!, from[i]!, score) ? from[k++]! : from[i++]!;
  while (i < mid) to[out++] = from[i++]!;
  while (k < hi) to[out++] = from[k++]!;
}
