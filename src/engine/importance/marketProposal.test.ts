// The market-fitted Esscher proposal: its weights are exact likelihood ratios (they integrate to 1 and reweight
// to closed-form nominal answers), its tilted components move the day's log return by the Esscher cumulant's
// slope, and the interval it gives covers the truth at its nominal rate. Fixed seeds; tolerances of 5 standard
// errors estimated from the sample, as in likelihoodRatio.test.ts.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/defaults';
import type { ScenarioParams } from '../params/riskParams';
import { prepareScenario, type PreparedScenario } from '../scenario';
import { drawTiltedPath, emptyPathDraw, prepareTiltedScenario, type TiltedScenario } from './drawTiltedPath';
import { defaultProposal, defaultProposalFor } from './importanceSimulator';
import { ESSCHER_SHIFT_SD, MAX_JUMP_TILT, NOMINAL_SHARE, esscherProposal, esscherTilt, pathLogVariance } from './marketProposal';
import { DEFAULT_GBM_PROPOSAL, IDENTITY_TILT } from './proposal';
import { weightedMean, weightedProbability, type Estimate } from './weightedEstimates';
import { normalCdf } from './testing/normalCdf';

const DT = 60 / (365 * 86_400);
const market = (steps: number) => ({ initialPrice: 100, steps, stepSeconds: 60 });
/** btc-binance's shape on a short path: ten small jumps a "day" of 200 steps, ~3/4 of the variance diffusion. */
const manySmallJumps: ScenarioParams = { kind: 'jump', driftAnnual: 0.1, volAnnual: 1.2, jumpIntensityAnnual: 10 / (199 * DT), jumpMean: -0.001, jumpStdev: 0.004 };
/** The old default's shape: one wide jump a "day", jumps carry most of the variance. */
const oneWideJump: ScenarioParams = { kind: 'jump', driftAnnual: 0, volAnnual: 0.8, jumpIntensityAnnual: 1 / (199 * DT), jumpMean: -0.01, jumpStdev: 0.045 };

function jumpPrepared(scenario: ScenarioParams, steps: number): Extract<PreparedScenario, { kind: 'jump' }> {
  const prepared = prepareScenario(scenario, market(steps));
  if (prepared.kind !== 'jump') throw new Error('wrong kind');
  return prepared;
}

/** Per path: weight, component and log return log(S_T / S_0). */
function sample(tilted: TiltedScenario, paths: number, seed: number) {
  const out = new Float64Array(tilted.base.steps);
  const draw = emptyPathDraw();
  const weights = new Float64Array(paths);
  const component = new Int32Array(paths);
  const logReturn = new Float64Array(paths);
  for (let i = 0; i < paths; i++) {
    drawTiltedPath(tilted, seed, i, out, draw);
    weights[i] = draw.weight;
    component[i] = draw.component;
    logReturn[i] = Math.log(out[tilted.base.steps - 1]! / 100);
  }
  return { weights, component, logReturn };
}

function expectWithin(estimate: Estimate, truth: number): void {
  const se = (estimate.ci95[1] - estimate.ci95[0]) / (2 * 1.96);
  expect(se).toBeGreaterThan(0);
  expect(Math.abs(estimate.estimate - truth)).toBeLessThan(5 * se);
}

const ones = (n: number) => new Float64Array(n).fill(1);

/** Nominal mean of log(S_T / S_0): (steps − 1)(log drift per step + λdt·m). */
function nominalMeanLogReturn(prepared: Extract<PreparedScenario, { kind: 'jump' }>): number {
  const jumpsPerStep = -Math.log(prepared.jumpCountCdf[0]!);
  return (prepared.steps - 1) * (prepared.logDriftPerStep + jumpsPerStep * prepared.jumpMean);
}

