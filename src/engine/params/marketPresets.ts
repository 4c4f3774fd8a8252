/**
 * Market presets: complete parameters files for named markets, each value with the public source it rests on
 * and, where no source pins it, what was chosen and why. Pure data, no I/O.
 *
 * Scale: money enters the ledger as exact integers (≤ 10⁹ quote per balance), so a preset simulates a slice of
 * the venue's market; every size that matters relative to open interest (book depth, keeper capacity, the fund)
 * is scaled by the same factor as open interest, which keeps the liquidation flow / depth ratios of the venue.
 *
 * Every field of every preset is covered by at least one source entry (marketPresets.test.ts walks the file), and
 * each entry says on what basis the value stands: stated by the source, derived from sourced numbers, calibrated
 * to a sourced observable, or an assumption with its reason (and, where measured, the range tried).
 */
import type { RiskParams } from './riskParams';
import { SRC } from './presetSources';

/** How a preset value rests on its source. */
export type SourceBasis =
  /** The source states the value (a venue's table, fee or rule), or the target an outcome entry names. */
  | 'sourced'
  /** Computed from sourced numbers by the calculation in the note. */
  | 'derived'
  /** Tuned in this model until a sourced observable matched; the note names the observable and the result. */
  | 'calibrated'
  /** A choice no source pins; the note says why, and where it was measured, how much it moves the answer. */
  | 'assumption';

export interface PresetSource {
  /**
   * Field path in the parameters file, e.g. "margin.tiers"; a section ("margin") or a prefix ending in "*"
   * ("scenario.jump*") covers every field under it. Text after " (" only labels the entry.
   */
  field: string;
  basis: SourceBasis;
  /** The value set (as written in the file, shortened for long lists). */
  value: string;
  url: string;
  /** What the source says and how the value follows from it — or that the value is a choice within it. */
  note: string;
}

export interface MarketPreset {
  name: string;
  title: string;
  /** One paragraph: what market this is, and for a stress case the event it is stylized after. */
  summary: string;
  /** True when the file carries a stress scenario rather than an ordinary day. */
  stress: boolean;
  params: RiskParams;
  sources: PresetSource[];
}

const DAY_MINUTES = 1440;

/**
 * Hyperliquid's mark weight: the share of the venue's own displacement its mark carries one 60 s step later,
 * through a 150 s EMA of the basis: 1 − e^(−60/150) = 0.3297 (hyperliquidMarkWeightSource). Also the field's
 * venue default, VENUE_LIQUIDATION.markImpactWeight.
 */
export const HYPERLIQUID_MARK_WEIGHT = 0.33;

/*
 * Blocks every preset shares. Each builder keeps the key order the presets were first written with, because
 * `simulate --defaults --preset NAME` prints the file as built and outside tools diff that text.
 */

/** A generated population with the naked 2× market-maker short every preset uses. */
function generatedPopulation(
  shape: Omit<Extract<RiskParams['population'], { kind: 'generated' }>, 'kind' | 'marketMakerLeverage'>,
): RiskParams['population'] {
  return { kind: 'generated', ...shape, marketMakerLeverage: 2 };
}

/** √ impact on the ±1 % depth with no permanent share (permanent impact waits for the linear model, B5). */
function sqrtImpact(depth: string, halfLifeSteps: number, thinning: number): RiskParams['liquidation']['impact'] {
  return { model: 'sqrt', depth, halfLifeSteps, thinning, permanentShare: 0 };
}

/**
 * The liquidation engine of every preset: whole-position closes, the penalty to the fund, a current oracle;
 * what differs is the fee, the keeper cap, the book, the mark weight and the slicing.
 */
function liquidationEngine(
  venue: Pick<RiskParams['liquidation'], 'penaltyRatio' | 'maxNotionalPerStep' | 'impact' | 'markImpactWeight' | 'slice'>,
): RiskParams['liquidation'] {
  return {
    penaltyRatio: venue.penaltyRatio,
    penaltyToFund: 1,
    partial: false,
    maxNotionalPerStep: venue.maxNotionalPerStep,
    oracleDelaySteps: 0,
    impact: venue.impact,
    markImpactWeight: venue.markImpactWeight,
    slice: venue.slice,
  };
}

/** Hyperliquid slices positions over 100 k into 20 % market orders; its 30 s cooldown is shorter than a step. */
function hyperliquidSlice(): RiskParams['liquidation']['slice'] {
  return { minNotional: '100000', fraction: 0.2, cooldownSteps: 0 };
}

/** A fund with no fee inflow, no cap and no per-step draw limit. */
function plainFund(initial: string): RiskParams['insuranceFund'] {
  return { initial, feeInflowPerStep: '0', cap: null, maxDrawPerStep: null };
}

/**
 * ADL of only the contracts needed, once the fund is empty, with the venue's ranking: 'pnl-leverage' (BitMEX and
 * Binance: PnL % × leverage) or 'hyperliquid' (its documented sorting index, (mark / entry) × (notional / account value)).
 */
function adl(ranking: 'pnl-leverage' | 'hyperliquid', closePrice: 'bankruptcy' | 'mark'): RiskParams['lossMechanism'] {
  return { kind: 'adl', ranking, size: 'needed', closePrice, trigger: { kind: 'fund-empty' } };
}

/** A one-day horizon of one-minute steps. */
function oneDayMarket(initialPrice: string): RiskParams['market'] {
  return { initialPrice, steps: DAY_MINUTES, stepSeconds: 60 };
}

/** The keeper cap of every preset: 2 % of open interest a minute, above the 10 Oct 2025 record rate. */
function keeperCapSource(value: string): PresetSource {
  return { field: 'liquidation.maxNotionalPerStep', basis: 'derived', value, url: SRC.amberdataOct10, note: 'Derived as for BTC: above the 10 Oct 2025 market-wide peak rate relative to open interest.' };
}

/**
 * Book thinning from 10 Oct 2025, one reading for every market (docs/calibration.md): Kaiko saw BTC books
 * "appearing empty" near the mid at the bottom of BTC's 12 % fall, which the project reads as
 * e^(−20 × 0.12) = 9.07 % of the ±1 % depth left (VENUE_LIQUIDATION.thinning = 20). Assumed: every market's book
 * was as thin at the bottom of its own fall that day, so thinning = ln(1 / 0.0907) / fall = 2.400 / fall.
 */
