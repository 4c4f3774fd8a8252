import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PathRng, RNG_STREAM } from './pathRng';

function take(rng: PathRng, n: number): number[] {
  return Array.from({ length: n }, () => rng.nextUint32());
}

describe('PathRng', () => {
  it('is a pure function of (seed, path, stream)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (seed, path) => {
        const a = take(new PathRng(seed, path, RNG_STREAM.price), 8);
        const b = take(new PathRng(seed, path, RNG_STREAM.price), 8);
        expect(a).toEqual(b);
      }),
    );
  });

  it('gives different numbers to neighbouring paths, seeds and streams', () => {
    const base = take(new PathRng(1, 0, RNG_STREAM.price), 4);
    expect(take(new PathRng(1, 1, RNG_STREAM.price), 4)).not.toEqual(base);
    expect(take(new PathRng(2, 0, RNG_STREAM.price), 4)).not.toEqual(base);
    expect(take(new PathRng(1, 0, RNG_STREAM.adl), 4)).not.toEqual(base);
    expect(take(new PathRng(1 + 2 ** 32, 0, RNG_STREAM.price), 4)).not.toEqual(base);
  });

  it('draws standard normals with mean 0 and variance 1', () => {
    const rng = new PathRng(7, 3, RNG_STREAM.price);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.nextNormal();
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.02);
  });

  it('draws integers in range with every value reachable', () => {
    const rng = new PathRng(3, 9, RNG_STREAM.adl);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const k = rng.nextInt(7);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(7);
      seen.add(k);
    }
    expect(seen.size).toBe(7);
  });

  // Pinned output: a change here changes every shared link's numbers, so it must be deliberate.
  it('fillNormals gives the numbers and leaves the state that as many nextNormal calls would', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), fc.nat({ max: 1000 }), fc.boolean(), fc.nat({ max: 9 }), fc.nat({ max: 5 }), (seed, path, startWithSpare, count, after) => {
        const calls = new PathRng(seed, path, RNG_STREAM.price);
        const filled = new PathRng(seed, path, RNG_STREAM.price);
        if (startWithSpare) {
          calls.nextNormal();
          filled.nextNormal();
        }
        const expected = Array.from({ length: count }, () => calls.nextNormal());
        const out = new Float64Array(count + 1).fill(7);
        filled.fillNormals(out, count);
        // Object.is: the same bits, −0 included; the slot past `count` is untouched.
        expected.forEach((x, i) => expect(Object.is(out[i], x)).toBe(true));
        expect(out[count]).toBe(7);
        // Whatever follows (a spare, then fresh pairs, then uniforms) is the same too.
        const nextCalls = [...Array.from({ length: after }, () => calls.nextNormal()), calls.nextFloat()];
        const nextFilled = [...Array.from({ length: after }, () => filled.nextNormal()), filled.nextFloat()];
        expect(nextFilled).toEqual(nextCalls);
      }),
      { numRuns: 300 },
    );
  });

  it('fillNormalUniformSteps gives the draws of nextNormal, nextFloat per step and stops after a uniform above the limit', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), fc.boolean(), fc.nat({ max: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, startWithSpare, steps, limit) => {
        const calls = new PathRng(seed, 3, RNG_STREAM.price);
        const filled = new PathRng(seed, 3, RNG_STREAM.price);
        if (startWithSpare) {
          calls.nextNormal();
          filled.nextNormal();
        }
        const from = 2;
        let expectedEnd = from;
        const expected: [number, number][] = [];
        while (expectedEnd < from + steps) {
          const pair: [number, number] = [calls.nextNormal(), calls.nextFloat()];
          expected.push(pair);
          expectedEnd++;
          if (pair[1] > limit) break;
        }
        const normals = new Float64Array(from + steps + 1);
        const uniforms = new Float64Array(from + steps + 1);
        const end = filled.fillNormalUniformSteps(normals, uniforms, from, from + steps, limit);
        expect(end).toBe(expectedEnd);
        expected.forEach(([z, u], i) => {
          expect(Object.is(normals[from + i], z)).toBe(true);
          expect(uniforms[from + i]).toBe(u);
        });
        // The state left behind is the calls' state: a jump normal drawn next, then a uniform, agree.
        expect([filled.nextNormal(), filled.nextFloat()]).toEqual([calls.nextNormal(), calls.nextFloat()]);
      }),
      { numRuns: 300 },
    );
  });

  it('does not change its output (noreg)', () => {
    expect(take(new PathRng(1, 0, RNG_STREAM.price), 4)).toMatchInlineSnapshot(`
      [
        1564388179,
        386277330,
        2063598372,
        2034976536,
      ]
    `);
  });
});
