import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPopulation } from '../population/buildPopulation';
import { annualCost, costAssumptionProblems, DEFAULT_COST_ASSUMPTIONS, rankByAnnualCost, type CostAssumptions } from './annualCost';
import { leverCosts, type LeverCosts } from './leverCosts';
import { withParam } from '../params/sweepableParams';
// Written against the pre-preset defaults (100-quote market, no tiers, socialize), set explicitly since the defaults became btc-binance.
import { legacyDefaultParams } from '../params/defaults';

const base = { ...legacyDefaultParams(), population: { ...legacyDefaultParams().population, accounts: 500 } } as ReturnType<typeof legacyDefaultParams>;
const population = buildPopulation(base, 3);
const costsOf = (path: string, value: string | number) => {
  const proposal = withParam(base, path, value);
  return leverCosts(base, proposal, population, buildPopulation(proposal, 3));
};

describe('annualCost', () => {
  it('prices a larger fund at the capital rate and nothing else', () => {
    const c = costsOf('insuranceFund.initial', Number(base.insuranceFund.initial) + 1_000_000);
    const a = annualCost(c, DEFAULT_COST_ASSUMPTIONS);
    expect(a.fundCapital).toBeCloseTo(50_000, 6);
    expect(a.collateralCarry).toBe(0);
    expect(a.lostOpenInterestRevenue).toBe(0);
    expect(a.keeperIncentives).toBe(0);
    expect(a.total).toBeCloseTo(50_000, 6);
  });

  it('prices higher maintenance margin as collateral carry plus lost open-interest revenue, by the stated formula', () => {
    const c = costsOf('margin.maintenanceMarginRatio', 0.08);
    expect(c.margin.initialMarginRatio).toBe(base.margin.initialMarginRatio);
    // Every position keeps its liquidation price only by adding 3 % of its notional: Σ 0.03 × notional, both sides.
    let notional = 0;
    for (let j = 0; j < population.count; j++) notional += (population.sizeBase[j] as number) * Number(base.market.initialPrice);
    expect(c.margin.bufferCollateralQuote).toBeCloseTo(0.03 * notional, 3);
    const a = annualCost(c, DEFAULT_COST_ASSUMPTIONS);
    expect(a.extraCollateralQuote).toBe(c.margin.bufferCollateralQuote);
    expect(a.collateralCarry).toBeCloseTo(a.extraCollateralQuote * 0.05, 6);
    const lost = Math.min(1, 0.5 * (a.extraCollateralQuote / c.baseCollateralQuote)) * c.openInterestQuote;
    expect(a.openInterestLostQuote).toBeCloseTo(lost, 6);
    expect(a.lostOpenInterestRevenue).toBeCloseTo(lost * 0.365, 6);
    expect(a.fundCapital).toBe(0);
  });

  it('prices keeper capacity against today’s finite capacity and calls more than unlimited free', () => {
    const limited = { ...base, liquidation: { ...base.liquidation, maxNotionalPerStep: '100000' } };
    const proposal = withParam(limited, 'liquidation.maxNotionalPerStep', '300000');
    const c = leverCosts(limited, proposal, population, population);
    const a = annualCost(c, DEFAULT_COST_ASSUMPTIONS);
    expect(a.keeperIncentives).toBeCloseTo(200_000 * (60 / base.market.stepSeconds) * 10 * 0.15, 6);
    const fromUnlimited: LeverCosts = { ...c, throughput: { ...c.throughput, basePerMinuteQuote: null } };
    expect(annualCost(fromUnlimited, DEFAULT_COST_ASSUMPTIONS).keeperIncentives).toBe(0);
  });

  it('is linear in each rate and never NaN (property)', () => {
    const c = costsOf('margin.maintenanceMarginRatio', 0.09);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (r1, r2) => {
        const a1 = annualCost(c, { ...DEFAULT_COST_ASSUMPTIONS, collateralRate: r1 });
        const a2 = annualCost(c, { ...DEFAULT_COST_ASSUMPTIONS, collateralRate: r2 });
        expect(Number.isFinite(a1.total)).toBe(true);
        expect(a1.collateralCarry - a2.collateralCarry).toBeCloseTo((r1 - r2) * a1.extraCollateralQuote, 3);
        expect(a1.lostOpenInterestRevenue).toBe(a2.lostOpenInterestRevenue);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses assumptions outside their limits by name', () => {
    const bad: CostAssumptions = { ...DEFAULT_COST_ASSUMPTIONS, fundCapitalRate: -0.1, keeperHoldMinutes: Number.NaN };
    expect(costAssumptionProblems(bad).join(' ')).toMatch(/fundCapitalRate.*keeperHoldMinutes/);
    expect(() => annualCost(costsOf('insuranceFund.initial', 1), bad)).toThrow(/fundCapitalRate/);
  });

  it('ranks cheapest first and keeps the given order on ties', () => {
    const cost = (total: number) => ({ fundCapital: total, collateralCarry: 0, lostOpenInterestRevenue: 0, keeperIncentives: 0, total, openInterestLostQuote: 0, extraCollateralQuote: 0 });
    const ranked = rankByAnnualCost([
      { id: 'fund', label: 'f', cost: cost(30) },
      { id: 'margin', label: 'm', cost: cost(10) },
      { id: 'throughput', label: 't', cost: cost(30) },
      { id: 'mix', label: 'x', cost: cost(20) },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['margin', 'mix', 'fund', 'throughput']);
  });
});