function oct10ThinningSources(value: string, fall: string, fallUrl: string): PresetSource[] {
  return [
    {
      field: 'liquidation.impact.thinning',
      basis: 'derived',
      value,
      url: SRC.kaikoResearch,
      note:
        `Derived: on 10 Oct 2025 this market fell ${fall}; Kaiko saw BTC books "appearing empty" at the bottom of BTC's 12 % fall ` +
        '(read as e^(−20 × 0.12) = 9.07 % of the ±1 % depth left, VENUE_LIQUIDATION.thinning). Assuming every book was as thin at the ' +
        `bottom of its own fall: thinning = ln(1 / 0.0907) / fall = 2.400 / ${Number(fall.split(' ')[0]) / 100} = ${value}.`,
    },
    { field: 'liquidation.impact.thinning (the fall)', basis: 'sourced', value: fall, url: fallUrl, note: `The fall on 10 Oct 2025 the thinning of ${value} is derived from.` },
  ];
}

/** Binance BTCUSDT tiers as published on 18 Mar 2021 (notional floor, MMR, IMR); the base tier is 0.4 % / 0.8 %. */
const BINANCE_BTC_TIERS: RiskParams['margin']['tiers'] = [
  { notionalFloor: '50000', maintenanceMarginRatio: 0.005, initialMarginRatio: 0.01 },
  { notionalFloor: '250000', maintenanceMarginRatio: 0.01, initialMarginRatio: 0.02 },
  { notionalFloor: '1000000', maintenanceMarginRatio: 0.025, initialMarginRatio: 0.05 },
  { notionalFloor: '10000000', maintenanceMarginRatio: 0.05, initialMarginRatio: 0.1 },
  { notionalFloor: '20000000', maintenanceMarginRatio: 0.1, initialMarginRatio: 0.2 },
  { notionalFloor: '50000000', maintenanceMarginRatio: 0.125, initialMarginRatio: 0.25 },
  { notionalFloor: '100000000', maintenanceMarginRatio: 0.15, initialMarginRatio: 0.333 },
  { notionalFloor: '200000000', maintenanceMarginRatio: 0.25, initialMarginRatio: 0.5 },
  { notionalFloor: '300000000', maintenanceMarginRatio: 0.5, initialMarginRatio: 1 },
];

/** The one-day horizon of one-minute steps every ordinary-day preset uses. */
function oneDayHorizonSource(): PresetSource {
  return {
    field: 'market.step*',
    basis: 'assumption',
    value: '1,440 steps of 60 s',
    url: SRC.binanceKlines,
    note: 'Assumption: the governance question is "a day"; one-minute steps match the finest public candles (1-minute klines), so a real tape replays at the same resolution.',
  };
}

/** Oracle delay: both venues refresh the mark within seconds, well inside a one-minute step. */
function oracleDelaySource(url: string, refresh: string): PresetSource {
  return { field: 'liquidation.oracleDelaySteps', basis: 'derived', value: '0', url, note: `Derived: the mark is refreshed ${refresh}, far inside a 60 s step, so liquidations see the current step's price.` };
}

/** The fund's plumbing no venue document sets: no trading-fee inflow, no cap, no per-step draw limit. */
function fundPlumbingSources(url: string): PresetSource[] {
  return [
    { field: 'insuranceFund.feeInflowPerStep', basis: 'assumption', value: '0', url, note: 'Assumption: the sources name the liquidation clearance fee as the fund\'s inflow (liquidation.penaltyToFund), not a share of trading fees; over one day a trading-fee inflow would be small against the fund.' },
    { field: 'insuranceFund.cap', basis: 'assumption', value: 'null (no cap)', url, note: 'Assumption: no published cap on this fund\'s balance (dYdX and Drift cap theirs; mechanisms.md row 4).' },
    { field: 'insuranceFund.maxDrawPerStep', basis: 'assumption', value: 'null (no limit)', url, note: 'Assumption: no published per-minute draw limit (dYdX has one per block and subaccount; mechanisms.md row 4).' },
  ];
}

/** The generated book's shape entries every preset shares (its kind, the market maker, the entry spread). */
function generatedBookSources(entrySpread: string): PresetSource[] {
  return [
    { field: 'population.kind', basis: 'assumption', value: 'generated', url: SRC.hyperReplay, note: 'Assumption: no venue publishes its accounts; a generated book (log-normal leverage, Pareto sizes) stands in. Load a real account list (population.kind "explicit") to replace it.' },
    { field: 'population.marketMakerLeverage', basis: 'assumption', value: '2', url: SRC.hyperReplay, note: 'Assumption: the long/short imbalance of the traders is held by one market maker at 2×, so longs and shorts balance as open interest must; no source gives its leverage.' },
    { field: 'population.entrySpread', basis: 'assumption', value: entrySpread, url: SRC.hyperReplay, note: 'Assumption. Collateral is set so equity at the start price gives the drawn leverage, so entries only reorder the ADL queue; on thin-alt 0.03 and 0.08 gave the same numbers.' },
  ];
}

/** Impact that fully decays: the permanent part of the venue's own selling is not set. */
function permanentImpactSource(): PresetSource {
  return {
    field: 'liquidation.impact.permanentShare',
    basis: 'assumption',
    value: '0',
    url: SRC.bouchaudPermanent,
    note: 'Assumption: the book recovers fully from liquidation selling (half-life above); the market\'s own move is the scenario\'s. Benzaquen & Bouchaud find a permanent part of metaorder impact; set a share to study it.',
  };
}

/**
 * Binance's mark = median(index × funding term, index + moving average of its own basis, last price). Its own
 * liquidation selling pushes the last price and the basis down together, so the median is index + the basis
 * average: the weight is how much of a displacement that average carries one 60 s step later.
 */