/** P(log S_T ≤ k) in closed form: given N ~ Poisson(λT) jumps, log S_T is normal. */
function logReturnCdf(prepared: Extract<PreparedScenario, { kind: 'jump' }>, k: number): number {
  const n = prepared.steps - 1;
  const lambdaT = -Math.log(prepared.jumpCountCdf[0]!) * n;
  let poisson = Math.exp(-lambdaT);
  let total = 0;
  for (let count = 0; count < 200; count++) {
    if (count > 0) poisson *= lambdaT / count;
    const mean = n * prepared.logDriftPerStep + count * prepared.jumpMean;
    const sd = Math.sqrt(n * prepared.volPerStep ** 2 + count * prepared.jumpStdev ** 2);
    total += poisson * normalCdf((k - mean) / sd);
  }
  return total;
}

describe('esscherProposal', () => {
  it('is a defensive two-sided mixture: nominal share, then +η and −η of one Esscher tilt', () => {
    const prepared = jumpPrepared(manySmallJumps, 200);
    const { components } = esscherProposal(prepared);
    expect(components.map((c) => c.share)).toEqual([NOMINAL_SHARE, (1 - NOMINAL_SHARE) / 2, (1 - NOMINAL_SHARE) / 2]);
    expect(components[0]!.tilt).toEqual(IDENTITY_TILT);
    const eta = ESSCHER_SHIFT_SD / Math.sqrt(pathLogVariance(prepared));
    expect(components[1]!.tilt).toEqual(esscherTilt(prepared, eta));
    expect(components[2]!.tilt).toEqual(esscherTilt(prepared, -eta));
    const up = components[1]!.tilt;
    expect(up.shockShift).toBeCloseTo(eta * prepared.volPerStep, 15);
    expect(up.jumpMeanShift).toBeCloseTo(eta * 0.004 ** 2, 15);
    expect(up.jumpStdevFactor).toBe(1);
    expect(up.jumpIntensityFactor).toBeCloseTo(Math.exp(eta * -0.001 + (eta * eta * 0.004 ** 2) / 2), 12);
  });

  it('splits the tilt by variance: on a diffusion-dominated market the drift carries most of the shift', () => {
    const small = jumpPrepared(manySmallJumps, 200);
    const wide = jumpPrepared(oneWideJump, 200);
    // Share of the mean shift the diffusion carries: η·nσ² over η·V, ≈ its share of the variance.
    const diffusionShare = (p: typeof small) => ((p.steps - 1) * p.volPerStep ** 2) / pathLogVariance(p);
    expect(diffusionShare(small)).toBeGreaterThan(0.6);
    expect(diffusionShare(wide)).toBeLessThan(0.3);
    // …and each jump's mean moves by η·s² = (η·s) jump standard deviations: a fraction where jumps are noise, most
    // of one where a single jump carries the day.
    const jumpShiftInSd = (p: typeof small) => esscherProposal(p).components[1]!.tilt.jumpMeanShift / p.jumpStdev;
    expect(jumpShiftInSd(small)).toBeLessThan(0.2);
    expect(jumpShiftInSd(wide)).toBeGreaterThan(0.5);
    expect(esscherProposal(small).components[1]!.tilt.jumpIntensityFactor).toBeLessThan(1.02);
  });

  it('caps the tilt of rare wide jumps at |η|·(|m| + s) = MAX_JUMP_TILT', () => {
    const rareWide = jumpPrepared({ kind: 'jump', driftAnnual: 0, volAnnual: 0.01, jumpIntensityAnnual: 0.05 / (199 * DT), jumpMean: 0, jumpStdev: 0.2 }, 200);
    const up = esscherProposal(rareWide).components[1]!.tilt;
    expect(up.jumpMeanShift / 0.2).toBeCloseTo(MAX_JUMP_TILT, 12);
    expect(up.jumpIntensityFactor).toBeCloseTo(Math.exp(MAX_JUMP_TILT ** 2 / 2), 12);
  });

  it('is what a jump market (the btc-binance default) samples by default; gbm and jump-free markets keep the drift tilt', () => {
    const btc = defaultParams();
    expect(btc.scenario.kind).toBe('jump');
    const proposal = defaultProposal(btc);
    expect(proposal.components).toHaveLength(3);
    expect(proposal.components[1]!.tilt.jumpMeanShift).toBeGreaterThan(0);
    expect(defaultProposalFor(prepareScenario({ kind: 'gbm', driftAnnual: 0, volAnnual: 0.5 }, market(50)))).toBe(DEFAULT_GBM_PROPOSAL);
    expect(defaultProposalFor(prepareScenario({ ...oneWideJump, jumpIntensityAnnual: 0 } as ScenarioParams, market(50)))).toBe(DEFAULT_GBM_PROPOSAL);
  });
});

