import { describe, expect, it } from 'vitest';
import { compareRuns } from './compareRuns';
import { summarizeRun } from './summarizeRun';
import { fakeRangeResult } from './testing/fakeRangeResult';
import { verdict, type PairedDifference } from './pairedDifference';

describe('compareRuns', () => {
  const baseline = fakeRangeResult({ seed: 1, from: 0, to: 200 });

  it('a run against itself: every difference is exactly 0 with interval [0, 0]', () => {
    const cmp = compareRuns(baseline, baseline, { tail: true });
    expect(cmp.paths).toBe(200);
    const { tail, ...rest } = cmp;
    for (const [key, diff] of Object.entries(rest)) {
      if (key === 'paths') continue;
      expect(diff, key).toMatchObject({ meanDiff: 0, ci95: [0, 0] });
      expect(verdict(diff as PairedDifference, { lowerIsBetter: true }), key).toBe('no clear difference');
    }
    for (const key of ['socializedLoss', 'badDebt', 'fundDraw'] as const) expect(tail![key], key).toEqual({ var99: [0, 0], es99: [0, 0] });
    expect(tail!.pSocializedReplicates.proposal).toEqual(tail!.pSocializedReplicates.baseline);
  });

  it('carries paired bootstrap intervals of the tail changes, in quote, that bracket the point change here', () => {
    const proposal = fakeRangeResult({ seed: 1, from: 0, to: 200 });
    proposal.paths.badDebtUnits = proposal.paths.badDebtUnits.map((u) => u * 2);
    expect(compareRuns(proposal, baseline).tail).toBeUndefined();
    const cmp = compareRuns(proposal, baseline, { tail: true });
    const a = summarizeRun(proposal, { explicit: false });
    const b = summarizeRun(baseline, { explicit: false });
    const change = a.badDebt.es99 - b.badDebt.es99;
    expect(cmp.tail!.badDebt.es99[0]).toBeLessThanOrEqual(change);
    expect(cmp.tail!.badDebt.es99[1]).toBeGreaterThanOrEqual(change);
    expect(cmp.tail!.method).toContain('paired percentile Poisson bootstrap');
    expect(cmp.tail!.pSocializedReplicates.proposal).toHaveLength(400);
    expect(cmp.openDeficit!.baselineMean).toBeCloseTo(b.openDeficit.mean, 9);
  });

  it('reports money in quote and agrees with the two summaries', () => {
    const proposal = fakeRangeResult({ seed: 1, from: 0, to: 200 });
    proposal.paths.badDebtUnits = proposal.paths.badDebtUnits.map((u) => Math.floor(u / 2));
    proposal.paths.socializedLossUnits = proposal.paths.socializedLossUnits.map((u, i) => (i % 2 === 0 ? 0 : u));
    const cmp = compareRuns(proposal, baseline);
    const a = summarizeRun(proposal, { explicit: false });
    const b = summarizeRun(baseline, { explicit: false });
    expect(cmp.badDebt.proposalMean).toBeCloseTo(a.badDebt.mean, 9);
    expect(cmp.badDebt.baselineMean).toBeCloseTo(b.badDebt.mean, 9);
    expect(cmp.badDebt.meanDiff).toBeCloseTo(a.badDebt.mean - b.badDebt.mean, 6);
    expect(cmp.pSocialized.proposalMean).toBe(a.pSocialized);
    expect(cmp.pSocialized.baselineMean).toBe(b.pSocialized);
    expect(verdict(cmp.badDebt, { lowerIsBetter: true })).toBe('better');
    expect(verdict(cmp.pSocialized, { lowerIsBetter: true })).toBe('better');
    expect(cmp.fundDraw).toMatchObject({ meanDiff: 0, ci95: [0, 0] });
  });

  it('pairs P(fund emptied) like P(socialized), counting a fund emptied at step 0', () => {
    const proposal = fakeRangeResult({ seed: 1, from: 0, to: 200 });
    const depleted = (i: number) => (i % 4 === 0 ? 0 : i % 4 === 1 ? 17 : -1);
    baseline.paths.fundDepletedStep.forEach((_, i) => (baseline.paths.fundDepletedStep[i] = depleted(i)));
    proposal.paths.fundDepletedStep.forEach((_, i) => (proposal.paths.fundDepletedStep[i] = i % 4 === 0 ? 3 : -1));
    const cmp = compareRuns(proposal, baseline);
    expect(cmp.fundDepleted?.baselineMean).toBe(summarizeRun(baseline, { explicit: false }).fundDepletedShare);
    expect(cmp.fundDepleted?.baselineMean).toBe(0.5);
    expect(cmp.fundDepleted?.proposalMean).toBe(0.25);
    expect(cmp.fundDepleted?.meanDiff).toBeCloseTo(-0.25, 12);
    expect(verdict(cmp.fundDepleted!, { lowerIsBetter: true })).toBe('better');
  });

  it('refuses runs over different paths', () => {
    expect(() => compareRuns(fakeRangeResult({ seed: 1, from: 0, to: 100 }), baseline)).toThrow(/same paths/);
    expect(() => compareRuns(fakeRangeResult({ seed: 1, from: 5, to: 5 }), fakeRangeResult({ seed: 2, from: 5, to: 5 }))).toThrow(/zero paths/);
  });
});