const BINANCE_MARK_WEIGHT_NOTE =
  'Derived: Binance\'s mark is the median of (index × (1 + funding term), index + moving average of its own mid − index, last price). Liquidation selling moves the last ' +
  'price and the basis together, so the median is index + the basis average. Since 18 Sep 2025 that average spans 30 s, sampled each second (Binance announcement ' +
  'of 16 Sep 2025, via BlockBeats): a displacement that has stood one 60 s step is carried whole, weight 1. Under the earlier 2.5-minute average (the mark price page) ' +
  'one step carries 0.4. Range tried (leverage median 3, fund 0, 10,000 paths, seed 1): weight 0.1 → P(socialized) 5.2 %, 0.4 → 3.6 %, 1 → 3.2 %; at the preset\'s fund all give 0.';

const btcMajor: MarketPreset = {
  name: 'btc-binance',
  title: 'BTC perpetual on a deep venue (Binance BTCUSDT-like), an ordinary day',
  summary:
    'A major perpetual: Binance BTCUSDT margin tiers and clearance fee, a book whose ±1 % depth is about 2 % of ' +
    'open interest, keepers that can close 2 % of open interest a minute, a mark that follows the venue\'s own book ' +
    'within 30 s, ADL ranked by PnL and leverage. A 1-day horizon of one-minute steps with a calm jump diffusion. ' +
    'Simulates a 1 B USDT-per-side slice.',
  stress: false,
  params: {
    version: 1,
    market: oneDayMarket('110000'),
    scenario: { kind: 'jump', driftAnnual: 0, volAnnual: 0.45, jumpIntensityAnnual: 3650, jumpMean: 0, jumpStdev: 0.004 },
    population: generatedPopulation({
      accounts: 10_000,
      openInterest: '1000000000',
      longShare: 0.55,
      leverageMedian: 2.8,
      leverageSigma: 0.9,
      paretoAlpha: 1.5,
      entrySpread: 0.03,
    }),
    margin: { initialMarginRatio: 0.008, maintenanceMarginRatio: 0.004, tiers: BINANCE_BTC_TIERS },
    liquidation: liquidationEngine({
      penaltyRatio: 0.0125,
      maxNotionalPerStep: '20000000',
      impact: sqrtImpact('20000000', 5, 20),
      markImpactWeight: 1,
      slice: null,
    }),
    insuranceFund: plainFund('10000000'),
    lossMechanism: adl('pnl-leverage', 'bankruptcy'),
  },
  sources: [
    { field: 'market.initialPrice', basis: 'sourced', value: '110000', url: SRC.binanceBookDepthSample, note: 'BTC traded about 103 k–123 k in mid-2025; the level does not change results (positions scale with it).' },
    oneDayHorizonSource(),
    { field: 'scenario.kind', basis: 'assumption', value: 'jump (Merton jump diffusion)', url: SRC.binanceKlines, note: 'Assumption: a diffusion for the day plus one-minute gaps; fit one from 1-minute klines (fit tool) or replay a tape to replace it.' },
    { field: 'scenario.driftAnnual', basis: 'assumption', value: '0', url: SRC.binanceKlines, note: 'Assumption: no drift. Over one day even ±50 %/yr moves the price 0.14 %, against a daily standard deviation of 2.4 %.' },
    { field: 'scenario.volAnnual', basis: 'assumption', value: '0.45', url: SRC.binanceKlines, note: 'Assumption: with the jumps below the day\'s total standard deviation is 2.67 % (51 %/yr), inside the 40–55 % realized volatility Glassnode reported for 2023–24 (quoted in secondary sources, not verified here); the split between diffusion and jumps is not from data. Fit it from BTCUSDT 1-minute klines with the fit tool before a proposal.' },
    { field: 'scenario.jump*', basis: 'assumption', value: '10/day, mean 0, σ 0.4 %', url: SRC.binanceKlines, note: 'Assumption: ten symmetric one-minute moves a day of about 6.5 one-minute standard deviations; fit from klines (fitJump) to replace.' },
    ...generatedBookSources('0.03'),
    { field: 'population.accounts', basis: 'assumption', value: '10000', url: SRC.hyperReplay, note: 'Assumption: enough accounts that no single generated trader but the Pareto tail dominates; the venue has far more, so each stands for a group of traders.' },
    { field: 'population.openInterest', basis: 'derived', value: '1000000000 per side', url: SRC.binanceBookDepthSample, note: 'Derived: a slice of BTCUSDT\'s ~$9 B open interest (CoinGlass, not verified here): exact money stays within the ledger\'s 10⁹-quote limit per balance, and depth, keeper cap and fund are the same shares of open interest as on the venue.' },
    { field: 'population.longShare', basis: 'assumption', value: '0.55', url: SRC.blockworksHyperliquidated, note: 'Assumption: traders lean long, as before 10 Oct 2025 (longs ≈ 6.7× shorts liquidated, a liquidation count); the market maker holds the difference.' },
    { field: 'margin', basis: 'sourced', value: 'IMR 0.8 %, MMR 0.4 %, 9 tiers to 50 %', url: SRC.binanceTiers2021, note: 'Binance BTCUSDT leverage and margin table of 18 Mar 2021 (current tiers differ).' },
    { field: 'margin.tiers', basis: 'sourced', value: 'maintenance amount', url: SRC.binanceMaintenance, note: 'Binance computes MM = notional × MMR − maintenance amount, continuous across tier floors; the engine derives the amounts from the table the same way (docs/model.md).' },
    { field: 'liquidation.penaltyRatio', basis: 'sourced', value: '0.0125', url: SRC.binanceExchangeInfo, note: 'liquidationFee of BTCUSDT in /fapi/v1/exchangeInfo: 1.25 % in a captured response of 28 Mar 2024.' },
    { field: 'liquidation.penaltyToFund', basis: 'sourced', value: '1', url: SRC.binanceInsuranceFund, note: 'The clearance fee goes to the insurance fund.' },
    { field: 'liquidation.partial', basis: 'sourced', value: 'false', url: SRC.binanceLiquidationProtocol, note: 'One large IOC; if still deficient the position is closed at the bankruptcy price and the fund takes it over.' },
    { field: 'liquidation.slice', basis: 'sourced', value: 'null', url: SRC.binanceLiquidationProtocol, note: 'Binance sends one IOC for the whole position.' },
    { field: 'liquidation.maxNotionalPerStep', basis: 'derived', value: '20000000 (2 % of OI per minute)', url: SRC.amberdataOct10, note: 'Derived: the market-wide peak on 10 Oct 2025 was $3.21 B liquidated in one minute, about 1.5 % of the ~$200 B crypto futures open interest (OI not verified here); 2 % of OI a minute is above that record, so it binds only in a cascade.' },
    oracleDelaySource(SRC.binanceMark30s, 'every second'),
    { field: 'liquidation.markImpactWeight', basis: 'derived', value: '1', url: SRC.binanceMark30s, note: BINANCE_MARK_WEIGHT_NOTE },
    { field: 'liquidation.markImpactWeight (earlier rule)', basis: 'sourced', value: '0.4 a step under a 2.5-minute average', url: SRC.binanceMarkPrice, note: '"Mark Price = Median (Price 1, Price 2, Contract Price) … Price 2 = Price Index + Moving Average (2.5-Minute Basis)", 30 points over 2.5 minutes.' },
    { field: 'liquidation.impact.depth', basis: 'derived', value: '20000000 (2 % of OI)', url: SRC.binanceBookDepthSample, note: 'Derived: Binance BTCUSDT bookDepth of 19 May 2025: $191 M of bids within −1 %, $177 M of asks within +1 %; against about $9 B of BTCUSDT open interest that is ≈ 2 % of OI (OI from CoinGlass, not verified here), scaled to the 1 B slice.' },
    { field: 'liquidation.impact.model', basis: 'sourced', value: 'sqrt', url: SRC.bouchaudPermanent, note: 'The square-root law of metaorder impact (fills at the average price over the curve).' },
    { field: 'liquidation.impact.halfLifeSteps', basis: 'assumption', value: '5', url: SRC.amberdataLiquidity, note: 'Assumption: the book refills within minutes on a calm day; no published half-life for BTCUSDT found.' },
    permanentImpactSource(),
    ...oct10ThinningSources('20', '12 % (BTC, 45 minutes)', SRC.oct10Falls),
    { field: 'insuranceFund.initial', basis: 'assumption', value: '10000000 (1 % of OI)', url: SRC.binanceInsuranceFund, note: 'Assumption: Binance pools one fund across its USDⓈ-M contracts and does not publish a BTCUSDT share; BTCUSDT\'s fund fell from > 21 M to 7.7 M USDT on 9 May 2020 (fidelity review). Binance sizes funds to a 99.9 % standard: in this model a day meets it (95 % upper bound of P(socialized) ≤ 0.1 %) from about 2 M: 2 of 10,000 paths socialize at 2 M (upper bound 0.073 %), 6 of 10,000 at 1 M (0.131 %), none from 4 M; at 0 2.8 % (sweep, 10,000 paths, seed 1, 6 Dec 2026). So 10 M is about 5× the 99.9 % fund.' },
    ...fundPlumbingSources(SRC.binanceInsuranceFund),
    { field: 'lossMechanism', basis: 'sourced', value: "adl pnl-leverage, size 'needed', closePrice 'bankruptcy', trigger fund-empty", url: SRC.binanceAdl, note: 'Binance ranks ADL by PnL % × margin ratio (LeveragePnl) and closes the contracts needed at the bankruptcy price, once the fund cannot take the position over.' },
    {
      field: 'population.leverageMedian',
      basis: 'calibrated',
      value: '2.8',
      url: SRC.chengLeverage,
      note:
        'Calibrated to a sourced observable: the largest median (in steps of 0.1) whose ordinary day liquidates within the published ' +
        'ordinary-day range of 0.36–1 % of open interest a day (CoinGlass, market-wide 2025, fidelity review §4): 0.96 % (2,000 paths, ' +
        'seed 1). Range tried: 3 (the earlier choice) → 1.26 %, 2.9 → 1.10 %, 2.6 → 0.73 %, 2.5 → 0.63 %; P(socialized) 0 at every one.',
    },
    { field: 'population.leverageSigma', basis: 'assumption', value: '0.9', url: SRC.chengLeverage, note: 'Assumption: effective (account-level) leverage spreads between the 0.2× median of ADL\'d Hyperliquid accounts (HyperReplay) and the 60× average of liquidated BitMEX traders (Cheng et al.); capped by the tiers.' },
    { field: 'population.paretoAlpha', basis: 'assumption', value: '1.5', url: SRC.hyperReplay, note: 'Assumption: heavy size concentration as in the HyperReplay account data (437,723 accounts); not fitted.' },
  ],
};

