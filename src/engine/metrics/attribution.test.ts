import { describe, expect, it } from 'vitest';
import type { RiskParams } from '../params/riskParams';
import { createSimulator } from '../sim/simulateRange';
import { attributeChanges, withChanges } from './attribution';
import { compareRuns } from './compareRuns';
// Written against the pre-preset defaults (100-quote market, no tiers, socialize), set explicitly since the defaults became btc-binance.
import { legacyDefaultParams } from '../params/defaults';

const small = (): RiskParams => ({ ...legacyDefaultParams(), population: { ...legacyDefaultParams().population, accounts: 300 } as RiskParams['population'] });
const run = (paths: number) => (p: RiskParams) => createSimulator(p, 5).run(0, paths);

describe('attributeChanges', () => {
  it('applies each change alone and together, on the same paths; together equals the plain comparison', () => {
    const baseline = small();
    const proposal: RiskParams = {
      ...baseline,
      margin: { ...baseline.margin, maintenanceMarginRatio: 0.06 },
      insuranceFund: { ...baseline.insuranceFund, initial: '1000000' },
    };
    const a = attributeChanges(baseline, proposal, ['margin.maintenanceMarginRatio', 'insuranceFund.initial'], run(60));
    expect(a.paths).toBe(60);
    expect(a.rows.map((r) => [r.fields.join('+'), r.together])).toEqual([
      ['margin.maintenanceMarginRatio', false],
      ['insuranceFund.initial', false],
      ['margin.maintenanceMarginRatio+insuranceFund.initial', true],
    ]);
    const direct = compareRuns(run(60)(proposal), run(60)(baseline));
    expect(a.rows[2]!.socializedLoss).toEqual(direct.socializedLoss);
    const fundAlone = compareRuns(run(60)(withChanges(baseline, proposal, ['insuranceFund.initial'])), run(60)(baseline));
    expect(a.rows[1]!.socializedLoss).toEqual(fundAlone.socializedLoss);
    expect(a.interactionSocializedLoss).toBeCloseTo(a.rows[2]!.socializedLoss!.meanDiff - a.rows[0]!.socializedLoss!.meanDiff - a.rows[1]!.socializedLoss!.meanDiff, 9);
  });

  it('says when a change is invalid alone instead of running it', () => {
    const baseline = small();
    const proposal: RiskParams = { ...baseline, margin: { ...baseline.margin, maintenanceMarginRatio: 0.15, initialMarginRatio: 0.2 } };
    const a = attributeChanges(baseline, proposal, ['margin.maintenanceMarginRatio', 'margin.initialMarginRatio'], run(20));
    expect(a.rows[0]!.problem).toMatch(/maintenanceMarginRatio/);
    expect(a.rows[0]!.socializedLoss).toBeNull();
    expect(a.rows[2]!.problem).toBeNull();
    expect(a.interactionSocializedLoss).toBeNull();
  });

  it('withChanges copies only the named fields', () => {
    const baseline = small();
    const proposal: RiskParams = { ...baseline, insuranceFund: { ...baseline.insuranceFund, initial: '5' }, market: { ...baseline.market, steps: 10 } };
    const mixed = withChanges(baseline, proposal, ['insuranceFund.initial']);
    expect(mixed.insuranceFund.initial).toBe('5');
    expect(mixed.market.steps).toBe(baseline.market.steps);
  });
});
