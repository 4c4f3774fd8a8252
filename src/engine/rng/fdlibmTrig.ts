// Math.sin and Math.cos are "implementation-approximated" in ECMAScript: engines may differ in the last bit, and
// they do (Chromium's V8 uses libm-derived trig functions, Node 20's V8 the fdlibm port), so a normal draw by
// Box–Muller could differ between the page and the command line and move a path's money by a unit. These are
// the fdlibm algorithms (as in V8's ieee754.cc) in plain float64 arithmetic, which every engine evaluates
// identically: the same bits everywhere. Written for the arguments the engine uses (|x| < 2^19·π/2); larger
// ones throw rather than lose determinism silently.

// Typed-array views of one float64 (faster than a DataView in the path-drawing loop); little-endian, so word 1 is
// the high word (sign, exponent, top of the mantissa), as in fdlibmExpLog.ts.
const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);

function highWord(x: number): number {
  F64[0] = x;
  return I32[1]!;
}

function fromHighWord(high: number): number {
  I32[1] = high;
  I32[0] = 0;
  return F64[0]!;
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

function kernelSin(x: number, y: number, iy: 0 | 1): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y));
  const qx = ix > 0x3fe90000 ? 0.28125 : fromHighWord(ix - 0x00200000);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.0222662487111664558e-21;
const PIO2_3T = 8.47842766036889956997e-32;

/**
 * x = y[0] on entry, reduced modulo π/2: returns n with x = n·π/2 + (y[0] + y[1]), |y[0] + y[1]| ≤ π/4 (fdlibm's
 * medium-size path). x comes in through the array because a double passed to a call V8 does not inline is boxed
 * on the heap: an allocation per normal drawn.
 */
function remPio2(y: Float64Array): number {
  const x = y[0]!;
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3π/4: n = ±1
    const sign = hx > 0 ? 1 : -1;
    let z = x - sign * PIO2_1;
    if (ix !== 0x3ff921fb) {
      y[0] = z - sign * PIO2_1T;
      y[1] = z - y[0] - sign * PIO2_1T;
    } else {
      z -= sign * PIO2_2;
      y[0] = z - sign * PIO2_2T;
      y[1] = z - y[0] - sign * PIO2_2T;
    }
    return sign;
  }
  if (ix > 0x413921fb) throw new RangeError(`fdlibm trig: argument ${x} is outside the supported range`);
  const t0 = Math.abs(x);
  const n = Math.trunc(t0 * INV_PIO2 + 0.5);
  const fn = n;
  let r = t0 - fn * PIO2_1;
  let w = fn * PIO2_1T;
  // fdlibm skips the refinement when cancellation is impossible; the check below then never fires, so always
  // running it gives the same bits.
  const j = ix >> 20;
  y[0] = r - w;
  let i = j - ((highWord(y[0]) >> 20) & 0x7ff);
  if (i > 16) {
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    y[0] = r - w;
    i = j - ((highWord(y[0]) >> 20) & 0x7ff);
    if (i > 49) {
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      y[0] = r - w;
    }
  }
  y[1] = r - y[0] - w;
  if (hx < 0) {
    y[0] = -y[0];
    y[1] = -y[1];
    return -n;
  }
  return n;
}

const reduced = new Float64Array(2);

/** sin(x), bit-identical on every JavaScript engine (fdlibm). */
export function fdlibmSin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, 0);
  if (ix >= 0x7ff00000) return NaN;
  reduced[0] = x;
  const n = remPio2(reduced);
  const y0 = reduced[0]!;
  const y1 = reduced[1]!;
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1, 1);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1, 1);
    default:
      return -kernelCos(y0, y1);
  }
}

/** cos(x), bit-identical on every JavaScript engine (fdlibm). */
export function fdlibmCos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0);
  if (ix >= 0x7ff00000) return NaN;
  reduced[0] = x;
  const n = remPio2(reduced);
  const y0 = reduced[0]!;
  const y1 = reduced[1]!;
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1, 1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1, 1);
  }
}

/**
 * sin(x) into out[0] and cos(x) into out[1] with one argument reduction (Box–Muller needs both of one angle):
 * the same bits as fdlibmSin(x) and fdlibmCos(x), which reduce the same argument the same way.
 */
export function fdlibmSinCos(x: number, out: Float64Array): void {
  out[0] = x;
  sinCosInPlace(out);
}

/** out[0] = sin(x), out[1] = cos(x) for x = out[0] on entry (the argument comes unboxed, as in remPio2). */
function sinCosInPlace(out: Float64Array): void {
  const x = out[0]!;
  const ix = highWord(x) & 0x7fffffff;
  if (ix >= 0x7ff00000) {
    out[0] = NaN;
    out[1] = NaN;
    return;
  }
  // |x| ≤ π/4 needs no reduction: kernelSin(x, 0, 0) and kernelCos(x, 0), quadrant 0.
  const small = ix <= 0x3fe921fb;
  let n = 0;
  let y0 = x;
  let y1 = 0;
  if (!small) {
    reduced[0] = x;
    n = remPio2(reduced);
    y0 = reduced[0]!;
    y1 = reduced[1]!;
  }
  // kernelSin(y0, y1, small ? 0 : 1) and kernelCos(y0, y1) with their shared part (the high word, y0²) computed once.
  let s: number;
  let c: number;
  // The word reads are written out rather than called: in Chromium these small helpers are not always inlined here,
  // and fromHighWord's double result is then boxed on the heap, once per normal pair.
  F64[0] = y0;
  const iy = I32[1]! & 0x7fffffff;
  if (iy < 0x3e400000 && Math.trunc(y0) === 0) {
    s = y0;
    c = 1;
  } else {
    const z = y0 * y0;
    const v = z * y0;
    const rs = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    s = small ? y0 + v * (S1 + z * rs) : y0 - (z * (0.5 * y1 - v * rs) - y1 - v * S1);
    const rc = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
    if (iy < 0x3fd33333) c = 1 - (0.5 * z - (z * rc - y0 * y1));
    else {
      let qx = 0.28125;
      if (iy <= 0x3fe90000) {
        I32[1] = iy - 0x00200000;
        I32[0] = 0;
        qx = F64[0]!;
      }
      c = 1 - qx - (0.5 * z - qx - (z * rc - y0 * y1));
    }
  }
  switch (n & 3) {
    case 0:
      out[0] = s;
      out[1] = c;
      return;
    case 1:
      out[0] = c;
      out[1] = -s;
      return;
    case 2:
      out[0] = -s;
      out[1] = -c;
      return;
    default:
      out[0] = -c;
      out[1] = s;
  }
}
