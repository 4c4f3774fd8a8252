import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PAIRED_Z, pairedDifference, pairedProportionDifference, verdict, type PairedDifference } from './pairedDifference';

describe('pairedDifference worked examples', () => {
  it('d = 1, 2, 3, 4: mean 2.5, s = √(5/3), ci = 2.5 ± 1.96·s/2', () => {
    const diff = pairedDifference([1, 2, 3, 4], [0, 0, 0, 0]);
    const half = (1.96 * Math.sqrt(5 / 3)) / 2;
    expect(diff.meanDiff).toBe(2.5);
    expect(diff.ci95[0]).toBeCloseTo(2.5 - half, 12);
    expect(diff.ci95[1]).toBeCloseTo(2.5 + half, 12);
    expect(diff.ci95[0]).toBeCloseTo(1.23483, 5);
    expect(diff.baselineMean).toBe(0);
    expect(diff.proposalMean).toBe(2.5);
    expect(PAIRED_Z).toBe(1.96);
  });

  it('pairs path by path: a shared path effect cancels', () => {
    // Path effects 0, 100, 1000, 10000 are common to both runs; the proposal adds exactly 2 on every path.
    const baseline = [0, 100, 1000, 10000];
    const diff = pairedDifference(baseline.map((b) => b + 2), baseline);
    expect(diff).toEqual({ meanDiff: 2, ci95: [2, 2], baselineMean: 2775, proposalMean: 2777 });
  });

  it('one path has no spread: the interval is the point', () => {
    expect(pairedDifference([5], [3])).toEqual({ meanDiff: 2, ci95: [2, 2], baselineMean: 3, proposalMean: 5 });
  });

  it.each([
    { name: 'unequal lengths', proposal: [1, 2], baseline: [1], message: /same paths/ },
    { name: 'zero paths', proposal: [], baseline: [], message: /no paths/ },
    { name: 'NaN', proposal: [1, Number.NaN], baseline: [1, 2], message: /path 1/ },
    { name: 'an overflowing difference', proposal: [Number.MAX_VALUE], baseline: [-Number.MAX_VALUE], message: /overflows/ },
  ])('refuses $name', ({ proposal, baseline, message }) => {
    expect(() => pairedDifference(proposal, baseline)).toThrow(message);
  });
});

describe('pairedProportionDifference: P(value > 0)', () => {
  it('d ∈ {−1, 0, 1} from the two indicators', () => {
    // Indicators: proposal 1,0,0,1 and baseline 0,0,1,1 → d = 1, 0, −1, 0; mean 0, s = √(2/3).
    const diff = pairedProportionDifference([1, 0, 0, 5], [0, 0, 3, 2]);
    const half = (1.96 * Math.sqrt(2 / 3)) / 2;
    expect(diff.meanDiff).toBe(0);
    expect(diff.ci95[0]).toBeCloseTo(-half, 12);
    expect(diff.ci95[1]).toBeCloseTo(half, 12);
    expect(diff.baselineMean).toBe(0.5);
    expect(diff.proposalMean).toBe(0.5);
  });

  it('a proposal that removes the event on every path is a sure improvement', () => {
    const diff = pairedProportionDifference([0, 0, 0], [1, 2, 3]);
    expect(diff).toEqual({ meanDiff: -1, ci95: [-1, -1], baselineMean: 1, proposalMean: 0 });
    expect(verdict(diff, { lowerIsBetter: true })).toBe('better');
  });
});

describe('verdict: only whether the 95% interval excludes 0', () => {
  const diff = (lo: number, hi: number): PairedDifference => ({ meanDiff: (lo + hi) / 2, ci95: [lo, hi], baselineMean: 0, proposalMean: 0 });
  it.each([
    { ci: [1, 2], lowerIsBetter: true, verdict: 'worse' },
    { ci: [-2, -1], lowerIsBetter: true, verdict: 'better' },
    { ci: [1, 2], lowerIsBetter: false, verdict: 'better' },
    { ci: [-2, -1], lowerIsBetter: false, verdict: 'worse' },
    { ci: [-1, 1], lowerIsBetter: true, verdict: 'no clear difference' },
    { ci: [0, 1], lowerIsBetter: true, verdict: 'no clear difference' },
    { ci: [-1, 0], lowerIsBetter: false, verdict: 'no clear difference' },
    { ci: [0, 0], lowerIsBetter: true, verdict: 'no clear difference' },
  ] as const)('ci $ci, lowerIsBetter $lowerIsBetter → $verdict', ({ ci, lowerIsBetter, verdict: expected }) => {
    expect(verdict(diff(ci[0], ci[1]), { lowerIsBetter })).toBe(expected);
  });
});

describe('pairedDifference properties', () => {
  const money = fc.double({ min: -1e10, max: 1e10, noNaN: true });
  const pairs = fc.array(fc.tuple(money, money), { minLength: 1, maxLength: 200 });

  it('a run against itself differs by exactly 0 with interval [0, 0]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 200 }), (values) => {
        const diff = pairedDifference(values, values);
        expect(diff.meanDiff).toBe(0);
        expect(diff.ci95).toEqual([0, 0]);
        expect(Object.is(diff.ci95[0], 0) && Object.is(diff.ci95[1], 0)).toBe(true);
        expect(diff.proposalMean).toBe(diff.baselineMean);
        const share = pairedProportionDifference(values, values);
        expect(share.meanDiff).toBe(0);
        expect(share.ci95).toEqual([0, 0]);
      }),
    );
  });

  it('the interval is finite, ordered and contains the mean difference', () => {
    fc.assert(
      fc.property(pairs, (rows) => {
        const diff = pairedDifference(rows.map((r) => r[0]), rows.map((r) => r[1]));
        const [lo, hi] = diff.ci95;
        expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
        expect(lo).toBeLessThanOrEqual(diff.meanDiff);
        expect(diff.meanDiff).toBeLessThanOrEqual(hi);
        expect(diff.meanDiff).toBeCloseTo(diff.proposalMean - diff.baselineMean, 3);
      }),
    );
  });

  it('swapping proposal and baseline negates the difference and mirrors the interval', () => {
    fc.assert(
      fc.property(pairs, (rows) => {
        const a = rows.map((r) => r[0]);
        const b = rows.map((r) => r[1]);
        const forward = pairedDifference(a, b);
        const backward = pairedDifference(b, a);
        expect(backward.meanDiff + 0).toBe(-forward.meanDiff + 0);
        expect(backward.ci95[0] + 0).toBe(-forward.ci95[1] + 0);
        expect(backward.ci95[1] + 0).toBe(-forward.ci95[0] + 0);
      }),
    );
  });
});
