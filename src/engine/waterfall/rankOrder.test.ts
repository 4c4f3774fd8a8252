import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortByScoreDescending } from './rankOrder';

/** The comparator sort the ADL queue used before: score descending, ties by index ascending. */
function reference(members: number[], score: Float64Array): number[] {
  return [...members].sort((a, b) => score[b]! - score[a]! || a - b);
}

function sorted(members: number[], score: Float64Array): number[] {
  const order = Int32Array.from(members);
  sortByScoreDescending(order, members.length, score, new Int32Array(members.length));
  return Array.from(order);
}

describe('sortByScoreDescending', () => {
  it.each([
    { name: 'highest score first', members: [0, 1, 2], scores: [1, 3, 2], expected: [1, 2, 0] },
    { name: 'equal scores by index', members: [3, 1, 2, 0], scores: [5, 5, 7, 5], expected: [2, 0, 1, 3] },
    { name: '−0 and +0 are a tie', members: [1, 0], scores: [0, -0], expected: [0, 1] },
    { name: 'negative scores after positive', members: [0, 1, 2], scores: [-1, 0.5, -0.25], expected: [1, 2, 0] },
  ])('$name', ({ members, scores, expected }) => {
    expect(sorted(members, Float64Array.from(scores))).toEqual(expected);
  });

  it('orders any subset of accounts exactly as the comparator sort does', () => {
    // Few distinct scores force ties; lengths cross the insertion-run and merge boundaries.
    const scoreArb = fc.oneof(fc.constantFrom(0, -0, 1, -1, 2.5), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(scoreArb, { minLength: 1, maxLength: 300 }), fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }), (scores, keep) => {
        const score = Float64Array.from(scores);
        const members = scores.map((_, j) => j).filter((j) => keep[j]);
        expect(sorted(members, score)).toEqual(reference(members, score));
      }),
      { numRuns: 1000 },
    );
  });

  it('sorts a large queue that arrives reversed', () => {
    const n = 5000;
    const score = Float64Array.from({ length: n }, (_, j) => j % 37);
    const members = Array.from({ length: n }, (_, j) => j);
    expect(sorted(members, score)).toEqual(reference(members, score));
  });
});
