/**
 * log10 in plain IEEE-754 arithmetic: fdlibm's e_log10.c as V8's ieee754.cc has it (what Node 20's Math.log10
 * computes), over the fdlibm log the price paths use. Newer V8 builds route Math.log10 to another libm, so
 * histogram edges drawn from it could differ between the page and the command line in the last bit.
 */
import { log } from './fdlibmExpLog';

const view = new DataView(new ArrayBuffer(8));

const TWO54 = 1.80143985094819840000e16;
const IVLN10 = 4.34294481903251816668e-1;
const LOG10_2HI = 3.01029995663611771306e-1;
const LOG10_2LO = 3.69423907715893078616e-13;

export function log10(x: number): number {
  view.setFloat64(0, x);
  let hx = view.getInt32(0);
  const lx = view.getUint32(4);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    view.setFloat64(0, x);
    hx = view.getInt32(0);
  }
  if (hx >= 0x7ff00000) return x + x;
  if (hx === 0x3ff00000 && view.getUint32(4) === 0) return 0;
  k += (hx >> 20) - 1023;
  // i = 1 when k < 0: then x is scaled into [1/2, 1) instead of [1, 2), which keeps y·log10(2) + log10(x) exact-ish.
  const i = (k & 0x80000000) >>> 31;
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = k + i;
  view.setInt32(0, hx);
  x = view.getFloat64(0);
  const z = y * LOG10_2LO + IVLN10 * log(x);
  return z + y * LOG10_2HI;
}
