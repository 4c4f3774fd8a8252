// The likelihood ratio of a tilted scenario, checked by sampling against closed forms. Seeds are fixed; the
// tolerances are 5 standard errors estimated from the sample, so a correct ratio fails about once in a million
// seeds while a wrong one (a missing compensator, a ratio inverted) moves the statistic by tens of them.
import { describe, expect, it } from 'vitest';
import type { ScenarioParams } from '../params/riskParams';
import { drawPricePath, prepareScenario } from '../scenario';
import { LARGE_JUMP_TAIL, drawTiltedPath, emptyPathDraw, prepareTiltedScenario, type TiltedScenario } from './drawTiltedPath';
import { DEFAULT_GBM_PROPOSAL, DEFAULT_JUMP_PROPOSAL, IDENTITY_TILT, NOMINAL_PROPOSAL, type ImportanceProposal } from './proposal';
import { weightedMean, weightedProbability } from './weightedEstimates';
import { normalCdf } from './testing/normalCdf';

const market = (steps: number) => ({ initialPrice: 100, steps, stepSeconds: 60 });
// λ such that a 200-step path expects one jump: λ·dt·199 = 1.
const DT = 60 / (365 * 86_400);
const jumpy: ScenarioParams = { kind: 'jump', driftAnnual: 0, volAnnual: 0.8, jumpIntensityAnnual: 1 / (199 * DT), jumpMean: -0.01, jumpStdev: 0.07 };
const gbm: ScenarioParams = { kind: 'gbm', driftAnnual: 0.2, volAnnual: 0.8 };

function sample(tilted: TiltedScenario, paths: number, seed: number, statistic: (prices: Float64Array, draw: ReturnType<typeof emptyPathDraw>) => number) {
  const out = new Float64Array(tilted.base.steps);
  const draw = emptyPathDraw();
  const weights = new Float64Array(paths);
  const values = new Float64Array(paths);
  for (let i = 0; i < paths; i++) {
    drawTiltedPath(tilted, seed, i, out, draw);
    weights[i] = draw.weight;
    values[i] = statistic(out, draw);
  }
  return { weights, values };
}

function expectWithin(estimate: { estimate: number; ci95: [number, number] }, truth: number): void {
  const se = (estimate.ci95[1] - estimate.ci95[0]) / (2 * 1.96);
  expect(se).toBeGreaterThan(0);
  expect(Math.abs(estimate.estimate - truth)).toBeLessThan(5 * se);
}

const ones = (n: number) => new Float64Array(n).fill(1);

describe('drawTiltedPath with the nominal proposal', () => {
  it.each([
    ['jump', jumpy],
    ['gbm', gbm],
  ] as const)('draws exactly the plain %s path of the same index, with weight 1', (_name, scenario) => {
    const prepared = prepareScenario(scenario, market(200));
    const tilted = prepareTiltedScenario(prepared, NOMINAL_PROPOSAL);
    const plain = new Float64Array(200);
    const mine = new Float64Array(200);
    const draw = emptyPathDraw();
    for (const path of [0, 1, 17, 999]) {
      drawPricePath(prepared, 5, path, plain);
      drawTiltedPath(tilted, 5, path, mine, draw);
      expect(mine).toEqual(plain);
      expect(draw.weight).toBe(1);
    }
  });

  it('an identity component of a mixture draws the plain path too (its weight is then not 1)', () => {
    const prepared = prepareScenario(jumpy, market(200));
    const tilted = prepareTiltedScenario(prepared, DEFAULT_JUMP_PROPOSAL);
    const plain = new Float64Array(200);
    const mine = new Float64Array(200);
    const draw = emptyPathDraw();
    let checked = 0;
    for (let path = 0; path < 40; path++) {
      drawTiltedPath(tilted, 5, path, mine, draw);
      if (draw.component !== 0) continue;
      drawPricePath(prepared, 5, path, plain);
      expect(mine).toEqual(plain);
      checked++;
    }
    expect(checked).toBeGreaterThan(2);
  });
});

