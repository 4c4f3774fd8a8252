import type { ImpactModel } from '../impact/priceImpact';

/**
 * The parameters file (DESIGN.md §5): the JSON object the page edits, the CLI reads and a share link carries.
 * Names here are a contract checked by tools outside this repository: add fields (with defaults), rename none.
 * Money and prices are decimal strings (exact); ratios may be strings or numbers in a file and are
 * normalised to numbers by `validateParams`.
 */

export type DecimalString = string;
export type RatioInput = string | number;

export interface MarketParams {
  /** Oracle price at step 0, quote per base. */
  initialPrice: DecimalString;
  /** Number of price points in a path, step 0 included. */
  steps: number;
  stepSeconds: number;
}

export interface GbmScenario {
  kind: 'gbm';
  driftAnnual: number;
  volAnnual: number;
}

/** Merton jump diffusion: GBM plus Poisson jumps in log price, drift compensated so E[S_t] follows driftAnnual. */
export interface JumpScenario {
  kind: 'jump';
  driftAnnual: number;
  volAnnual: number;
  /** Expected jumps per year. */
  jumpIntensityAnnual: number;
  /** Mean of the log jump size (e.g. -0.05 ≈ a 5 % drop). */
  jumpMean: number;
  /** Standard deviation of the log jump size. */
  jumpStdev: number;
}

export const CRASH_PRESET_IDS = ['mar-2020', 'may-2021', 'luna-2022', 'ftx-2022', 'oct-2025'] as const;
export type CrashPresetId = (typeof CRASH_PRESET_IDS)[number];

/** A stylized crash: flat, then a drawdown over crashMinutes, then a partial recovery, GBM noise on top. */
export interface CrashScenario {
  kind: 'crash';
  /** Which documented event the shape was taken from, if any (stylized, not a replay). */
  preset: CrashPresetId | null;
  /** Fraction of the price lost from start to trough, 0 < drawdown < 1. */
  drawdown: number;
  startMinute: number;
  crashMinutes: number;
  /** Fraction of the drop regained after the trough, 0 ≤ recovery ≤ 1. */
  recovery: number;
  recoveryMinutes: number;
  /** Volatility of the multiplicative noise on top of the shape. */
  volAnnual: number;
  /**
   * Optional one-minute gaps within the fall (absent = none, a smooth fall): each drops the price by `drop` at
   * `minute` minutes after startMinute, carrying that part of the drawdown, so the trough stays 1 − drawdown.
   */
  gaps?: CrashGap[];
}
/** A single-minute gap of a crash: minute after startMinute (0..crashMinutes), drop 0 < drop < 1 (0.3 = −30 %). */
export interface CrashGap {
  minute: number;
  drop: number;
}

export interface ReplayScenario {
  kind: 'replay';
  /** One price per step; its length must equal market.steps. */
  prices: DecimalString[];
  /** Optional GBM noise so paths differ; 0 replays the series exactly on every path. */
  noiseVolAnnual: number;
  /**
   * Traded volume at each price (one per price; a tape's candle gives its volume to each of its sub-steps), ≥ 0
   * with a median above 0. Read only when liquidation.impact.volumeExponent is set: then the book's depth follows
   * the volume (impact/volumeDepth.ts). Absent in files and links made before it existed.
   */
  volumes?: number[];
}

/**
 * Historical bootstrap: each path strings together blocks of consecutive log returns of `prices`, each block's
 * start drawn uniformly (a moving-block bootstrap), starting at market.initialPrice. The tails and short-range
 * clustering come from the data; paths are deterministic per (seed, path index).
 */
export interface BootstrapScenario {
  kind: 'bootstrap';
  /** The historical series (e.g. a tape's sub-steps), at least blockSteps + 1 prices; any length vs market.steps. */
  prices: DecimalString[];
  /** Consecutive returns per resampled block, 1 ≤ blockSteps ≤ prices.length − 1. */
  blockSteps: number;
}
export type ScenarioParams = GbmScenario | JumpScenario | CrashScenario | ReplayScenario | BootstrapScenario;
export type ScenarioKind = ScenarioParams['kind'];

export interface GeneratedPopulation {
  kind: 'generated';
  /** Number of trader accounts (the market-maker account is extra). */
  accounts: number;
  /** Quote notional of each side at the initial price (long OI = short OI). */
  openInterest: DecimalString;
  /** Long traders' share of trader notional; the market maker takes the residual of the smaller side. */
  longShare: number;
  /** Median effective leverage at the initial price (log-normal), capped at 1 / initialMarginRatio. */
  leverageMedian: number;
  /** Log-normal sigma of leverage. */
  leverageSigma: number;
  /** Pareto tail index of position sizes (smaller = more concentrated, whales). */
  paretoAlpha: number;
  /** Standard deviation of log(entry / initial price): positions opened at different prices. */
  entrySpread: number;
  /** Effective leverage of the market-maker account. */
  marketMakerLeverage: number;
  /** Seed of the population alone (optional): absent, the population is drawn from the run seed. */
  seed?: number;
}

export interface ExplicitAccount {
  id: string;
  side: 'long' | 'short';
  size: DecimalString;
  entryPrice: DecimalString;
  collateral: DecimalString;
}