/**
 * Hyperliquid's mark = median(oracle + 150 s EMA of its own mid − oracle, its own bid/ask/last median, CEX perp
 * mids). Its own selling moves its book and the EMA; the external prices do not, so the median is the EMA term:
 * after one 60 s step an EMA of 150 s carries 1 − e^(−60/150) = 0.33 of a displacement (VENUE_LIQUIDATION).
 */
function hyperliquidMarkWeightSource(rangeTried: string): PresetSource {
  return {
    field: 'liquidation.markImpactWeight',
    basis: 'derived',
    value: String(HYPERLIQUID_MARK_WEIGHT),
    url: SRC.hlMarkPrice,
    note:
      'Derived: Hyperliquid\'s mark is the median of (oracle + a 150-second EMA of its own mid − oracle), the median of its own best bid, best ask and last ' +
      'trade, and the median of CEX perp mids. Liquidation selling moves its own book and the EMA but not the external prices, so the median is the EMA ' +
      'term, which one 60 s step after a displacement carries 1 − e^(−60/150) = 0.33 of it (0.55 after two steps, 0.70 after three: a constant ' +
      `weight is the first step's share). Same formula in a HIP-3 deployer's docs (docs.trade.xyz). ${rangeTried}`,
  };
}

const solMid: MarketPreset = {
  name: 'sol-hyperliquid',
  title: 'Mid-cap alt perpetual (SOL on Hyperliquid-like terms), an ordinary day',
  summary:
    'A mid-cap alt: 20× maximum leverage with maintenance at half the initial margin, no clearance fee, a book ' +
    'whose ±1 % depth is 1 % of open interest, 20 % liquidation slices for positions over 100 k, ADL by PnL and ' +
    'leverage at the mark. A 1-day horizon with a more volatile jump diffusion. Simulates a 200 M USDC-per-side slice.',
  stress: false,
  params: {
    version: 1,
    market: oneDayMarket('200'),
    scenario: { kind: 'jump', driftAnnual: 0, volAnnual: 0.75, jumpIntensityAnnual: 2190, jumpMean: 0, jumpStdev: 0.008 },
    population: generatedPopulation({
      accounts: 10_000,
      openInterest: '200000000',
      longShare: 0.55,
      leverageMedian: 3,
      leverageSigma: 0.8,
      paretoAlpha: 1.5,
      entrySpread: 0.04,
    }),
    margin: {
      initialMarginRatio: 0.05,
      maintenanceMarginRatio: 0.025,
      tiers: [{ notionalFloor: '70000000', maintenanceMarginRatio: 0.05, initialMarginRatio: 0.1 }],
    },
    liquidation: liquidationEngine({
      penaltyRatio: 0,
      maxNotionalPerStep: '4000000',
      impact: sqrtImpact('2000000', 5, 7.7),
      markImpactWeight: HYPERLIQUID_MARK_WEIGHT,
      slice: hyperliquidSlice(),
    }),
    insuranceFund: plainFund('2000000'),
    lossMechanism: adl('hyperliquid', 'mark'),
  },
  sources: [
    { field: 'market.initialPrice', basis: 'assumption', value: '200', url: SRC.hlAnalyzeAdl, note: 'Assumption: SOL\'s order of magnitude in 2025; the level does not change results (positions scale with it).' },
    oneDayHorizonSource(),
    { field: 'scenario.kind', basis: 'assumption', value: 'jump', url: SRC.binanceKlines, note: 'Assumption: as for BTC, a diffusion plus one-minute gaps; fit from SOLUSDT klines or replay a tape to replace.' },
    { field: 'scenario.driftAnnual', basis: 'assumption', value: '0', url: SRC.binanceKlines, note: 'Assumption: no drift over one day (negligible against the daily standard deviation of 3.9 %).' },
    { field: 'scenario.volAnnual', basis: 'assumption', value: '0.75', url: SRC.binanceKlines, note: 'Assumption: SOL is roughly 1.5–2× as volatile as BTC (not verified here); fit from SOLUSDT klines to replace.' },
    { field: 'scenario.jump*', basis: 'assumption', value: '6/day, mean 0, σ 0.8 %', url: SRC.hlAnalyzeAdl, note: 'Assumption; on 10 Oct 2025 SOL moved −26 % on Hyperliquid within the ADL window (HyperAnalyzeADL), far beyond an ordinary day.' },
    ...generatedBookSources('0.04'),
    { field: 'population.accounts', basis: 'assumption', value: '10000', url: SRC.hyperReplay, note: 'Assumption, as for BTC: each generated account stands for a group of traders.' },
    { field: 'population.openInterest', basis: 'assumption', value: '200000000 per side', url: SRC.hyperReplay, note: 'Assumption: a mid-cap market\'s open interest; depth, keeper cap and fund are set as shares of it, so the level hardly matters.' },
    { field: 'population.longShare', basis: 'assumption', value: '0.55', url: SRC.blockworksHyperliquidated, note: 'Assumption, as for BTC: traders lean long; the market maker holds the difference.' },
    { field: 'population.leverage*', basis: 'assumption', value: 'median 3×, σ 0.8', url: SRC.hyperReplay, note: 'Assumption: below the 20× cap; the ADL\'d side on 10 Oct 2025 had a p95 leverage of 5.1× (HyperReplay).' },
    { field: 'population.paretoAlpha', basis: 'assumption', value: '1.5', url: SRC.hyperReplay, note: 'Assumption, as for BTC; not fitted.' },
    { field: 'margin', basis: 'sourced', value: 'IMR 5 %, MMR 2.5 %; above 70 M: 10 %, 5 %', url: SRC.hlMarginTiers, note: 'Hyperliquid mainnet tiers: SOL 0–70 M 20×, above 10×; maintenance margin is half the initial margin at maximum leverage.' },
    { field: 'liquidation.penaltyRatio', basis: 'sourced', value: '0', url: SRC.hlLiquidations, note: '"Unlike CEXs there is no clearance fee on liquidations."' },
    { field: 'liquidation.penaltyToFund', basis: 'sourced', value: '1 (no fee to route)', url: SRC.hlLiquidations, note: 'With no clearance fee there is nothing to route; 1 is the field\'s neutral value.' },
    { field: 'liquidation.partial', basis: 'sourced', value: 'false', url: SRC.hlLiquidations, note: 'Market orders for the full size, sliced over 100 k (below).' },
    { field: 'liquidation.slice', basis: 'sourced', value: "{ minNotional: '100000', fraction: 0.2, cooldownSteps: 0 }", url: SRC.hlSlicing, note: '"only 20% of the position will be sent as a market liquidation order … cooldown period of 30 seconds": the 30 s cooldown is shorter than one 60 s step, so the next slice waits one step.' },
    { field: 'liquidation.impact.depth', basis: 'assumption', value: '2000000 (1 % of OI)', url: SRC.amberdataLiquidity, note: 'Assumption at half BTC\'s depth/OI ratio: alt books are thinner relative to open interest; measure with the venue\'s l2Book before a proposal.' },
    { field: 'liquidation.impact.model', basis: 'sourced', value: 'sqrt', url: SRC.bouchaudPermanent, note: 'The square-root law of metaorder impact.' },
    { field: 'liquidation.impact.halfLifeSteps', basis: 'assumption', value: '5', url: SRC.amberdataLiquidity, note: 'Assumption, as for BTC: no published half-life.' },
    permanentImpactSource(),
    keeperCapSource('4000000 (2 % of OI per minute)'),
    oracleDelaySource(SRC.hlMarkPrice, 'about every 3 seconds'),
    hyperliquidMarkWeightSource('It was 0.5 until 6 Dec 2026 (unsourced); P(socialized) is 0 of 4,000 either way.'),
    ...oct10ThinningSources('7.7', '31 % (SOL, the same 45 minutes; on Hyperliquid alone −26 %, which would give 9.2)', SRC.oct10Falls),
    { field: 'insuranceFund.initial', basis: 'assumption', value: '2000000 (1 % of OI)', url: SRC.hlLiquidations, note: 'Assumption: Hyperliquid has no per-market fund; the liquidator vault (HLP) backstops. This is the share of the vault taken to absorb this market.' },
    ...fundPlumbingSources(SRC.hlLiquidations),
    { field: 'lossMechanism', basis: 'sourced', value: "adl hyperliquid, size 'needed', closePrice 'mark', trigger fund-empty", url: SRC.hlAdl, note: 'Opposite-side users "ranked by unrealized pnl and leverage used", by the sorting index (mark / entry) × (notional / account value), closed "at the previous mark price" (mechanisms.md, HL2). At the mark the winners lose their position, not money, so socialized loss is 0 by construction: what the fund cannot cover stays uncovered (the vault\'s, on the venue).' },
    { field: 'lossMechanism (the vault)', basis: 'assumption', value: 'HLP as the fund', url: SRC.hlAdl, note: 'Assumption: the vault that takes over positions below 2/3 of maintenance is modelled as the fund it spends; choose lossMechanism "backstop" (takeoverEquityShare 2/3) to see the vault hold and unwind the positions and its P&L.' },
  ],
};

