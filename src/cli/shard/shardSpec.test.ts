import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../args';
import { parseShard, shardRange } from './shardSpec';

describe('shardRange', () => {
  it('covers every item 0..N−1 exactly once, in shard order, for any 1 ≤ n ≤ N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }).chain((total) => fc.tuple(fc.constant(total), fc.integer({ min: 1, max: Math.min(total, 3_000) }))), ([total, count]) => {
        let next = 0;
        let smallest = Infinity;
        let largest = 0;
        const faults: string[] = [];
        for (let index = 1; index <= count; index++) {
          const { from, to } = shardRange(total, { index, count });
          // No gap, no overlap: each shard starts where the previous one ended; no shard is empty.
          if (from !== next || to <= from) faults.push(`shard ${index}/${count} of ${total} is [${from}, ${to}) after ${next}`);
          smallest = Math.min(smallest, to - from);
          largest = Math.max(largest, to - from);
          next = to;
        }
        expect(faults).toEqual([]);
        expect(next).toBe(total);
        expect(largest - smallest).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('counts every index once when small enough to enumerate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }).chain((total) => fc.tuple(fc.constant(total), fc.integer({ min: 1, max: total }))), ([total, count]) => {
        const seen = new Uint8Array(total);
        for (let index = 1; index <= count; index++) {
          const { from, to } = shardRange(total, { index, count });
          for (let i = from; i < to; i++) seen[i]!++;
        }
        expect(seen.every((c) => c === 1)).toBe(true);
      }),
    );
  });

  it('is the documented split: shard i of n is [floor((i−1)N/n), floor(iN/n))', () => {
    expect([1, 2, 3].map((index) => shardRange(10, { index, count: 3 }))).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
      { from: 6, to: 10 },
    ]);
    expect(shardRange(100_000, { index: 7, count: 7 })).toEqual({ from: 85_714, to: 100_000 });
  });

  it('refuses more shards than items and shard numbers outside 1..n', () => {
    expect(() => shardRange(3, { index: 1, count: 4 })).toThrow(/cannot split 3 into 4 shards/);
    expect(() => shardRange(10, { index: 0, count: 2 })).toThrow(/i must be from 1 to 2/);
    expect(() => shardRange(10, { index: 3, count: 2 })).toThrow(/i must be from 1 to 2/);
  });
});

describe('parseShard', () => {
  it('reads i/n with i from 1 (Slurm array task ids)', () => {
    expect(parseShard('3/8')).toEqual({ index: 3, count: 8 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it('names the flag for bad values', () => {
    for (const bad of ['3', '0/4', '5/4', 'a/b', '1/0', '-1/2', '1/2/3', ' 1/2']) {
      expect(() => parseShard(bad)).toThrow(UsageError);
      expect(() => parseShard(bad)).toThrow(/--shard/);
    }
  });
});
