import { describe, expect, it } from 'vitest';
import type { RunComparison } from '../engine/metrics/compareRuns';
import type { PairedDifference } from '../engine/metrics/pairedDifference';
import { directionOf, headlineVerdict } from './comparisonVerdict';

const diff = (meanDiff: number, lo: number, hi: number, baselineMean = 100): PairedDifference => ({ meanDiff, ci95: [lo, hi], baselineMean, proposalMean: baselineMean + meanDiff });
const none = diff(0, 0, 0, 0);
const comparison = (socializedLoss: PairedDifference, badDebt: PairedDifference) =>
  ({ paths: 100, socializedLoss, badDebt, pSocialized: none, fundDraw: none, vaultLoss: none, uncovered: none, liquidations: none, adlNotional: none, liquidatedNotional: none, fundInflow: none }) as RunComparison;

describe('directionOf', () => {
  it.each([
    ['a judged fall whose interval excludes 0', diff(-10, -15, -5), true, 'better'],
    ['a judged rise whose interval excludes 0', diff(10, 5, 15), true, 'worse'],
    ['an interval holding 0', diff(-10, -15, 5), true, 'no clear difference'],
    ['an unjudged fall', diff(-10, -15, -5), false, 'fewer'],
    ['an unjudged rise', diff(10, 5, 15), false, 'more'],
    ['an unjudged interval holding 0', diff(10, -5, 15), false, 'no clear difference'],
  ] as const)('%s', (_name, d, judged, expected) => {
    expect(directionOf(d, judged)).toBe(expected);
  });
});

describe('headlineVerdict', () => {
  it('is about socialized loss, or about bad debt when neither run socialized any', () => {
    expect(headlineVerdict(comparison(diff(-400, -600, -200, 900), diff(50, 10, 90)))).toMatchObject({ metric: 'socializedLoss', verdict: 'better' });
    expect(headlineVerdict(comparison(none, diff(50, 10, 90)))).toMatchObject({ metric: 'badDebt', verdict: 'worse', difference: { meanDiff: 50 } });
  });
});
