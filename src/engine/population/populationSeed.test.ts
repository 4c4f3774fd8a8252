import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/defaults';
import type { RiskParams } from '../params/riskParams';
import { validateParams } from '../params/validateParams';
import { buildPopulation } from './buildPopulation';

function withPopulationSeed(seed: unknown): unknown {
  const params = defaultParams();
  return { ...params, population: { ...params.population, accounts: 200, seed } };
}

describe('population.seed', () => {
  it('fixes the generated population whatever the run seed', () => {
    const checked = validateParams(withPopulationSeed(42));
    if (!checked.ok) throw new Error('refused');
    expect(buildPopulation(checked.params, 1)).toEqual(buildPopulation(checked.params, 2));
    // ... and is the population the run seed 42 would have drawn.
    const plain: RiskParams = { ...checked.params, population: { ...checked.params.population, seed: undefined } as RiskParams['population'] };
    expect(buildPopulation(checked.params, 7)).toEqual(buildPopulation(plain, 42));
  });
  it('absent, the population follows the run seed as before', () => {
    const params = defaultParams();
    params.population = { ...params.population, accounts: 200 } as RiskParams['population'];
    expect(buildPopulation(params, 1).sizeBase).not.toEqual(buildPopulation(params, 2).sizeBase);
  });
  it.each([
    [1.5, 'must be a whole number, got 1.5'],
    [-1, 'must be at least 0, got -1'],
    ['3', "must be a whole number, got '3'"],
  ])('refuses %s naming population.seed', (seed, message) => {
    const checked = validateParams(withPopulationSeed(seed));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems).toEqual([{ field: 'population.seed', message }]);
  });
});