export interface ExplicitPopulation {
  kind: 'explicit';
  accounts: ExplicitAccount[];
}

export type PopulationParams = GeneratedPopulation | ExplicitPopulation;

/** A tier applies to positions whose notional is at least notionalFloor; below the first tier the base ratios apply. */
export interface MarginTier {
  notionalFloor: DecimalString;
  maintenanceMarginRatio: number;
  initialMarginRatio: number;
}

export interface MarginParams {
  initialMarginRatio: number;
  maintenanceMarginRatio: number;
  tiers: MarginTier[];
}

/** Defined beside the impact curves it names; re-exported here because it is part of the parameters file. */
export type { ImpactModel };

export interface ImpactParams {
  model: ImpactModel;
  /** Quote notional that moves the price by 1 % (the "±1 % depth" of the book). */
  depth: DecimalString;
  /** Steps for half of the transient price displacement to decay (book resilience). */
  halfLifeSteps: number;
  /**
   * How fast the book thins as the index falls from its running peak: depth × exp(−thinning × drawdown).
   * 0 = constant depth.
   */
  thinning: number;
  /** Share of each step's impact that never decays (0..1); the rest decays with halfLifeSteps. */
  permanentShare: number;
  /**
   * β of the volume-scaled depth of a replay with volumes: depth × clamp((v_t / median v)^β, 0.1, 1)
   * (impact/volumeDepth.ts). Absent = the depth does not follow volume (files and links made before it).
   */
  volumeExponent?: number;
}

/** Per-account slicing of large liquidations (Hyperliquid: 20 % of positions over 100k, then 30 s). */
export interface SliceParams {
  /** Positions whose notional at the mark exceeds this are liquidated in slices. */
  minNotional: DecimalString;
  /** Most of the current size closed per slice, 0 < fraction ≤ 1. */
  fraction: number;
  /** Steps an account waits after a slice before the next (0 = next step). */
  cooldownSteps: number;
}

export interface LiquidationParams {
  /** Penalty as a share of closed notional, capped at the account's remaining equity. */
  penaltyRatio: number;
  /** Share of the penalty paid to the insurance fund; the rest goes to the liquidator. */
  penaltyToFund: number;
  /** Close just enough to restore the initial margin requirement (whole if it cannot). */
  partial: boolean;
  /** Keeper capacity: quote notional closed per step; null = unlimited. */
  maxNotionalPerStep: DecimalString | null;
  /** The oracle lags the market by this many steps. */
  oracleDelaySteps: number;
  impact: ImpactParams;
  /**
   * Share (0..1) of the venue's own liquidation impact that enters the mark price used to trigger liquidations
   * and to measure profits for haircuts and ADL ranking; 0 = the mark is the external index (the scenario price).
   */
  markImpactWeight: number;
  /** Slicing of large positions; null = every liquidation closes what the keeper can in one piece. */
  slice: SliceParams | null;
}

export interface InsuranceFundParams {
  initial: DecimalString;
  feeInflowPerStep: DecimalString;
  /** Balance above which inflows are not kept (overflow goes to the protocol treasury); null = no cap. */
  cap: DecimalString | null;
  /** Most the fund pays out in one step; null = no limit. */
  maxDrawPerStep: DecimalString | null;
}

/** pnl-leverage: BitMEX; random: dYdX v4; hyperliquid: Hyperliquid's documented index (mark/entry)·(notional/account value). */
export type AdlRanking = 'pnl-leverage' | 'random' | 'hyperliquid';
/** needed: only the contracts needed (BitMEX); full: the whole deleveraged part, fund bypassed (dYdX v4). */
export type AdlSize = 'needed' | 'full';
/** Where winners are closed: the bankrupt position's bankruptcy price (BitMEX, dYdX) or the mark (OKX, Hyperliquid). */
export type AdlClosePrice = 'bankruptcy' | 'mark';
export type AdlTrigger = { kind: 'fund-empty' } | { kind: 'fund-drawdown'; share: number; windowSteps: number };
export type SocializeBase = 'profit' | 'open-interest';

export type LossMechanismParams =
  /** base absent = 'profit' (FIELD_DEFAULTS.socializeBase), so the default file and v1 links stay as they were. */
  | { kind: 'socialize'; base?: SocializeBase | undefined }
  | { kind: 'adl'; ranking: AdlRanking; size: AdlSize; closePrice: AdlClosePrice; trigger: AdlTrigger }
  | { kind: 'backstop'; takeoverEquityShare: number; unwindSteps: number }
  | { kind: 'bad-debt' };
export type LossMechanismKind = LossMechanismParams['kind'];

export interface RiskParams {
  version: 1;
  market: MarketParams;
  scenario: ScenarioParams;
  population: PopulationParams;
  margin: MarginParams;
  liquidation: LiquidationParams;
  insuranceFund: InsuranceFundParams;
  lossMechanism: LossMechanismParams;
}

/** Where a problem in a parameters file is, e.g. "margin.maintenanceMarginRatio", and what is wrong with it. */
export interface ParamProblem {
  field: string;
  message: string;
}

export type ValidationResult = { ok: true; params: RiskParams } | { ok: false; problems: ParamProblem[] };
