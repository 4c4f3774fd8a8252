import { Dec } from '../../money/money';
import type { RiskParams } from '../../params/riskParams';
import { aWorld, anAccount } from '../../testing/builders';

/**
 * Worlds for the planner's tests (imported by *.test.ts only).
 *
 * `stormyWorld`: a small generated population (realistic shape: Pareto sizes, log-normal leverage, a market
 * maker) on an hour of violent jumps, so that socialized loss happens on a good share of paths with no fund.
 */
export function stormyWorld(overrides: { accounts?: number; steps?: number; impact?: RiskParams['liquidation']['impact']; fund?: string } = {}): RiskParams {
  const accounts = overrides.accounts ?? 120;
  return {
    version: 1,
    market: { initialPrice: '100', steps: overrides.steps ?? 60, stepSeconds: 60 },
    scenario: { kind: 'jump', driftAnnual: 0, volAnnual: 1, jumpIntensityAnnual: 40_000, jumpMean: -0.01, jumpStdev: 0.08 },
    population: {
      kind: 'generated',
      accounts,
      openInterest: String(accounts * 5000),
      longShare: 0.55,
      leverageMedian: 8,
      leverageSigma: 0.7,
      paretoAlpha: 1.6,
      entrySpread: 0.03,
      marketMakerLeverage: 2,
    },
    margin: { initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [] },
    liquidation: {
      penaltyRatio: 0.01,
      penaltyToFund: 1,
      partial: false,
      maxNotionalPerStep: null,
      oracleDelaySteps: 0,
      impact: overrides.impact ?? { model: 'none', depth: '1000000', halfLifeSteps: 5, thinning: 0, permanentShare: 0 },
      markImpactWeight: 1,
      slice: null,
    },
    insuranceFund: { initial: overrides.fund ?? '0', feeInflowPerStep: '0', cap: null, maxDrawPerStep: null },
    lossMechanism: { kind: 'socialize' },
  };
}

/**
 * One long goes bankrupt in a single step from 100 to 80: with size S and collateral 20·S − D its equity there
 * is exactly −D, so the deficit is D quote on every path (a replay with no noise; no penalty, no impact). S is
 * max(10, ⌈D / 10⌉), so the long is not liquidatable at 100 (collateral ≥ 10·S ≥ 5·S, the maintenance
 * requirement) and the short on the other side, in profit by 20·S > D, can absorb any haircut. The smallest
 * starting fund with no socialized loss is exactly D. Open interest: 100·S per side.
 */
export function fixedDeficitWorld(deficitQuote = '100'): RiskParams {
  const size = Dec.max(10, new Dec(deficitQuote).dividedBy(10).ceil());
  return aWorld({
    prices: ['100', '80'],
    accounts: [
      anAccount({ id: 'loser', side: 'long', size: size.toFixed(), entryPrice: '100', collateral: size.times(20).minus(deficitQuote).toFixed() }),
      anAccount({ id: 'winner', side: 'short', size: size.toFixed(), entryPrice: '100', collateral: size.times(100).toFixed() }),
    ],
  });
}

/**
 * Margin decides: at 95 the long has equity 100 − 10 · 5 = 50 against a requirement of mmr · 950. Liquidated
 * there (mmr > 50 / 950) it closes with no deficit; otherwise the fall to 80 leaves a deficit of 100.
 */
export function marginThresholdWorld(): RiskParams {
  return aWorld({
    prices: ['100', '95', '80'],
    accounts: [
      anAccount({ id: 'loser', side: 'long', size: '10', entryPrice: '100', collateral: '100' }),
      anAccount({ id: 'winner', side: 'short', size: '10', entryPrice: '100', collateral: '1000' }),
    ],
  });
}

/**
 * Keeper capacity c (quote per step) decides: at 96 two longs (10 base each, collateral 60, equity 20 against a
 * requirement of 48) are liquidatable; the first closes whole (960 quote), the second only (c − 960) / 96 base,
 * and what is left of it, r base, meets the fall to 80 with equity 20 + 4r − 20r = 20 − 16r. That is a deficit
 * exactly when r > 1.25, i.e. c < 960 + 8.75 · 96 = 1800: the smallest capacity with no socialized loss is 1800
 * (at one money unit above 1800 the floor rounding of realized PnL can leave a 1-unit deficit; 1801 is clear).
 * The capacity starts at 500 quote per step.
 */
export function throughputWorld(): RiskParams {
  return aWorld({
    prices: ['100', '96', '80'],
    accounts: [
      anAccount({ id: 'l1', side: 'long', size: '10', entryPrice: '100', collateral: '60' }),
      anAccount({ id: 'l2', side: 'long', size: '10', entryPrice: '100', collateral: '60' }),
      anAccount({ id: 'winner', side: 'short', size: '20', entryPrice: '100', collateral: '10000' }),
    ],
    liquidation: { maxNotionalPerStep: '500' },
  });
}
