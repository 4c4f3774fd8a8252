/**
 * Counter-based seeding: the generator for (seed, path index, stream) is built from those three numbers alone,
 * so path i draws the same numbers whichever worker, batch or order computes it. The generator is sfc32
 * (Chris Doty-Humphrey's small fast counting RNG: 128-bit state, passes PractRand to 2^40+ bytes), seeded by a
 * murmur3-style avalanche of the inputs and warmed up 12 rounds.
 */
import { fdlibmSinCos } from './fdlibmTrig';
import { log } from './fdlibmExpLog';

/** Independent random streams of one path, so adding draws to one (e.g. ADL) never shifts another (prices). */
export const RNG_STREAM = { price: 1, adl: 2, population: 3, importance: 4 } as const;
export type RngStream = (typeof RNG_STREAM)[keyof typeof RNG_STREAM];

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 1 / TWO_POW_32;
/** sin and cos of a Box–Muller angle; shared by every generator (JavaScript runs one call at a time). */
const sinCos = new Float64Array(2);

/** murmur3's 32-bit finalizer: every input bit flips each output bit with probability ≈ ½. */
export function avalanche32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class PathRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = 0;
  private hasSpareNormal = false;

  /** `seed` and `pathIndex` are non-negative safe integers; both halves of each are mixed in. */
  constructor(seed: number, pathIndex: number, stream: RngStream) {
    const seedLo = seed >>> 0;
    const seedHi = Math.floor(seed / TWO_POW_32) >>> 0;
    const pathLo = pathIndex >>> 0;
    const pathHi = Math.floor(pathIndex / TWO_POW_32) >>> 0;
    this.a = avalanche32(seedLo ^ 0x9e3779b9);
    this.b = avalanche32(seedHi ^ avalanche32(stream + 0x7f4a7c15));
    this.c = avalanche32(pathLo ^ 0x6a09e667 ^ Math.imul(stream, 0x3c6ef372));
    this.d = avalanche32(pathHi ^ 0xbb67ae85) | 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in the open interval (0, 1), 32 bits of resolution: never 0, so log(u) is finite. */
  nextFloat(): number {
    // × 2^−32 is exact (a power of two), so it gives the bits of ÷ 2^32 without a division.
    return (this.nextUint32() + 0.5) * TWO_POW_MINUS_32;
  }

  /** Uniform integer in [0, n) for 1 ≤ n ≤ 2^32, by rejection so every value is equally likely. */
  nextInt(n: number): number {
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /**
   * Standard normal by the Box–Muller transform; the second value of each pair is kept for the next call. sin and
   * cos are fdlibm's in plain arithmetic, not Math's (whose last bit differs between engines: page vs CLI).
   */
  nextNormal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    const radius = Math.sqrt(-2 * log(this.nextFloat()));
    const angle = 2 * Math.PI * this.nextFloat();
    fdlibmSinCos(angle, sinCos);
    this.spareNormal = radius * sinCos[0]!;
    this.hasSpareNormal = true;
    return radius * sinCos[1]!;
  }

  /**
   * Writes the next `count` standard normals into out[0 .. count): the very numbers, in order, that `count` calls
   * of nextNormal would return, leaving the generator in the same state (a spare kept when count uses half a
   * pair). A path draws a normal per step, and the loop keeps the generator's state in locals rather than in the
   * object between draws: the price paths' hot loop.
   */
  /**
   * For steps k = from, from + 1, … < to: a normal into normals[k], then a uniform into uniforms[k] (the draws of
   * nextNormal() then nextFloat()), stopping after the first step whose uniform exceeds `uniformLimit`. Returns the
   * step after the last one drawn. The numbers and the state left are those of the same calls, so a caller can draw
   * something else after the step it stopped at (a jump diffusion's jump sizes: rare steps) and call again.
   */
  fillNormalUniformSteps(normals: Float64Array, uniforms: Float64Array, from: number, to: number, uniformLimit: number): number {
    let { a, b, c, d, spareNormal: spare, hasSpareNormal: hasSpare } = this;
    let k = from;
    while (k < to) {
      let t: number;
      if (hasSpare) {
        hasSpare = false;
        normals[k] = spare;
      } else {
        t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) | 0;
        const u1 = ((t >>> 0) + 0.5) * TWO_POW_MINUS_32;
        t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) | 0;
        const u2 = ((t >>> 0) + 0.5) * TWO_POW_MINUS_32;
        const radius = Math.sqrt(-2 * log(u1));
        fdlibmSinCos(2 * Math.PI * u2, sinCos);
        spare = radius * sinCos[0]!;
        hasSpare = true;
        normals[k] = radius * sinCos[1]!;
      }
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const u = ((t >>> 0) + 0.5) * TWO_POW_MINUS_32;
      uniforms[k++] = u;
      if (u > uniformLimit) break;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.spareNormal = spare;
    this.hasSpareNormal = hasSpare;
    return k;
  }

  fillNormals(out: Float64Array, count: number): void {
    let i = 0;
    if (count > 0 && this.hasSpareNormal) {
      this.hasSpareNormal = false;
      out[i++] = this.spareNormal;
    }
    let { a, b, c, d } = this;
    for (; i < count; i += 2) {
      // Two sfc32 outputs, exactly as nextUint32 computes them.
      let t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const u1 = ((t >>> 0) + 0.5) * TWO_POW_MINUS_32;
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const u2 = ((t >>> 0) + 0.5) * TWO_POW_MINUS_32;
      const radius = Math.sqrt(-2 * log(u1));
      fdlibmSinCos(2 * Math.PI * u2, sinCos);
      out[i] = radius * sinCos[1]!;
      if (i + 1 < count) {
        out[i + 1] = radius * sinCos[0]!;
      } else {
        this.spareNormal = radius * sinCos[0]!;
        this.hasSpareNormal = true;
      }
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }
}