/** The thin alt market's book: ±1 % depth, half-life and thinning; the stress preset quarters the depth. */
const THIN_ALT_BOOK = { depth: '100000', halfLifeSteps: 10, thinning: 3.8 } as const;

/** The thin alt market shared by the ordinary-day and the 10 Oct 2025 stress presets, on a book of `depth`. */
function thinAltParams(depth: string = THIN_ALT_BOOK.depth): Omit<RiskParams, 'scenario' | 'market'> {
  return {
    version: 1,
    population: generatedPopulation({
      accounts: 3_000,
      openInterest: '20000000',
      longShare: 0.6,
      leverageMedian: 2.2,
      leverageSigma: 0.7,
      paretoAlpha: 1.3,
      entrySpread: 0.05,
    }),
    margin: {
      initialMarginRatio: 0.1,
      maintenanceMarginRatio: 0.05,
      tiers: [{ notionalFloor: '20000000', maintenanceMarginRatio: 0.1, initialMarginRatio: 0.2 }],
    },
    liquidation: liquidationEngine({
      penaltyRatio: 0,
      maxNotionalPerStep: '400000',
      impact: sqrtImpact(depth, THIN_ALT_BOOK.halfLifeSteps, THIN_ALT_BOOK.thinning),
      markImpactWeight: HYPERLIQUID_MARK_WEIGHT,
      slice: hyperliquidSlice(),
    }),
    insuranceFund: plainFund('100000'),
    // At the bankruptcy price the winners pay the deficit in money (the socialized loss the stress case measures);
    // Hyperliquid's own rule closes at the mark — set closePrice 'mark' to see its overshoot instead.
    lossMechanism: adl('hyperliquid', 'bankruptcy'),
  };
}

