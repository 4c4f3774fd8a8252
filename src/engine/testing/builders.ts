import { defaultParams } from '../params/defaults';
import { withLossMechanismDefaults, type LossMechanismInput } from '../params/lossMechanism';
import type { ExplicitAccount, RiskParams } from '../params/riskParams';

/**
 * Builders for tests: a small explicit world on a replayed price series, everything else neutral
 * (no penalty, no impact, no fund, no limits), overridable field by field.
 */
export function anAccount(overrides: Partial<ExplicitAccount> & Pick<ExplicitAccount, 'id'>): ExplicitAccount {
  return { side: 'long', size: '1', entryPrice: '100', collateral: '10', ...overrides };
}

export interface WorldOptions {
  prices: string[];
  accounts: ExplicitAccount[];
  lossMechanism?: LossMechanismInput;
  fund?: Partial<RiskParams['insuranceFund']>;
  liquidation?: Partial<RiskParams['liquidation']>;
  margin?: Partial<RiskParams['margin']>;
}

export function aWorld(options: WorldOptions): RiskParams {
  return {
    version: 1,
    market: { initialPrice: options.prices[0]!, steps: options.prices.length, stepSeconds: 60 },
    scenario: { kind: 'replay', prices: options.prices, noiseVolAnnual: 0 },
    population: { kind: 'explicit', accounts: options.accounts },
    margin: { initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [], ...options.margin },
    liquidation: {
      penaltyRatio: 0,
      penaltyToFund: 1,
      partial: false,
      maxNotionalPerStep: null,
      oracleDelaySteps: 0,
      impact: { model: 'none', depth: '1000000', halfLifeSteps: 5, thinning: 0, permanentShare: 0 },
      markImpactWeight: 1,
      slice: null,
      ...options.liquidation,
    },
    insuranceFund: { initial: '0', feeInflowPerStep: '0', cap: null, maxDrawPerStep: null, ...options.fund },
    lossMechanism: withLossMechanismDefaults(options.lossMechanism ?? { kind: 'socialize' }),
  };
}

/**
 * The default parameters made small, for tests that need the default market's shape and not its size: a
 * generated population of `accounts`, `steps` prices; then `edit`.
 */
export function smallDefaults(accounts: number, steps: number, edit: (p: RiskParams) => void = () => {}): RiskParams {
  const p = defaultParams();
  p.market.steps = steps;
  if (p.population.kind !== 'generated') throw new Error('the defaults generate their population');
  p.population.accounts = accounts;
  edit(p);
  return p;
}
