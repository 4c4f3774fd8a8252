// A small market for Learn that shows the round-two liquidation mechanics on one path: a whale closed in slices,
// keepers that cannot keep up (a queue), and a book that thins as the index slides. Used by learnMechanics.spec.ts.
import type { ExplicitAccount, RiskParams } from '../../src/engine/params/riskParams';

const longs: ExplicitAccount[] = Array.from({ length: 12 }, (_, i) => ({ id: `l${i + 1}`, side: 'long', size: '400', entryPrice: '100', collateral: String(3000 + 200 * i) }));
const shorts: ExplicitAccount[] = Array.from({ length: 6 }, (_, i) => ({ id: `s${i + 1}`, side: 'short', size: '900', entryPrice: '100', collateral: '20000' }));

export function keeperSliceThinWorld(): RiskParams {
  const prices: string[] = [];
  for (let t = 0; t < 30; t++) prices.push((t <= 12 ? 100 - t : 88).toFixed(2));
  return {
    version: 1,
    market: { initialPrice: prices[0]!, steps: prices.length, stepSeconds: 60 },
    scenario: { kind: 'replay', prices, noiseVolAnnual: 0 },
    population: { kind: 'explicit', accounts: [{ id: 'whale', side: 'long', size: '5000', entryPrice: '100', collateral: '45000' }, ...longs, ...shorts] },
    margin: { initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [] },
    liquidation: {
      penaltyRatio: 0.01,
      penaltyToFund: 1,
      partial: false,
      maxNotionalPerStep: '100000',
      oracleDelaySteps: 0,
      impact: { model: 'sqrt', depth: '400000', halfLifeSteps: 5, thinning: 20, permanentShare: 0 },
      markImpactWeight: 0.33,
      slice: { minNotional: '100000', fraction: 0.2, cooldownSteps: 0 },
    },
    insuranceFund: { initial: '50000', feeInflowPerStep: '0', cap: null, maxDrawPerStep: null },
    lossMechanism: { kind: 'socialize' },
  };
}