/**
 * "Range tried" in the notes below: thin-alt's ordinary day with that one value changed, 1,000 paths, seed 1,
 * measured 6 Dec 2026 (P(socialized)/day; liquidated notional as a share of one side's open interest a day). At
 * the preset's own values: 0 of 1,000, 4.2 %. docs/calibration.md has the table and the 4,000-path numbers.
 */
const THIN_ALT_SOURCES: PresetSource[] = [
  { field: 'market.initialPrice', basis: 'assumption', value: '1', url: SRC.hyperReplay, note: 'Assumption: a small coin\'s price; the level does not change results (positions scale with it).' },
  { field: 'margin', basis: 'sourced', value: 'IMR 10 %, MMR 5 %; above 20 M: 20 %, 10 %', url: SRC.hlMarginTiers, note: 'Hyperliquid: many alts 0–20 M at 10×, above at 5×; maintenance is half the initial margin at maximum leverage.' },
  { field: 'liquidation.penaltyRatio', basis: 'sourced', value: '0', url: SRC.hlLiquidations, note: 'No clearance fee on Hyperliquid.' },
  { field: 'liquidation.penaltyToFund', basis: 'sourced', value: '1 (no fee to route)', url: SRC.hlLiquidations, note: 'With no clearance fee there is nothing to route; 1 is the field\'s neutral value.' },
  { field: 'liquidation.partial', basis: 'sourced', value: 'false', url: SRC.hlLiquidations, note: 'Market orders for the full size, sliced over 100 k (below).' },
  { field: 'liquidation.slice', basis: 'sourced', value: "{ minNotional: '100000', fraction: 0.2, cooldownSteps: 0 }", url: SRC.hlSlicing, note: 'Hyperliquid sends 20 % slices of positions over 100 k, then a 30 s cooldown, shorter than one 60 s step.' },
  { field: 'lossMechanism', basis: 'sourced', value: "adl hyperliquid, size 'needed', trigger fund-empty", url: SRC.hlAdl, note: 'Ranked by unrealized PnL and leverage, by the sorting index (mark / entry) × (notional / account value) (mechanisms.md, HL2). It was pnl-leverage until 6 Dec 2026.' },
  { field: 'lossMechanism.closePrice', basis: 'assumption', value: 'bankruptcy', url: SRC.hlAdl, note: 'Assumption, against the venue: set at the bankruptcy price so winners pay the deficit in money. Hyperliquid closes ADL at the previous mark price (closePrice \'mark\'); the overshoot this causes was $45–52 M on 10 Oct 2025 (Tektonic).' },
  { field: 'population.openInterest', basis: 'assumption', value: '20000000', url: SRC.hyperReplay, note: 'Assumption: a small listing; the 162 tickers ADL\'d on 10 Oct 2025 include many with open interest in the tens of millions (HyperReplay per-coin data). Depth, keeper cap and fund are set as shares of it, so the results hardly depend on the level.' },
  { field: 'population.accounts', basis: 'assumption', value: '3000', url: SRC.hyperReplay, note: 'Assumption: fewer traders than a major (10,000 there); no per-coin account count in the sources.' },
  { field: 'population.longShare', basis: 'assumption', value: '0.6', url: SRC.blockworksHyperliquidated, note: 'Assumption: longs dominated before 10 Oct 2025 (longs ≈ 6.7× shorts liquidated, Glassnode via the research notes), a liquidation count, not open interest. Range tried: 0.5 → 1.9 %/day (at 0.5 the market maker holds no short), 0.7 → 0.' },
  { field: 'population.paretoAlpha', basis: 'assumption', value: '1.3', url: SRC.hyperReplay, note: 'Assumption: thin markets are more concentrated (whales); not fitted. Range tried: 1.1 → 0.1 %/day, 1.6 → 0.' },
  {
    field: 'population.leverageMedian',
    basis: 'calibrated',
    value: '2.2',
    url: SRC.chengLeverage,
    note:
      'Calibrated to a sourced observable: at 2.5 (the earlier choice) the ordinary day liquidated 6.5–6.7 % of open interest a day, ' +
      'above every published ordinary-day rate (CoinGlass, market-wide 2025: 0.36–1 %, fidelity review §4; the highest, BitMEX BTC ' +
      '2016–19 with 60× traders: 3.51 % of OI for longs + 1.89 % for shorts = 5.4 %, Cheng et al.). 2.2 is the largest median that ' +
      'brings it within 5.4 % (measured 4.2–4.4 %). Range tried: 2.0 → 0, 3.1 %; 2.5 → 0.1 %/day, 6.5 %.',
  },
  { field: 'population.leverageSigma', basis: 'assumption', value: '0.7', url: SRC.hyperReplay, note: 'Assumption (log-normal spread, capped at 10×). ADL\'d accounts on 10 Oct 2025 had median leverage 0.20×, p95 5.10× (HyperReplay), measured after their gains, so not the book\'s. Range tried: 0.5 → 0, 1.3 %; 0.9 → 0.1 %/day, 8.5 %.' },
  ...generatedBookSources('0.05'),
  { field: 'liquidation.impact.model', basis: 'sourced', value: 'sqrt', url: SRC.bouchaudPermanent, note: 'As for BTC: the square-root law of metaorder impact.' },
  { field: 'liquidation.impact.depth', basis: 'assumption', value: '100000 (0.5 % of OI)', url: SRC.kaikoResearch, note: 'Assumption: a quarter of BTC\'s depth/OI ratio; thin alt books "appeared empty" in stress (Kaiko, 13 Oct 2025). Range tried: 50,000 → 0.6 %/day, 200,000 → 0.' },
  { field: 'liquidation.impact.halfLifeSteps', basis: 'assumption', value: '10', url: SRC.kaikoResearch, note: 'Assumption: thin books refill more slowly than majors (5 there). Range tried: 5 and 20 → 0.' },
  permanentImpactSource(),
  ...oct10ThinningSources('3.8', '63 % (the average open-to-low drop of alts that day)', SRC.ltrdOct10),
  hyperliquidMarkWeightSource('Range tried: 0 → 0; 0.5 → 0; 0.7 (the earlier, unsourced choice) → 0 at 1,000 paths, 5.9 % of OI liquidated.'),
  oracleDelaySource(SRC.hlMarkPrice, 'about every 3 seconds'),
  keeperCapSource('400000 (2 % of OI per minute)'),
  { field: 'insuranceFund.initial', basis: 'assumption', value: '100000 (0.5 % of OI)', url: SRC.hlLiquidations, note: 'Assumption: HIP-3 and thin markets have little or no backstop; this is a small share of a vault. The value P(socialized) depends on most. Range tried: 0 → 7.9 %/day, 200,000 → 0.' },
  ...fundPlumbingSources(SRC.hlLiquidations),
];

