/**
 * exp and log in plain IEEE-754 arithmetic (fdlibm's e_exp.c and e_log.c, the algorithms V8 ships), so every
 * JavaScript engine computes the same bits. `Math.exp`/`Math.log` may differ in the last bit between engines
 * (Node's V8 and Chromium's disagree on a few percent of inputs), and one bit in a price can move a money
 * amount by one unit: the page and the CLI must give the same numbers.
 */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
// Little-endian: word 1 is the high word (sign, exponent, top of the mantissa).
const HI = 1;
const LO = 0;
/** Where exp and log take their argument and leave their result (see expInSlot). */
const SLOT = new Float64Array(1);

function highWord(x: number): number {
  F64[0] = x;
  return U32[HI]! | 0;
}

function fromWords(hi: number, lo: number): number {
  U32[HI] = hi >>> 0;
  U32[LO] = lo >>> 0;
  return F64[0]!;
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700e0;
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const TWOM1000 = 9.33263618503218878990e-302;

/**
 * e^x for x = SLOT[0], written back to SLOT[0]. Through a typed array, not as argument and return value: the
 * function is too large for V8 to inline, and a double passed to or returned from such a call is boxed on the heap
 * (an allocation per price step); `exp` below is small enough to inline and moves the value through the slot.
 */
function expInSlot(): void {
  let x = SLOT[0]!;
  // V8 returns the correctly rounded e for exp(1), where fdlibm's polynomial is one bit off.
  if (x === 1) {
    SLOT[0] = Math.E;
    return;
  }
  let hx = highWord(x);
  const xsb = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (Number.isNaN(x)) {
        SLOT[0] = x + x;
        return;
      }
      SLOT[0] = xsb === 0 ? x : 0;
      return;
    }
    if (x > O_THRESHOLD) {
      SLOT[0] = Infinity;
      return;
    }
    if (x < U_THRESHOLD) {
      SLOT[0] = 0;
      return;
    }
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      hi = xsb === 0 ? x - LN2_HI : x + LN2_HI;
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5));
      const t = k;
      hi = x - t * LN2_HI;
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    SLOT[0] = 1 + x;
    return;
  } else {
    k = 0;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) {
    SLOT[0] = 1 - ((x * c) / (c - 2.0) - x);
    return;
  }
  const y = 1 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k === 1024) {
      SLOT[0] = y * 2.0 * 8.98846567431158e307;
      return;
    }
    SLOT[0] = y * fromWords(0x3ff00000 + (k << 20), 0);
    return;
  }
  SLOT[0] = y * fromWords(0x3ff00000 + ((k + 1000) << 20), 0) * TWOM1000;
  return;
}

/** e^x, bit-identical on every JavaScript engine (fdlibm's e_exp.c). */
export function exp(x: number): number {
  SLOT[0] = x;
  expInSlot();
  return SLOT[0]!;
}

const TWO54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** ln x for x = SLOT[0], written back to SLOT[0], for the reason given at expInSlot. */
function logInSlot(): void {
  let x = SLOT[0]!;
  F64[0] = x;
  let hx = U32[HI]! | 0;
  const lx = U32[LO]!;
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) {
      SLOT[0] = -Infinity;
      return;
    }
    if (hx < 0) {
      SLOT[0] = NaN;
      return;
    }
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) {
    SLOT[0] = x + x;
    return;
  }
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  F64[0] = x;
  U32[HI] = (hx | (i0 ^ 0x3ff00000)) >>> 0;
  x = F64[0]!;
  k += i0 >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) {
      if (k === 0) {
        SLOT[0] = 0;
        return;
      }
      const dk = k;
      SLOT[0] = dk * LN2_HI + dk * LN2_LO;
      return;
    }
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    if (k === 0) {
      SLOT[0] = f - R;
      return;
    }
    const dk = k;
    SLOT[0] = dk * LN2_HI - ((R - dk * LN2_LO) - f);
    return;
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  let i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) {
      SLOT[0] = f - (hfsq - s * (hfsq + R));
      return;
    }
    SLOT[0] = dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
    return;
  }
  if (k === 0) {
    SLOT[0] = f - s * (f - R);
    return;
  }
  SLOT[0] = dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
  return;
}

/** ln x, bit-identical on every JavaScript engine (fdlibm's e_log.c). */
export function log(x: number): number {
  SLOT[0] = x;
  logInSlot();
  return SLOT[0]!;
}
