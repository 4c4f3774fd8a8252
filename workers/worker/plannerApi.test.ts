import { describe, expect, it } from 'vitest';
import { defaultParams, PricePathStore, type RiskParams } from '../../src/engine/index';
import { createPlannerApi } from './plannerApi';

function small(): RiskParams {
  const p = defaultParams();
  p.market.steps = 60;
  if (p.population.kind !== 'generated') throw new Error('the defaults generate their population');
  p.population.accounts = 200;
  return p;
}

describe('createPlannerApi', () => {
  it('draws a margin sweep’s price paths once, and answers as a planner that keeps none', () => {
    const store = new PricePathStore();
    const keeping = createPlannerApi(() => 0, store);
    const drawing = createPlannerApi(() => 0, new PricePathStore(0));
    const job = (valueText: string) => ({ params: small(), seed: 4, paths: 12, path: 'margin.maintenanceMarginRatio', valueText });
    for (const value of ['0.003', '0.004', '0.0045']) {
      expect(keeping.runPoint(job(value))).toEqual(drawing.runPoint(job(value)));
    }
    // Three points of 12 paths each: the first drew them, the other two were served.
    expect(store.stats()).toMatchObject({ draws: 12, hits: 24 });
  });
});
