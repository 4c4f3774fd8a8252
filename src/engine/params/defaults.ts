/**
 * Default parameters: what the page opens with, what `simulate --defaults` prints, and the values a
 * parameters file may leave out (each listed in FIELD_DEFAULTS with why it is the obvious reading).
 * Every exported object is deep-frozen; call `defaultParams()` for a copy you may edit.
 */
import { HYPERLIQUID_MARK_WEIGHT, marketPreset, presetParams } from './marketPresets';
import type { GeneratedPopulation, RiskParams } from './riskParams';

export interface RunOptions {
  /** Number of Monte Carlo paths, 1..100,000. */
  paths: number;
  /** Seed of every path's random streams, integer 0..2^53 − 1. */
  seed: number;
}

/** Freezes an object and everything reachable from it, so shared defaults cannot be edited in place. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * A generated population's shape. A file must give `kind` and `accounts`; every other field it leaves out
 * takes the value here.
 */
export const DEFAULT_GENERATED_POPULATION: Readonly<GeneratedPopulation> = deepFreeze({
  kind: 'generated',
  accounts: 10_000,
  /** Quote notional per side at the initial price: 50 M quote. */
  openInterest: '50000000',
  /** 55 % of trader notional is long; the market maker is short the other 5 %. */
  longShare: 0.55,
  leverageMedian: 4,
  leverageSigma: 0.7,
  /** Pareto tail index: the top 1 % of traders hold about 18 % of the notional (0.01^(1 − 1/1.6)). */
  paretoAlpha: 1.6,
  /** Entries spread ±3 % (one standard deviation of log entry / initial price). */
  entrySpread: 0.03,
  marketMakerLeverage: 2,
});

/**
 * Fields a parameters file may omit beyond the generated population's, and the value each takes. Fields that
 * are not listed are required: where omitting one would leave its meaning open (a crash's shape, an impact
 * model, ADL ranking, the penalty split) the file must say it.
 */
export const FIELD_DEFAULTS = deepFreeze({
  /** scenario.driftAnnual (gbm, jump): no directional view of the market. */
  driftAnnual: 0,
  /** scenario.preset (crash): a custom shape, not taken from a documented event. */
  crashPreset: null,
  /** scenario.noiseVolAnnual (replay): replay the series exactly on every path. */
  replayNoiseVolAnnual: 0,
  /** margin.tiers: no tiers; the base ratios apply to every position. */
  marginTiers: [] as readonly never[],
  /** liquidation.partial: close the whole position. */
  partial: false,
  /** liquidation.maxNotionalPerStep: unlimited keeper capacity. */
  maxNotionalPerStep: null,
  /** liquidation.oracleDelaySteps: the oracle is current. */
  oracleDelaySteps: 0,
  /** liquidation.impact.halfLifeSteps: the book recovers half of a displacement in 5 steps. */
  impactHalfLifeSteps: 5,
  /** liquidation.impact.depth when model is 'none' (unused then; kept so switching the model has a value). */
  impactDepthWhenNone: '2000000',
  /** liquidation.impact.thinning: constant depth (the book never thins). */
  impactThinning: 0,
  /** liquidation.impact.permanentShare: every displacement decays with the half-life. */
  impactPermanentShare: 0,
  /** liquidation.markImpactWeight: the mark is the venue's own impacted book (the engine before round two). */
  markImpactWeight: 1,
  /** liquidation.slice: no per-account slicing. */
  slice: null,
  /** insuranceFund.feeInflowPerStep: no trading-fee inflow, quote per step. */
  feeInflowPerStep: '0',
  /** insuranceFund.cap: no cap. */
  fundCap: null,
  /** insuranceFund.maxDrawPerStep: the fund may pay out its whole balance in one step. */
  maxDrawPerStep: null,
  /** lossMechanism.base (socialize): pro rata to unrealized profit, the rule before open-interest socialization existed. */
  socializeBase: 'profit' as 'profit' | 'open-interest',
  /** lossMechanism.size (adl): only the contracts needed (BitMEX), the rule before 'full' existed. */
  adlSize: 'needed' as 'needed' | 'full',
  /** lossMechanism.closePrice (adl): the bankrupt position's bankruptcy price (BitMEX, dYdX), as before. */
  adlClosePrice: 'bankruptcy' as 'bankruptcy' | 'mark',
  /** lossMechanism.trigger (adl): ADL only once the fund cannot pay, as before. */
  adlTrigger: { kind: 'fund-empty' } as { kind: 'fund-empty' },
  /**
   * lossMechanism.takeoverEquityShare (backstop): Hyperliquid's liquidator vault takes over a position once its
   * equity is below 2/3 of the maintenance margin (docs: hyperliquid.gitbook.io, "Liquidations", backstop).
   */
  backstopTakeoverEquityShare: 2 / 3,
  /**
   * lossMechanism.unwindSteps (backstop): Hyperliquid does not publish HLP's unwind schedule; one hour of
   * one-minute steps is our stated assumption (the vault is seen closing taken-over positions within the hour).
   */
  backstopUnwindSteps: 60,
});

