import { describe, expect, it } from 'vitest';
import { defaultParams, PricePathStore, type RiskParams } from '../../src/engine/index';
import { createSimulatorCache } from './simulatorCache';

function small(maintenanceMarginRatio: number): RiskParams {
  const p = defaultParams();
  p.market.steps = 60;
  if (p.population.kind !== 'generated') throw new Error('the defaults generate their population');
  p.population.accounts = 200;
  p.margin.maintenanceMarginRatio = maintenanceMarginRatio;
  return p;
}

describe('createSimulatorCache', () => {
  it("lets a parameter edit reuse the worker's price paths, with the numbers of a fresh worker", () => {
    const store = new PricePathStore();
    const cache = createSimulatorCache(2, () => 0, store);
    cache.prepare({ key: 'before', params: small(0.004), seed: 9 });
    cache.runRange({ key: 'before', runId: 1, side: 'proposal', from: 0, to: 5 });
    expect(store.stats()).toMatchObject({ hits: 0, draws: 5 });

    // A margin edit: another simulator, the same scenario and seed, so the same five price paths.
    cache.prepare({ key: 'after', params: small(0.0045), seed: 9 });
    const edited = cache.runRange({ key: 'after', runId: 2, side: 'proposal', from: 0, to: 5 });
    expect(store.stats()).toMatchObject({ hits: 5, draws: 5 });

    const fresh = createSimulatorCache(2, () => 0, new PricePathStore(0));
    fresh.prepare({ key: 'after', params: small(0.0045), seed: 9 });
    expect(edited).toEqual(fresh.runRange({ key: 'after', runId: 2, side: 'proposal', from: 0, to: 5 }));
  });
});
