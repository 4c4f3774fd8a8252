import { EXACT_PRODUCT_LIMIT, exactProductDifferenceSplit, splitHigh } from './exactProduct';
import { addUnitsToLargest } from './topRemainders';

/** Reused remainder buffer: the engine is single-threaded per worker and the allocation does not re-enter. */
let remainderBuffer = new Float64Array(0);

/**
 * Splits `amountUnits` over `weightsUnits` pro rata by the largest-remainder method, in whole money units:
 * share_i = floor(amount·w_i / W), then the units left over go one each to the largest remainders
 * (amount·w_i mod W), ties to the lower index. Shares sum to `amount` exactly and none exceeds its weight
 * (requires amount ≤ W = Σ w_i; callers cap the amount at the total first).
 * Inputs are non-negative safe integers. The floors and remainders are computed exactly (TwoProduct, or BigInt
 * when a product is too large for it), so the result is the same on every machine.
 */
export function allocateProRata(amountUnits: number, weightsUnits: ArrayLike<number>, out: Float64Array): void {
  const n = weightsUnits.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weightsUnits[i]!;
  if (!(amountUnits >= 0) || amountUnits > total || !Number.isSafeInteger(total) || !Number.isSafeInteger(amountUnits)) {
    throw new RangeError(`allocateProRata: amount ${amountUnits} must be a safe integer in [0, total weight ${total}]`);
  }
  if (amountUnits === 0 || total === 0) {
    out.fill(0, 0, n);
    return;
  }
  if (amountUnits === total) {
    for (let i = 0; i < n; i++) out[i] = weightsUnits[i]!;
    return;
  }
  if (remainderBuffer.length < n) remainderBuffer = new Float64Array(Math.max(n, 2 * remainderBuffer.length));
  const remainders = remainderBuffer;
  let allocated = 0;
  // The amount and the total are the same for every weight: split them once for the exact remainders.
  const amountHigh = splitHigh(amountUnits);
  const amountLow = amountUnits - amountHigh;
  const totalHigh = splitHigh(total);
  const totalLow = total - totalHigh;
  for (let i = 0; i < n; i++) {
    const w = weightsUnits[i]!;
    if (amountUnits * w >= EXACT_PRODUCT_LIMIT) return allocateProRataBig(amountUnits, weightsUnits, out);
    // The float quotient may be off by one near an integer; the exact remainder tells, and corrects it.
    let share = Math.floor((amountUnits * w) / total);
    let remainder = exactProductDifferenceSplit(amountUnits, amountHigh, amountLow, w, share, total, totalHigh, totalLow);
    while (remainder < 0) {
      share -= 1;
      remainder += total;
    }
    while (remainder >= total) {
      share += 1;
      remainder -= total;
    }
    out[i] = share;
    remainders[i] = remainder;
    allocated += share;
  }
  addUnitsToLargest(amountUnits - allocated, remainders, n, out);
}

/** The same method in BigInt, for products beyond 2^100 units² (worlds far larger than the validated limits). */
export function allocateProRataBig(amountUnits: number, weightsUnits: ArrayLike<number>, out: Float64Array): void {
  const n = weightsUnits.length;
  const amount = BigInt(amountUnits);
  let total = 0n;
  for (let i = 0; i < n; i++) total += BigInt(weightsUnits[i]!);
  if (amount > total || amount < 0n) throw new RangeError(`allocateProRata: amount ${amountUnits} must be in [0, total weight ${total}]`);
  if (total === 0n) {
    out.fill(0, 0, n);
    return;
  }
  const remainders = new Float64Array(n);
  const bigRemainders: bigint[] = new Array<bigint>(n);
  let allocated = 0n;
  for (let i = 0; i < n; i++) {
    const product = amount * BigInt(weightsUnits[i]!);
    const share = product / total;
    bigRemainders[i] = product % total;
    out[i] = Number(share);
    allocated += share;
  }
  // Rank by exact remainder, then hand the order to the shared tie-breaking rule through float ranks.
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (bigRemainders[b]! > bigRemainders[a]! ? 1 : bigRemainders[b]! < bigRemainders[a]! ? -1 : a - b));
  order.forEach((index, rank) => (remainders[index] = n - rank));
  addUnitsToLargest(Number(amount - allocated), remainders, n, out);
}
