import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../metrics/summarizeRun';
import { defaultParams } from '../params/defaults';
import type { RiskParams } from '../params/riskParams';
import { createSimulator } from '../sim/simulateRange';
import { createImportanceSimulator } from './importanceSimulator';
import { mergeWeightedRanges } from './mergeWeightedRanges';
import { NOMINAL_PROPOSAL } from './proposal';
import { summarizeImportance } from './summarizeImportance';

/** The default market, small: 500 accounts, 240 steps, so a test runs in a blink. */
function smallMarket(overrides: Partial<RiskParams> = {}): RiskParams {
  const params = defaultParams();
  params.market.steps = 240;
  if (params.population.kind === 'generated') params.population.accounts = 500;
  params.scenario = { kind: 'jump', driftAnnual: 0, volAnnual: 0.8, jumpIntensityAnnual: 2000, jumpMean: 0, jumpStdev: 0.07 };
  return { ...params, ...overrides };
}

describe('createImportanceSimulator', () => {
  it('with the nominal proposal reproduces the plain simulator and its summary', () => {
    const params = smallMarket();
    const plain = createSimulator(params, 3).run(0, 60);
    const weighted = createImportanceSimulator(params, 3, { proposal: NOMINAL_PROPOSAL }).run(0, 60);
    expect(weighted.paths).toEqual(plain.paths);
    expect(weighted.lossByDecileUnits).toEqual(plain.lossByDecileUnits);
    expect(weighted.draws.weights.every((w) => w === 1)).toBe(true);
    const a = summarizeRun(plain, { explicit: false });
    const b = summarizeImportance(weighted, { explicit: false });
    expect(b.pSocialized).toBeCloseTo(a.pSocialized, 12);
    expect(b.socializedLoss.mean).toBeCloseTo(a.socializedLoss.mean, 6);
    expect(b.badDebt.mean).toBeCloseTo(a.badDebt.mean, 6);
    expect(b.liquidations).toBeCloseTo(a.liquidations, 9);
    expect(b.effectiveSampleSize).toBeCloseTo(60, 9);
    expect(b.estimator).toBe('importance');
  });

  it('gives path i the same prices and weight whatever the range split (determinism by index)', () => {
    const params = smallMarket();
    const whole = createImportanceSimulator(params, 9).run(0, 40);
    const simulator = createImportanceSimulator(params, 9);
    const merged = mergeWeightedRanges([simulator.run(17, 40), simulator.run(0, 17)]);
    expect(merged.draws).toEqual(whole.draws);
    expect(merged.paths).toEqual(whole.paths);
    expect(merged.series.price).toEqual(whole.series.price);
  });

  it('gives a proposal and its baseline (same scenario) the same tilted paths and weights: paired comparisons', () => {
    const baseline = smallMarket();
    const proposal = smallMarket({ insuranceFund: { ...baseline.insuranceFund, initial: '5000000' } });
    const a = createImportanceSimulator(baseline, 4).run(0, 30);
    const b = createImportanceSimulator(proposal, 4).run(0, 30);
    expect(b.draws.weights).toEqual(a.draws.weights);
    // Every per-path draw statistic is equal, so the paths are (the charted price is the mark, which also carries
    // each side's own liquidation impact and so may differ between the two).
    expect(b.draws).toEqual(a.draws);
  });

  it('keeps the ledger exact on tilted paths', () => {
    const result = createImportanceSimulator(smallMarket(), 2).run(0, 40);
    expect(result.paths.ledgerBalanced.every((ok) => ok === 1)).toBe(true);
  });

  it('refuses a crash scenario by name rather than sampling it plainly', () => {
    const params = smallMarket({ scenario: { kind: 'crash', preset: null, drawdown: 0.3, startMinute: 10, crashMinutes: 30, recovery: 0.5, recoveryMinutes: 60, volAnnual: 0.8 } });
    expect(() => createImportanceSimulator(params, 1)).toThrow(/crash scenario/);
  });
});
