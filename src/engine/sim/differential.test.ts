import { withLossMechanismDefaults, type LossMechanismInput } from '../params/lossMechanism';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RiskParams, SliceParams } from '../params/riskParams';
import { buildPopulation } from '../population/buildPopulation';
import { drawPricePath, prepareScenario } from '../scenario';
import { naiveSimulatePath } from '../testing/naiveEngine';
import { smallWorldArb } from '../testing/arbitraries';
import { simConfig } from './config/simConfig';
import { createSimulator } from './simulateRange';
import type { FinderKind } from '../liquidation/liquidationFinder';

/**
 * Differential tests (tldraw-style fuzz): the production engine, with the sorted frontier and with the scan
 * finder, against the naive reference engine on random small worlds. Every ledger total, count and per-account
 * burden must be identical, not close.
 */

function compareWithNaive(params: RiskParams, seed: number, paths: number, finder: FinderKind): void {
  const result = createSimulator(params, seed, { finder }).run(0, paths);
  const population = buildPopulation(params, seed);
  const config = simConfig(params);
  const scenario = prepareScenario(params.scenario, { initialPrice: config.initialPrice, steps: config.steps, stepSeconds: params.market.stepSeconds });
  const prices = new Float64Array(config.steps);
  const borneTotal = new Float64Array(population.count);
  const p = result.paths;
  for (let i = 0; i < paths; i++) {
    drawPricePath(scenario, seed, i, prices);
    const naive = naiveSimulatePath(config, population, prices, seed, i);
    const got = {
      badDebt: p.badDebtUnits[i],
      fundDraw: p.fundDrawUnits[i],
      socializedLoss: p.socializedLossUnits[i],
      vaultLoss: p.vaultLossUnits[i],
      uncovered: p.uncoveredUnits[i],
      fundEnd: p.fundEndUnits[i],
      liquidations: p.liquidations[i],
      adlNotional: p.adlNotionalQuote[i],
      adlNeeded: p.adlNeededUnits[i],
      adlProfitClosed: p.adlProfitClosedUnits[i],
      vaultPnl: p.vaultPnlUnits[i],
      accountsHit: p.accountsHit[i],
      fundDepletedStep: p.fundDepletedStep[i],
      openDeficit: p.openDeficitUnits[i],
    };
    const want = { ...naive } as Partial<typeof naive>;
    delete want.borne;
    delete want.endPrices;
    expect(got, `path ${i}`).toEqual(want);
    expect(p.ledgerBalanced[i], `ledger of path ${i}`).toBe(1);
    const endPrice = result.series.price[i * result.series.points + result.series.points - 1];
    expect(endPrice).toBe(naive.endPrices[naive.endPrices.length - 1]);
    naive.borne.forEach((b, j) => (borneTotal[j]! += b));
  }
  expect(Array.from(result.lossByAccountUnits)).toEqual(Array.from(borneTotal));
}

interface Variant {
  partial: boolean;
  cap: string | null;
  delay: number;
  mechanism: LossMechanismInput;
  weight?: number;
  thinning?: number;
  permanentShare?: number;
  slice?: SliceParams | null;
}

describe('production engine = naive reference engine', () => {
  for (const finder of ['frontier', 'scan'] as const) {
    it(`random small worlds, ${finder} finder (fast-check seed 20261126)`, () => {
      fc.assert(
        fc.property(smallWorldArb, (params) => compareWithNaive(params, 1, 1, finder)),
        { numRuns: 400, seed: 20261126 },
      );
    });
  }

  it.each([
    { name: 'gbm, generated population', scenario: { kind: 'gbm', driftAnnual: 0, volAnnual: 1.5 } },
    { name: 'crash, generated population', scenario: { kind: 'crash', preset: null, drawdown: 0.35, startMinute: 30, crashMinutes: 60, recovery: 0.3, recoveryMinutes: 120, volAnnual: 0.8 } },
  ] as const)('$name (seed 7), with cascades, partial liquidation, caps and delay', ({ scenario }) => {
    const variants: Variant[] = [
      { partial: false, cap: null, delay: 0, mechanism: { kind: 'socialize' } },
      { partial: true, cap: '300000', delay: 0, mechanism: { kind: 'adl', ranking: 'pnl-leverage' } },
      { partial: false, cap: '200000', delay: 2, mechanism: { kind: 'adl', ranking: 'random' } },
      { partial: true, cap: null, delay: 1, mechanism: { kind: 'backstop' } },
      // Round two: index-vs-mark, a thinning book with permanent impact, sliced whales.
      { partial: false, cap: '400000', delay: 0, mechanism: { kind: 'socialize' }, weight: 0.33, thinning: 20, permanentShare: 0.67, slice: { minNotional: '50000', fraction: 0.2, cooldownSteps: 1 } },
      { partial: true, cap: null, delay: 1, mechanism: { kind: 'adl', ranking: 'pnl-leverage' }, weight: 0, thinning: 5, permanentShare: 0.3, slice: { minNotional: '20000', fraction: 0.5, cooldownSteps: 0 } },
    ];
    for (const variant of variants) {
      const round2 = { weight: variant.weight ?? 1, thinning: variant.thinning ?? 0, permanentShare: variant.permanentShare ?? 0, slice: variant.slice ?? null };
      const params: RiskParams = {
        version: 1,
        market: { initialPrice: '100', steps: 240, stepSeconds: 60 },
        scenario: { ...scenario },
        population: { kind: 'generated', accounts: 60, openInterest: '2000000', longShare: 0.6, leverageMedian: 6, leverageSigma: 0.6, paretoAlpha: 1.5, entrySpread: 0.03, marketMakerLeverage: 3 },
        margin: { initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [{ notionalFloor: '50000', maintenanceMarginRatio: 0.06, initialMarginRatio: 0.1 }] },
        liquidation: { penaltyRatio: 0.01, penaltyToFund: 0.7, partial: variant.partial, maxNotionalPerStep: variant.cap, oracleDelaySteps: variant.delay, impact: { model: 'sqrt', depth: '150000', halfLifeSteps: 4, thinning: round2.thinning, permanentShare: round2.permanentShare }, markImpactWeight: round2.weight, slice: round2.slice === null ? null : { ...round2.slice } },
        insuranceFund: { initial: '5000', feeInflowPerStep: '1', cap: null, maxDrawPerStep: '20000' },
        lossMechanism: withLossMechanismDefaults(variant.mechanism),
      };
      compareWithNaive(params, 7, 6, 'frontier');
    }
  });
});