const thinAlt: MarketPreset = {
  name: 'thin-alt',
  title: 'Thin or new alt listing (Hyperliquid 10× alt), an ordinary day',
  summary:
    'A thin market like the small alts Hyperliquid auto-deleveraged on 10 Oct 2025: 10× maximum leverage, no ' +
    'clearance fee, a book whose ±1 % depth is 0.5 % of open interest, a small backstop, ADL by PnL and ' +
    'leverage; 20 M USDC of open interest per side. A 1-day horizon with a volatile jump diffusion.',
  stress: false,
  params: {
    ...thinAltParams(),
    market: oneDayMarket('1'),
    scenario: { kind: 'jump', driftAnnual: 0, volAnnual: 1.2, jumpIntensityAnnual: 1460, jumpMean: 0, jumpStdev: 0.02 },
  },
  sources: [
    ...THIN_ALT_SOURCES,
    oneDayHorizonSource(),
    {
      field: 'scenario',
      basis: 'assumption',
      value: 'jump: drift 0, vol 120 %, 4 jumps/day of mean 0, σ 2 %',
      url: SRC.binanceKlines,
      note:
        'Assumption for a small-cap alt: no ordinary-day volatility or jump study of a thin alt is in the sources; fit from the ' +
        'coin\'s 1-minute klines to replace. Range tried: vol 0.8 → 0, 2.1 %; 1.6 → 0.1 %/day, 7.2 %; 1 jump/day → 0; 8 → 0.5 %/day; ' +
        'jump σ 1 % → 0; 3 % → 0.9 %/day.',
    },
    {
      field: 'outcome (target)',
      basis: 'sourced',
      value: 'P(socialized) ≤ 1/730 ≈ 0.14 % a day',
      url: SRC.hlStatementOct10,
      note:
        'Hyperliquid called 10 Oct 2025 its "first cross-margin ADL in more than 2 years": at most one socializing day in 730, and that one ' +
        'the stress day (thin-alt-oct-2025). Measured 6 Dec 2026, 4,000 paths, seed 1: 4 of 4,000 = 0.10 % [0.04 %, 0.26 %]; with ' +
        'population resampling [0, 0.18 %]. Seeds 2 and 3: 1 and 8 of 4,000; seed 2\'s population-inclusive interval is [0, 8.1 %] ' +
        '(one book of ten socializes on 24.5 % of days), so fix population.seed before relying on it.',
    },
    {
      field: 'outcome (liquidations)',
      basis: 'sourced',
      value: 'liquidated notional ≤ 5.4 % of OI a day',
      url: SRC.chengLeverage,
      note: 'The highest published ordinary-day rate (BitMEX BTC 2016–19: 3.51 % + 1.89 % of OI, Cheng et al.); CoinGlass market-wide 2025: 0.36–1 %. Measured 4.4 % (4,000 paths).',
    },
  ],
};

