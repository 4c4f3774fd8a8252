/**
 * Exact products of integers held in float64, by Dekker's TwoProduct (Veltkamp splitting): a·b = hi + lo with
 * hi = fl(a·b) and lo the exact rounding error. Exact for |a·b| < 2^1023 and no underflow, which holds for money
 * units. Lets the pro-rata allocation compute exact floors and remainders without BigInt on the hot path.
 */
const SPLITTER = 134217729; // 2^27 + 1

function split(a: number): [number, number] {
  const c = SPLITTER * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const err = ah * bh - p + ah * bl + al * bh + al * bl;
  return [p, err];
}

/**
 * a·b − c·d exactly, for non-negative integers whose products stay below 2^100 (then both error terms are
 * integers below 2^47 and every subtraction below is exact), returned as a float64 integer. Callers check the
 * bound with `productsFitExactly` and fall back to BigInt otherwise.
 */
export function exactProductDifference(a: number, b: number, c: number, d: number): number {
  const ah = splitHigh(a);
  const dh = splitHigh(d);
  return exactProductDifferenceSplit(a, ah, a - ah, b, c, d, dh, d - dh);
}

/**
 * The high half of Veltkamp's split of `a` (the low half is a − high): what `exactProductDifference` computes for
 * each factor, taken out so a loop with a fixed factor splits it once (`exactProductDifferenceSplit`).
 */
export function splitHigh(a: number): number {
  const t = SPLITTER * a;
  return t - (t - a);
}

/**
 * `exactProductDifference(a, b, c, d)` with a and d already split (ah = splitHigh(a), al = a − ah, the same for d):
 * the same operations in the same order, so the same result to the bit, for a pro-rata loop where the amount a
 * and the total d are fixed and only b and c change.
 */
export function exactProductDifferenceSplit(a: number, ah: number, al: number, b: number, c: number, d: number, dh: number, dl: number): number {
  const h1 = a * b;
  let t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const l1 = ah * bh - h1 + ah * bl + al * bh + al * bl;
  const h2 = c * d;
  t = SPLITTER * c;
  const ch = t - (t - c);
  const cl = c - ch;
  const l2 = ch * dh - h2 + ch * dl + cl * dh + cl * dl;
  return h1 - h2 + (l1 - l2);
}

export const EXACT_PRODUCT_LIMIT = 2 ** 100;