/**
 * Venue-documented values for the round-two liquidation fields (sources also in README "Liquidation mechanics").
 * Kept as named constants so a calibrated preset can replace the defaults without losing where these came from.
 */
export const VENUE_LIQUIDATION = deepFreeze({
  /**
   * Hyperliquid's mark is the median of (oracle + a 150 s EMA of its own mid − oracle), its own book and CEX perp
   * mids. Its own selling moves its book and the EMA, not the external prices, so the median is the EMA term,
   * which carries 1 − e^(−60/150) ≈ 0.33 of a displacement one 60 s step later (HYPERLIQUID_MARK_WEIGHT, with
   * sources in marketPresets.ts). Binance's median follows a 30 s basis average: weight 1 (the btc-binance preset).
   */
  markImpactWeight: HYPERLIQUID_MARK_WEIGHT,
  /**
   * dYdX v4 genesis LiquidationsConfig: at most 50 liquidation attempts per block, each at most 100,000 USDC
   * per subaccount (protocol/testing/genesis.sh): 5,000,000 per keeper pass, one pass per step.
   */
  maxNotionalPerStep: '5000000',
  /**
   * Hyperliquid: "For liquidatable positions larger than 100k USDC … only 20% of the position will be sent as a
   * market liquidation order", then a 30 s cooldown — shorter than a 60 s step, so the next slice waits one step.
   */
  slice: { minNotional: '100000', fraction: 0.2, cooldownSteps: 0 },
  /**
   * Kaiko, 13 Oct 2025: books "thinned out to the point of appearing empty … only wider bands such as 4% and 10%
   * from the mid-price showed meaningful bids" during BTC's 12 % fall. exp(−20 × 0.12) ≈ 9 % of the depth left.
   */
  thinning: 20,
  /**
   * After a metaorder ends its impact relaxes to about two thirds of its peak and stays (Moro et al. 2009;
   * Bershova & Rakhlin 2013; Benzaquen & Bouchaud, arXiv:1710.03734, permanent impact linear in volume).
   */
  permanentShare: 0.67,
});

/**
 * A fresh, editable copy of the default parameters: the major-market preset `btc-binance` (Binance BTCUSDT-like
 * margins, depth and keepers; an ordinary day), where socialized loss is a rare event (docs/calibration.md gives
 * P(socialized) with its interval and every value's source). Until round two the defaults were a volatile alt
 * day that socialized on ~5 % of days; that file is `legacyDefaultParams()`. Share links never depend on these
 * values (they diff against the frozen base of their format), and a field a file leaves out takes FIELD_DEFAULTS.
 */
export function defaultParams(): RiskParams {
  return presetParams(DEFAULT_PRESET);
}

/** The preset the defaults are: a major BTC perpetual on a deep venue. */
export const DEFAULT_PRESET_NAME = 'btc-binance';
const DEFAULT_PRESET = (() => {
  const preset = marketPreset(DEFAULT_PRESET_NAME);
  if (preset === undefined) throw new Error(`the default market preset ${DEFAULT_PRESET_NAME} is missing`);
  return preset;
})();

/**
 * The defaults before the switch to the major-market preset (a volatile day with about one ±7 % price gap a day,
 * chosen so the loss waterfall shows up: P(socialized) ≈ 5 %/day). Kept as a named, documented stress-like
 * parameters file for tests and benchmarks that need losses, never read by links or files.
 */
export function legacyDefaultParams(): RiskParams {
  return {
    version: 1,
    market: { initialPrice: '100', steps: 1440, stepSeconds: 60 },
    scenario: { kind: 'jump', driftAnnual: 0, volAnnual: 0.8, jumpIntensityAnnual: 365, jumpMean: 0, jumpStdev: 0.07 },
    population: { ...DEFAULT_GENERATED_POPULATION },
    margin: { initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [] },
    liquidation: {
      penaltyRatio: 0.01,
      penaltyToFund: 1,
      partial: false,
      maxNotionalPerStep: VENUE_LIQUIDATION.maxNotionalPerStep,
      oracleDelaySteps: 0,
      impact: { model: 'sqrt', depth: '2000000', halfLifeSteps: 5, thinning: VENUE_LIQUIDATION.thinning, permanentShare: 0 },
      markImpactWeight: VENUE_LIQUIDATION.markImpactWeight,
      slice: { ...VENUE_LIQUIDATION.slice },
    },
    insuranceFund: { initial: '250000', feeInflowPerStep: '0', cap: null, maxDrawPerStep: null },
    lossMechanism: { kind: 'socialize' },
  };
}

/** The pre-preset defaults, frozen (for tests written against them). */
export const LEGACY_DEFAULT_PARAMS: RiskParams = deepFreeze(legacyDefaultParams());

/** The default parameters, frozen: mutating them throws. */
export const DEFAULT_PARAMS: RiskParams = deepFreeze(defaultParams());

export const DEFAULT_RUN: Readonly<RunOptions> = deepFreeze({ paths: 1000, seed: 1 });