describe('the likelihood ratio integrates to 1 under the proposal (E_q[p/q] = 1)', () => {
  const wideJumps: ImportanceProposal = {
    components: [
      { share: 0.1, tilt: IDENTITY_TILT },
      { share: 0.5, tilt: { jumpIntensityFactor: 3, jumpStdevFactor: 1.6, jumpMeanShift: -0.05, shockShift: 0.02 } },
      { share: 0.4, tilt: { jumpIntensityFactor: 0.5, jumpStdevFactor: 0.8, jumpMeanShift: 0.03, shockShift: -0.05 } },
    ],
  };
  it.each([
    ['jump, the default proposal', jumpy, DEFAULT_JUMP_PROPOSAL, false],
    ['jump, three components tilting every parameter', jumpy, wideJumps, false],
    ['jump, antithetic pairs', jumpy, DEFAULT_JUMP_PROPOSAL, true],
    ['gbm, the default two-sided drift tilt', gbm, DEFAULT_GBM_PROPOSAL, false],
  ] as const)('%s', (_name, scenario, proposal, antithetic) => {
    const tilted = prepareTiltedScenario(prepareScenario(scenario, market(200)), proposal, { antithetic });
    const { weights } = sample(tilted, 20_000, 3, () => 0);
    expectWithin(weightedMean(ones(weights.length), weights), 1);
  });

  it('and reweights the jump count to its nominal mean λ·T (E_q[w·N] = E_p[N] = 1)', () => {
    const tilted = prepareTiltedScenario(prepareScenario(jumpy, market(200)), DEFAULT_JUMP_PROPOSAL);
    const { weights, values } = sample(tilted, 20_000, 4, (_p, draw) => draw.jumpCount);
    expectWithin(weightedMean(weights, values), 1);
    // The proposal really is tilted: unweighted, the count is 0.2·1 + 0.8·2 = 1.8, many standard errors above 1.
    expect(weightedMean(ones(values.length), values).estimate).toBeGreaterThan(1.6);
  });

  it('and reweights the large-jump count to its nominal mean (steps − 1)(1 − e^{−λdt})·2Φ(−2.5), the control variate', () => {
    const prepared = prepareScenario(jumpy, market(200));
    if (prepared.kind !== 'jump') throw new Error('wrong kind');
    const tilted = prepareTiltedScenario(prepared, DEFAULT_JUMP_PROPOSAL);
    const { weights, values } = sample(tilted, 20_000, 5, (_p, draw) => draw.largeJumpSteps);
    expectWithin(weightedMean(weights, values), 199 * (1 - prepared.jumpCountCdf[0]!) * LARGE_JUMP_TAIL);
  });

  it('is bounded by 1 / (nominal share) in a defensive mixture', () => {
    const tilted = prepareTiltedScenario(prepareScenario(jumpy, market(200)), DEFAULT_JUMP_PROPOSAL);
    const { weights } = sample(tilted, 5_000, 6, () => 0);
    expect(Math.max(...weights)).toBeLessThanOrEqual(1 / 0.2 + 1e-9);
  });
});

