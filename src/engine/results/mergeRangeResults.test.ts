import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeRangeResult } from '../metrics/testing/fakeRangeResult';
import { PATH_COLUMN_KEYS, SERIES_ARRAY_KEYS } from './rangeResultShape';
import { mergeRangeResults } from './mergeRangeResults';
import type { RangeResult } from './pathResults';

const fake = (from: number, to: number, extra: { points?: number; accounts?: number } = {}) => fakeRangeResult({ seed: 42, from, to, ...extra });

describe('mergeRangeResults', () => {
  it('merging the chunks of a split, in any order, gives the whole (identical arrays)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 5 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.nat(),
        (n, rawCuts, offset, shuffleSeed) => {
          const cuts = [...new Set(rawCuts.map((c) => c % (n + 1)))].sort((a, b) => a - b);
          const bounds = [0, ...cuts, n].map((b) => b + offset);
          const parts: RangeResult[] = [];
          for (let i = 1; i < bounds.length; i++) parts.push(fake(bounds[i - 1] as number, bounds[i] as number));
          const shuffled = parts.map((p, i) => ({ p, key: (i * 2654435761 + shuffleSeed) % 1009 })).sort((a, b) => a.key - b.key).map((x) => x.p);
          expect(mergeRangeResults(shuffled)).toStrictEqual(fake(offset, offset + n));
        },
      ),
    );
  });

  it('sums lossByAccountUnits and lossByDecileUnits and concatenates in path order', () => {
    const a = fake(0, 7);
    const b = fake(7, 20);
    const merged = mergeRangeResults([b, a]);
    expect(Array.from(merged.lossByAccountUnits)).toEqual(Array.from(a.lossByAccountUnits, (v, i) => v + b.lossByAccountUnits[i]!));
    expect(Array.from(merged.lossByDecileUnits)).toEqual(Array.from(a.lossByDecileUnits, (v, i) => v + b.lossByDecileUnits[i]!));
    expect(Array.from(merged.paths.badDebtUnits)).toEqual([...a.paths.badDebtUnits, ...b.paths.badDebtUnits]);
    expect(Array.from(merged.series.price)).toEqual([...a.series.price, ...b.series.price]);
    expect(merged.from).toBe(0);
    expect(merged.to).toBe(20);
  });

  it('keeps each column type and every column of the contract', () => {
    const merged = mergeRangeResults([fake(0, 3), fake(3, 5)]);
    expect(merged.paths.fundDepletedStep).toBeInstanceOf(Int32Array);
    expect(merged.paths.ledgerBalanced).toBeInstanceOf(Uint8Array);
    expect(merged.paths.badDebtUnits).toBeInstanceOf(Float64Array);
    expect(Object.keys(merged.paths).sort()).toEqual([...PATH_COLUMN_KEYS].sort());
    expect(Object.keys(merged.series).sort()).toEqual([...SERIES_ARRAY_KEYS, 'points', 'stepOfPoint'].sort());
  });

  it('neither changes its input nor shares arrays with it', () => {
    const a = fake(0, 4);
    const b = fake(4, 9);
    const parts = [b, a];
    const before = [fake(4, 9), fake(0, 4)]; // the generator is deterministic: fresh copies of the inputs
    const merged = mergeRangeResults(parts);
    expect(parts).toStrictEqual(before);
    merged.paths.badDebtUnits[0] = -1;
    merged.lossByAccountUnits[0] = -1;
    merged.series.stepOfPoint[0] = -1;
    expect(parts).toStrictEqual(before);
    const single = mergeRangeResults([a]);
    expect(single).toStrictEqual(a);
    expect(single.paths.socializedLossUnits).not.toBe(a.paths.socializedLossUnits);
  });

  it('accepts an empty chunk in the tiling', () => {
    expect(mergeRangeResults([fake(0, 5), fake(5, 5), fake(5, 8)])).toStrictEqual(fake(0, 8));
  });

  it.each([
    { name: 'a gap, naming the missing paths', parts: () => [fake(0, 3), fake(5, 8)], message: /gap between \[0, 3\) and \[5, 8\): paths \[3, 5\) are missing/ },
    { name: 'an overlap', parts: () => [fake(0, 5), fake(3, 8)], message: /\[0, 5\) and \[3, 8\) overlap on paths \[3, 5\)/ },
    { name: 'no parts', parts: () => [], message: /no parts/ },
    { name: 'different series points', parts: () => [fake(0, 3), fake(3, 6, { points: 4 })], message: /series points/ },
    { name: 'different account counts', parts: () => [fake(0, 3), fake(3, 6, { accounts: 2 })], message: /lossByAccountUnits/ },
    {
      name: 'a column that does not fit its range',
      parts: () => {
        const bad = fake(3, 6);
        bad.paths.vaultLossUnits = new Float64Array(2);
        return [fake(0, 3), bad];
      },
      message: /paths.vaultLossUnits has 2 values, expected 3/,
    },
    {
      name: 'different decile counts',
      parts: () => {
        const bad = fake(3, 6);
        bad.lossByDecileUnits = new Float64Array(5);
        return [fake(0, 3), bad];
      },
      message: /lossByDecileUnits/,
    },
    {
      name: 'different series steps',
      parts: () => {
        const bad = fake(3, 6);
        bad.series.stepOfPoint[1] = 999;
        return [fake(0, 3), bad];
      },
      message: /stepOfPoint/,
    },
  ])('refuses $name', ({ parts, message }) => {
    expect(() => mergeRangeResults(parts())).toThrow(message);
  });
});