describe('the Esscher proposal weighs exactly', () => {
  it.each([
    ['many small jumps', manySmallJumps],
    ['one wide jump', oneWideJump],
  ] as const)('%s: E_q[w] = 1, E_q[w·log return] = the nominal mean, and the tilted components drift by the cumulant slope', (_name, scenario) => {
    const prepared = jumpPrepared(scenario, 200);
    const proposal = esscherProposal(prepared);
    const tilted = prepareTiltedScenario(prepared, proposal);
    const { weights, component, logReturn } = sample(tilted, 20_000, 11);
    expectWithin(weightedMean(ones(weights.length), weights), 1);
    expectWithin(weightedMean(weights, logReturn), nominalMeanLogReturn(prepared));
    // Under the tilt +η the day's log return has mean K'(η) = (n)(μ + θσ + λdt·c·(m + δ)), n = steps − 1.
    const up = proposal.components[1]!.tilt;
    const n = prepared.steps - 1;
    const jumpsPerStep = -Math.log(prepared.jumpCountCdf[0]!);
    const upMean = n * (prepared.logDriftPerStep + up.shockShift * prepared.volPerStep + jumpsPerStep * up.jumpIntensityFactor * (prepared.jumpMean + up.jumpMeanShift));
    const upPaths = logReturn.filter((_x, i) => component[i] === 1);
    expect(upPaths.length).toBeGreaterThan(6_000);
    expectWithin(weightedMean(ones(upPaths.length), upPaths), upMean);
    // …which is about ESSCHER_SHIFT_SD daily standard deviations above the nominal mean.
    expect((upMean - nominalMeanLogReturn(prepared)) / Math.sqrt(pathLogVariance(prepared))).toBeGreaterThan(0.8 * ESSCHER_SHIFT_SD);
  });

  it('is unbiased for a closed-form tail: P(log S_T ≤ −3.5 sd) on the many-small-jumps market', () => {
    const prepared = jumpPrepared(manySmallJumps, 200);
    const k = nominalMeanLogReturn(prepared) - 3.5 * Math.sqrt(pathLogVariance(prepared));
    const truth = logReturnCdf(prepared, k);
    expect(truth).toBeGreaterThan(1e-4);
    expect(truth).toBeLessThan(1e-3);
    const tilted = prepareTiltedScenario(prepared, esscherProposal(prepared, 3.5));
    const { weights, logReturn } = sample(tilted, 20_000, 12);
    const estimate = weightedProbability(
      weights,
      logReturn.map((x) => (x <= k ? 1 : 0)),
    );
    expectWithin(estimate, truth);
    // Plain sampling would see ~5 of 20,000 (±90 %); the tilt gets within a few per cent.
    expect((estimate.ci95[1] - estimate.ci95[0]) / 2 / estimate.estimate).toBeLessThan(0.1);
  });

  it('gives a 95 % interval that covers the truth at its nominal rate (300 seeds × 400 paths, one-wide-jump tail)', () => {
    const prepared = jumpPrepared({ ...oneWideJump, jumpIntensityAnnual: 1 / (29 * DT) } as ScenarioParams, 30);
    const k = nominalMeanLogReturn(prepared) - 2.5 * Math.sqrt(pathLogVariance(prepared));
    const truth = logReturnCdf(prepared, k);
    const tilted = prepareTiltedScenario(prepared, esscherProposal(prepared, 2));
    let covered = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { weights, logReturn } = sample(tilted, 400, seed);
      const { ci95 } = weightedProbability(
        weights,
        logReturn.map((x) => (x <= k ? 1 : 0)),
      );
      if (ci95[0] <= truth && truth <= ci95[1]) covered++;
    }
    // Binomial(300, 0.95) lies in [270, 296] with probability > 0.9999.
    expect(covered).toBeGreaterThanOrEqual(270);
    expect(covered).toBeLessThanOrEqual(296);
  });
});
