import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AccountHeap } from './accountHeap';

function drain(heap: AccountHeap): { key: number; id: number; version: number }[] {
  const out: { key: number; id: number; version: number }[] = [];
  while (heap.size > 0) {
    out.push({ key: heap.topKey(), id: heap.topId(), version: heap.topVersion() });
    heap.pop();
  }
  return out;
}

describe('AccountHeap', () => {
  // Each row: pushes as (key, account, version), then the drain order worked out by hand — keys descending, one
  // entry per account, a re-push keeping only the account's latest key and version.
  it.each([
    ['distinct keys come out largest first', [[2, 0, 0], [7, 1, 0], [-3, 2, 0], [5, 3, 0]], [[7, 1, 0], [5, 3, 0], [2, 0, 0], [-3, 2, 0]]],
    ['a re-push raises an account past the others', [[4, 0, 0], [6, 1, 0], [1, 2, 0], [8, 2, 1]], [[8, 2, 1], [6, 1, 0], [4, 0, 0]]],
    ['a re-push lowers an account below the others', [[9, 0, 0], [6, 1, 0], [3, 2, 0], [1, 0, 1]], [[6, 1, 0], [3, 2, 0], [1, 0, 1]]],
    ['a re-push with the same key only updates the version', [[5, 0, 0], [4, 1, 0], [5, 0, 3]], [[5, 0, 3], [4, 1, 0]]],
    ['infinite keys sort with the rest', [[Infinity, 0, 0], [-Infinity, 1, 0], [0, 2, 0]], [[Infinity, 0, 0], [0, 2, 0], [-Infinity, 1, 0]]],
  ] as [string, [number, number, number][], [number, number, number][]][])('%s', (_case, pushes, drained) => {
    const heap = new AccountHeap(4);
    for (const [key, id, version] of pushes) heap.push(key, id, version);
    expect(heap.size).toBe(drained.length);
    expect(drain(heap).map((e) => [e.key, e.id, e.version])).toEqual(drained);
  });

  it('pops the largest key first', () => {
    const heap = new AccountHeap(4);
    heap.push(1, 0, 0);
    heap.push(3, 1, 0);
    heap.push(2, 2, 0);
    expect(drain(heap).map((e) => e.id)).toEqual([1, 2, 0]);
    expect(heap.topKey()).toBe(-Infinity);
  });

  it('keeps one entry per account: a second push replaces the first (key and version), up or down', () => {
    const heap = new AccountHeap(3);
    heap.push(5, 0, 1);
    heap.push(4, 1, 1);
    heap.push(1, 2, 1);
    heap.push(9, 2, 2); // moves up
    heap.push(0, 0, 2); // moves down
    expect(heap.size).toBe(3);
    expect(drain(heap)).toEqual([
      { key: 9, id: 2, version: 2 },
      { key: 4, id: 1, version: 1 },
      { key: 0, id: 0, version: 2 },
    ]);
  });

  it('clear empties it, and accounts can come back', () => {
    const heap = new AccountHeap(2);
    heap.push(1, 0, 0);
    heap.push(2, 1, 0);
    heap.clear();
    expect(heap.size).toBe(0);
    heap.push(3, 0, 1);
    expect(drain(heap)).toEqual([{ key: 3, id: 0, version: 1 }]);
  });

  it('behaves like a map from account to its latest (key, version), drained in key order', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), id: fc.nat({ max: 40 }), key: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e9, max: 1e9, noNaN: true })), version: fc.nat({ max: 9 }) }),
      fc.record({ kind: fc.constant('pop' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const heap = new AccountHeap(41);
        const model = new Map<number, { key: number; version: number }>();
        for (const o of ops) {
          if (o.kind === 'push') {
            heap.push(o.key, o.id, o.version);
            model.set(o.id, { key: o.key, version: o.version });
          } else if (model.size > 0) {
            const top = heap.topId();
            const max = Math.max(...[...model.values()].map((e) => e.key));
            // == so that a −0 on top of a +0 (equal keys) counts as the maximum.
            expect(heap.topKey() === max).toBe(true);
            expect(model.get(top)).toEqual({ key: heap.topKey(), version: heap.topVersion() });
            heap.pop();
            model.delete(top);
          }
          expect(heap.size).toBe(model.size);
        }
        const drained = drain(heap);
        for (let i = 1; i < drained.length; i++) expect(drained[i]!.key).toBeLessThanOrEqual(drained[i - 1]!.key);
        expect(new Map(drained.map((e) => [e.id, { key: e.key, version: e.version }]))).toEqual(model);
      }),
      { numRuns: 500 },
    );
  });
});
