import { describe, expect, it } from 'vitest';
import { drawPricePath } from '../scenario/drawPricePath';
import { prepareScenario } from '../scenario/prepareScenario';
import type { ScenarioParams } from '../params/riskParams';
import { fitGbm, fitJump, logReturns, type Estimate } from './fitScenario';

function synthetic(scenario: ScenarioParams, steps: number, stepSeconds: number, seed: number): Float64Array {
  const out = new Float64Array(steps);
  drawPricePath(prepareScenario(scenario, { initialPrice: 100, steps, stepSeconds }), seed, 0, out);
  return out;
}

/** |estimate − truth| within k standard errors (k = 3: a correct fit fails about 1 in 370 seeds, a fixed seed here). */
function within(estimate: Estimate, truth: number, k = 3): void {
  expect(estimate.se).not.toBeNull();
  expect(Math.abs(estimate.value - truth)).toBeLessThan(k * estimate.se!);
}

describe('fitGbm', () => {
  it('recovers drift and vol of a daily-step GBM within its standard errors', () => {
    const prices = synthetic({ kind: 'gbm', driftAnnual: 0.4, volAnnual: 0.6 }, 20_001, 86_400, 3);
    const fit = fitGbm(prices, 86_400);
    within(fit.volAnnual, 0.6);
    within(fit.driftAnnual, 0.4);
    // The SEs are the textbook ones: σ/√(2n) for the vol, ≈ σ/√T for the drift.
    expect(fit.volAnnual.se).toBeCloseTo(0.6 / Math.sqrt(40_000), 3);
    expect(fit.driftAnnual.se! / (0.6 / Math.sqrt(20_000 / 365))).toBeCloseTo(1, 1);
  });
  it('recovers vol on minute steps and its standard errors cover the truth on most of 40 seeds', () => {
    let covered = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const fit = fitGbm(synthetic({ kind: 'gbm', driftAnnual: 0, volAnnual: 0.8 }, 2_001, 60, seed), 60);
      if (Math.abs(fit.volAnnual.value - 0.8) < 1.96 * fit.volAnnual.se!) covered++;
    }
    // A 95 % interval covers about 38 of 40; fewer than 33 would mean the SEs are too small.
    expect(covered).toBeGreaterThanOrEqual(33);
  });
  it('refuses fewer than 3 prices and non-positive prices', () => {
    expect(() => logReturns([1, 2])).toThrow(/at least 3/);
    expect(() => logReturns([1, 0, 2])).toThrow(/price 1/);
  });
});

describe('fitJump', () => {
  it('recovers every Merton parameter of a minute-step series within 3 standard errors', () => {
    const truth = { kind: 'jump' as const, driftAnnual: 0, volAnnual: 0.8, jumpIntensityAnnual: 20_000, jumpMean: -0.004, jumpStdev: 0.01 };
    const prices = synthetic(truth, 40_001, 60, 7); // ≈ 1,520 jumps of ≈ 1 % on ≈ 0.1 % diffusion steps
    const fit = fitJump(prices, 60);
    within(fit.volAnnual, truth.volAnnual);
    within(fit.jumpIntensityAnnual, truth.jumpIntensityAnnual);
    within(fit.jumpMean, truth.jumpMean);
    within(fit.jumpStdev, truth.jumpStdev);
    within(fit.driftAnnual, truth.driftAnnual);
    // And the jump model explains the tape far better than GBM does.
    expect(fit.logLikelihood).toBeGreaterThan(fitGbm(prices, 60).logLikelihood + 100);
  });
  it('on a series without jumps finds the diffusion vol and a negligible jump variance', () => {
    const prices = synthetic({ kind: 'gbm', driftAnnual: 0, volAnnual: 0.5 }, 20_001, 60, 5);
    const fit = fitJump(prices, 60);
    // No jumps: the likelihood is flat in the jump size, so standard errors may be null; the vol is still σ.
    expect(Math.abs(fit.volAnnual.value - 0.5)).toBeLessThan(4 * (0.5 / Math.sqrt(2 * 20_000)));
    const jumpVarianceShare =
      (fit.jumpIntensityAnnual.value * (fit.jumpMean.value ** 2 + fit.jumpStdev.value ** 2)) / 0.25;
    expect(jumpVarianceShare).toBeLessThan(0.05);
  });
});
