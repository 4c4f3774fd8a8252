// The accumulator and mergeRangeResults are two ways to join ranges; on the prefix that has arrived they must
// agree exactly, whatever the arrival order.
import { describe, expect, it } from 'vitest';
import { fakeRangeResult } from '../metrics/testing/fakeRangeResult';
import { mergeRangeResults } from './mergeRangeResults';
import { RangeAccumulator } from './rangeAccumulator';

const CUTS = [0, 3, 4, 11, 12, 20];
const ranges = CUTS.slice(1).map((to, i) => fakeRangeResult({ seed: 5, from: CUTS[i]!, to, points: 4, accounts: 3 }));

describe('RangeAccumulator', () => {
  it.each([
    ['in path order', [0, 1, 2, 3, 4]],
    ['in reverse', [4, 3, 2, 1, 0]],
    ['shuffled', [2, 0, 4, 1, 3]],
  ])('gathers ranges %s: the prefix view equals mergeRangeResults of the ranges it covers', (_order, order) => {
    const acc = new RangeAccumulator(20);
    const arrived = new Set<number>();
    for (const k of order) {
      acc.add(ranges[k]!);
      arrived.add(k);
      let covered = 0;
      while (arrived.has(covered)) covered++;
      expect(acc.prefix).toBe(CUTS[covered]);
      if (covered > 0) expect(acc.prefixView()).toEqual(mergeRangeResults(ranges.slice(0, covered)));
    }
    expect(acc.prefixView()).toEqual(fakeRangeResult({ seed: 5, from: 0, to: 20, points: 4, accounts: 3 }));
  });

  it('refuses a repeated path, a range past the run, and a range of another shape', () => {
    const acc = new RangeAccumulator(12);
    acc.add(ranges[1]!);
    expect(() => acc.add(fakeRangeResult({ seed: 5, from: 2, to: 4, points: 4, accounts: 3 }))).toThrow(/repeats path 3/);
    expect(() => acc.add(ranges[4]!)).toThrow(/outside the run's 12 paths/);
    expect(() => acc.add(fakeRangeResult({ seed: 5, from: 0, to: 3, points: 5, accounts: 3 }))).toThrow(/different series points/);
    expect(() => acc.add(fakeRangeResult({ seed: 5, from: 0, to: 3, points: 4, accounts: 2 }))).toThrow(/different population/);
  });

  it('views only the prefix that has all arrived', () => {
    const acc = new RangeAccumulator(20);
    acc.add(ranges[1]!);
    expect(acc.prefix).toBe(0);
    expect(() => acc.pathsView(1)).toThrow(/only 0 have arrived/);
    expect(acc.has(3)).toBe(true);
    expect(acc.has(2)).toBe(false);
  });
});
