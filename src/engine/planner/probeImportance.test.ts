import { describe, expect, it } from 'vitest';
import { createImportanceSimulator } from '../importance/importanceSimulator';
import { weightedProbability } from '../importance/weightedEstimates';
import { aWorld, anAccount } from '../testing/builders';
import { probeEstimator, probeParams } from './probe';
import { stormyWorld } from './testing/worlds';

describe('probeEstimator', () => {
  const replay = aWorld({ prices: ['100', '90'], accounts: [anAccount({ id: 'a' })] });
  it.each([
    ['a jump market, target 1 %: importance', stormyWorld(), 0.01, 'auto', 'importance'],
    ['a jump market, target 1.49 %: importance', stormyWorld(), 0.0149, 'auto', 'importance'],
    ['a jump market, target 1.5 % (IMPORTANCE_BELOW_TARGET): plain, which measured as efficient there', stormyWorld(), 0.015, 'auto', 'plain'],
    ['a jump market, target 5 %: plain', stormyWorld(), 0.05, 'auto', 'plain'],
    ['a replay market cannot be tilted: plain even at 1 %', replay, 0.01, 'auto', 'plain'],
    ['an explicit choice wins', stormyWorld(), 0.01, 'plain', 'plain'],
  ] as const)('%s', (_name, params, target, choice, expected) => {
    expect(probeEstimator(params, target, choice)).toBe(expected);
  });
});

describe('probeParams with importance sampling (target below 1.5 %)', () => {
  const world = stormyWorld();
  const settings = { seed: 5, target: 0.012, initialPaths: 200, maxPaths: 200 };

  it('reports the weighted estimate and interval of the tilted paths, and whether it clears the target', () => {
    const outcome = probeParams(world, settings);
    expect(outcome.estimator).toBe('importance');
    const range = createImportanceSimulator(world, settings.seed).run(0, 200);
    const direct = weightedProbability(range.draws.weights, range.paths.socializedLossUnits);
    expect(outcome.pSocialized).toBe(direct.estimate);
    expect(outcome.pSocializedCI).toEqual(direct.ci95);
    expect(outcome.passes).toBe(direct.ci95[1] <= settings.target);
    expect(outcome.ledgerBalanced).toBe(true);
  });

  it('agrees with plain sampling of the same market within their intervals', () => {
    const tilted = probeParams(world, { ...settings, initialPaths: 400, maxPaths: 400 });
    const plain = probeParams(world, { ...settings, initialPaths: 400, maxPaths: 400, estimator: 'plain' });
    expect(plain.estimator).toBe('plain');
    const se = (ci: [number, number]) => (ci[1] - ci[0]) / (2 * 1.96);
    expect(Math.abs(tilted.pSocialized - plain.pSocialized)).toBeLessThan(3 * Math.hypot(se(tilted.pSocializedCI), se(plain.pSocializedCI)));
  });
});