/** A quarter of the ordinary depth: Kaiko's books "appearing empty" on 10 Oct 2025. */
const THIN_ALT_STRESS_DEPTH = '25000';

const thinAltOct2025: MarketPreset = {
  name: 'thin-alt-oct-2025',
  title: 'Stress: the thin alt market on 10 Oct 2025 (stylized after the 21:15 UTC cascade)',
  summary:
    'Stylized after 10 Oct 2025, not a replay: the thin alt market, an hour of calm, then a fall of 63 % over ' +
    '40 minutes (the average open-to-low drop of that day; 70 % of the day\'s liquidations came in 40 minutes) ' +
    'with one-minute gaps of −30 % and −15 % at the peak minute (21:15 UTC) and the next, then half of the fall ' +
    'regained over 4 hours; the book at a quarter of its ordinary depth (order books "appeared empty").',
  stress: true,
  params: {
    ...thinAltParams(THIN_ALT_STRESS_DEPTH),
    market: { initialPrice: '1', steps: 480, stepSeconds: 60 },
    scenario: {
      kind: 'crash',
      preset: 'oct-2025',
      drawdown: 0.63,
      startMinute: 60,
      crashMinutes: 40,
      recovery: 0.5,
      recoveryMinutes: 240,
      volAnnual: 2,
      gaps: [
        { minute: 25, drop: 0.3 },
        { minute: 26, drop: 0.15 },
      ],
    },
  },
  sources: [
    ...THIN_ALT_SOURCES.filter((s) => s.field !== 'liquidation.impact.depth'),
    { field: 'market.step*', basis: 'assumption', value: '480 steps of 60 s', url: SRC.amberdataOct10, note: 'Assumption: eight hours hold the hour before, the 40-minute cascade and the 4-hour recovery, at the one-minute resolution of the record.' },
    { field: 'scenario.kind', basis: 'sourced', value: 'crash', url: SRC.amberdataOct10, note: 'A stylized crash shape after the 10 Oct 2025 record (the crash presets, mechanisms.md §11); a real tape can replace it.' },
    { field: 'scenario.preset', basis: 'sourced', value: "'oct-2025'", url: SRC.amberdataOct10, note: 'The crash preset of 10 Oct 2025 whose shape the values below adjust to a thin alt.' },
    { field: 'scenario.startMinute', basis: 'assumption', value: '60', url: SRC.amberdataOct10, note: 'Assumption: an hour of ordinary trading before the cascade, so the book and fund start from an ordinary state.' },
    { field: 'scenario.volAnnual', basis: 'assumption', value: '2', url: SRC.ltrdOct10, note: 'Assumption: the noise around the crash shape, above thin-alt\'s ordinary 1.2 for a day whose alts fell 63 % on average.' },
    { field: 'scenario.drawdown', basis: 'sourced', value: '0.63', url: SRC.ltrdOct10, note: 'The average drop from open to the day\'s low on 10 Oct 2025 was 63 %; about 200 coins on Binance fell more than 80 %.' },
    { field: 'scenario.crashMinutes', basis: 'sourced', value: '40', url: SRC.amberdataOct10, note: 'A 40-minute cascade from 20:50 UTC liquidated $6.93 B, 70 % of the day\'s total.' },
    { field: 'scenario.gaps', basis: 'assumption', value: '−30 % at minute 25, −15 % at minute 26', url: SRC.amberdataOct10, note: 'Assumption in size: the peak minute was 21:15 UTC ($3.21 B in 60 s), 25 minutes into the cascade (sourced, hence minute 25); the gap sizes are chosen so the two worst minutes carry most of the fall, as the alt wicks did (not measured per coin here: fit a real tape to replace).' },
    { field: 'scenario.recovery*', basis: 'assumption', value: '0.5 over 240 min', url: SRC.ltrdOct10, note: 'Assumption: most alts regained part of the wick within hours; many stayed 30–50 % below.' },
    { field: 'liquidation.impact.depth', basis: 'assumption', value: '25000 (a quarter of the ordinary 100000)', url: SRC.kaikoResearch, note: 'Assumption in size, after Kaiko: order books "thinned out to the point of appearing empty for several minutes … only wider bands such as 4% and 10% from the mid-price showed meaningful bids".' },
    { field: 'outcome (target)', basis: 'sourced', value: 'ADL on ≥ 5 % of paths', url: SRC.tektonic, note: 'Hyperliquid ran 34,983 ADL fills on 162 tickers in 21:16–21:27 UTC; 302 accounts ended with −$23.19 M equity.' },
  ],
};

/** Every market preset, majors first; names are stable identifiers for `--preset NAME` and the page menu. */
export const MARKET_PRESETS: readonly MarketPreset[] = [btcMajor, solMid, thinAlt, thinAltOct2025];

export function marketPreset(name: string): MarketPreset | undefined {
  return MARKET_PRESETS.find((p) => p.name === name);
}

/** A fresh, editable copy of a preset's parameters file. */
export function presetParams(preset: MarketPreset): RiskParams {
  return JSON.parse(JSON.stringify(preset.params)) as RiskParams;
}

/** How many of a preset's source entries rest on each basis (the page's summary line and docs/calibration.md). */
export function basisCounts(preset: MarketPreset): Record<SourceBasis, number> {
  const counts: Record<SourceBasis, number> = { sourced: 0, derived: 0, calibrated: 0, assumption: 0 };
  for (const source of preset.sources) counts[source.basis]++;
  return counts;
}

/** What `simulate --presets` prints: name, title and the distinct source URLs. */
export function presetIndex(): Array<{ name: string; title: string; sources: string[] }> {
  return MARKET_PRESETS.map((p) => ({
    name: p.name,
    title: p.title,
    sources: [...new Set(p.sources.map((s) => s.url))],
  }));
}
