import { describe, expect, it } from 'vitest';
import { fdlibmCos, fdlibmSin, fdlibmSinCos } from './fdlibmTrig';
import { PathRng, RNG_STREAM } from './pathRng';

describe('fdlibmSinCos', () => {
  it('gives the same bits as fdlibmSin and fdlibmCos over Box–Muller angles, quadrant edges and small arguments', () => {
    const rng = new PathRng(7, 0, RNG_STREAM.price);
    const angles: number[] = [0, -0, 1e-300, Math.PI / 4, Math.PI / 2, Math.PI, 1.5 * Math.PI, 2 * Math.PI, -3, 1e5, -1e5];
    for (let i = 0; i < 200_000; i++) angles.push(2 * Math.PI * rng.nextFloat());
    for (let i = 0; i < 20_000; i++) angles.push((rng.nextFloat() - 0.5) * 1e6);
    const out = new Float64Array(2);
    let mismatches = 0;
    for (const x of angles) {
      fdlibmSinCos(x, out);
      if (!Object.is(out[0], fdlibmSin(x)) || !Object.is(out[1], fdlibmCos(x))) mismatches++;
    }
    expect(mismatches).toBe(0);
    fdlibmSinCos(NaN, out);
    expect([...out]).toEqual([NaN, NaN]);
  });

  it('matches Math.sin and Math.cos to within an ulp-scale error', () => {
    const out = new Float64Array(2);
    for (const x of [0.1, 1, 2, 3, 4, 5, 6, 6.28]) {
      fdlibmSinCos(x, out);
      expect(Math.abs(out[0]! - Math.sin(x))).toBeLessThan(1e-15);
      expect(Math.abs(out[1]! - Math.cos(x))).toBeLessThan(1e-15);
    }
  });
});