describe('the weighted estimator is unbiased for closed-form rare events', () => {
  it('GBM: P(S_T ≤ K) with K at −3.5 standard deviations of log S_T, Φ(−3.5) = 2.3263e-4', () => {
    const steps = 200;
    const prepared = prepareScenario(gbm, market(steps));
    if (prepared.kind !== 'gbm') throw new Error('wrong kind');
    const n = steps - 1;
    const logK = n * prepared.logDriftPerStep - 3.5 * prepared.volPerStep * Math.sqrt(n);
    const proposal: ImportanceProposal = {
      components: [
        { share: 0.1, tilt: IDENTITY_TILT },
        { share: 0.9, tilt: { ...IDENTITY_TILT, shockShift: -3.5 / Math.sqrt(n) } },
      ],
    };
    const tilted = prepareTiltedScenario(prepared, proposal);
    const { weights, values } = sample(tilted, 20_000, 7, (prices) => (Math.log(prices[steps - 1]! / 100) <= logK ? 1 : 0));
    const estimate = weightedProbability(weights, values);
    expectWithin(estimate, 2.326290790355250e-4);
    // 20,000 plain paths would see about 5 such paths (±45 %); the tilt gets within a few per cent.
    expect((estimate.ci95[1] - estimate.ci95[0]) / 2 / estimate.estimate).toBeLessThan(0.06);
  });

  it('jump: P(N ≥ 4 jumps on a path) with λT = 1, 1 − e^{−1}(1 + 1 + 1/2 + 1/6)', () => {
    const tilted = prepareTiltedScenario(prepareScenario(jumpy, market(200)), {
      components: [
        { share: 0.2, tilt: IDENTITY_TILT },
        { share: 0.8, tilt: { ...IDENTITY_TILT, jumpIntensityFactor: 4 } },
      ],
    });
    const { weights, values } = sample(tilted, 20_000, 8, (_p, draw) => (draw.jumpCount >= 4 ? 1 : 0));
    expectWithin(weightedProbability(weights, values), 1 - Math.exp(-1) * (1 + 1 + 1 / 2 + 1 / 6));
  });

  it('jump: E[total log jump size ≤ −0.25] (size tilt), against the normal mixture over N ~ Poisson(1)', () => {
    const tilted = prepareTiltedScenario(prepareScenario(jumpy, market(200)), {
      components: [
        { share: 0.2, tilt: IDENTITY_TILT },
        { share: 0.8, tilt: { ...IDENTITY_TILT, jumpIntensityFactor: 2, jumpStdevFactor: 1.5, jumpMeanShift: -0.08 } },
      ],
    });
    // Σ jumps = jumpDeviation + N·m; given N it is Normal(N·m, N·s²); P = Σ_N Poisson(N; 1)·Φ((−0.25 − N m)/(s√N)).
    const m = -0.01;
    const s = 0.07;
    let truth = 0;
    let poisson = Math.exp(-1);
    for (let count = 1; count < 30; count++) {
      poisson /= count;
      truth += poisson * normalCdf((-0.25 - count * m) / (s * Math.sqrt(count)));
    }
    const { weights, values } = sample(tilted, 20_000, 9, (_p, draw) => (draw.jumpDeviation + draw.jumpCount * m <= -0.25 ? 1 : 0));
    expectWithin(weightedProbability(weights, values), truth);
  });
});

describe('the 95 % interval covers the truth at its nominal rate', () => {
  it('over 300 seeds of 400 importance-sampled GBM paths each (P(S_T ≤ K) at −3 sd, Φ(−3) = 1.3499e-3)', () => {
    const steps = 30;
    const prepared = prepareScenario(gbm, market(steps));
    if (prepared.kind !== 'gbm') throw new Error('wrong kind');
    const n = steps - 1;
    const logK = n * prepared.logDriftPerStep - 3 * prepared.volPerStep * Math.sqrt(n);
    const tilted = prepareTiltedScenario(prepared, {
      components: [
        { share: 0.2, tilt: IDENTITY_TILT },
        { share: 0.8, tilt: { ...IDENTITY_TILT, shockShift: -3 / Math.sqrt(n) } },
      ],
    });
    const truth = 1.3498980316300946e-3;
    let covered = 0;
    const seeds = 300;
    for (let seed = 1; seed <= seeds; seed++) {
      const { weights, values } = sample(tilted, 400, seed, (prices) => (Math.log(prices[steps - 1]! / 100) <= logK ? 1 : 0));
      const { ci95 } = weightedProbability(weights, values);
      if (ci95[0] <= truth && truth <= ci95[1]) covered++;
    }
    // Binomial(300, 0.95) lies in [270, 296] with probability > 0.9999.
    expect(covered).toBeGreaterThanOrEqual(270);
    expect(covered).toBeLessThanOrEqual(296);
  });
});
