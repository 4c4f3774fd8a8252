import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/defaults';
import { batchPopulationSeed, populationBatches } from '../sim/populationBatches';
import { populationInterval } from './populationInterval';
import { wilsonInterval } from './wilson';

describe('populationInterval (batch means)', () => {
  it('is mean ± t·sd/√K when the batches disagree more than the path noise', () => {
    const counts = [0, 100, 0, 100]; // 4 populations of 100 paths: half never socialize, half always
    const r = populationInterval(counts, 100);
    const half = 3.182 * (Math.sqrt((4 * 0.25) / 3) / 2);
    expect(r.pSocialized).toBe(0.5);
    expect(r.interval[0]).toBeCloseTo(Math.max(0, 0.5 - half), 12);
    expect(r.interval[1]).toBeCloseTo(Math.min(1, 0.5 + half), 12);
  });
  it('is never narrower than the pooled Wilson interval (rare events: most batches see 0)', () => {
    const r = populationInterval([0, 0, 1, 0, 0, 0, 0, 0, 0, 0], 100);
    const [lo, hi] = wilsonInterval(1, 1000);
    expect(r.interval[0]).toBeLessThanOrEqual(lo);
    expect(r.interval[1]).toBeGreaterThanOrEqual(hi);
  });
  it('refuses fewer than 2 batches', () => {
    expect(() => populationInterval([3], 10)).toThrow(/at least 2/);
  });
});

describe('populationBatches', () => {
  it('draws a different population per batch, deterministically, and is null for an explicit population', () => {
    expect(batchPopulationSeed(1, 0)).not.toBe(batchPopulationSeed(1, 1));
    expect(batchPopulationSeed(2 ** 40 + 1, 3)).toBe(batchPopulationSeed(2 ** 40 + 1, 3));
    const params = defaultParams();
    params.population = { ...params.population, accounts: 300 } as typeof params.population;
    params.market = { ...params.market, steps: 120 };
    const a = populationBatches(params, 5, 40, 4);
    expect(a).toEqual(populationBatches(params, 5, 40, 4));
    expect(a?.populations).toBe(4);
    expect(a?.pathsPerPopulation).toBe(10);
    expect(populationBatches({ ...params, population: { kind: 'explicit', accounts: [{ id: 'a', side: 'long', size: '1', entryPrice: '100', collateral: '10' }] } }, 1, 40)).toBeNull();
  });
});
