// Every editable parameter as data (squoosh `shared/meta.ts` style): where it sits in the parameters file,
// its label and unit, a one-line explanation in the venues' own words (research/mechanisms.md) and how its
// text is read. Percent fields show ratios × 100.
import { formatPath } from '../../engine/params/validateParams';
import type { ParamPath } from '../../state/paramsSlice';

/**
 * How a field's text becomes a value in the parameters file:
 * - `percent`: a number shown × 100 (the file holds the ratio);
 * - `number` / `integer`: a JSON number (the validator refuses a fraction for an integer);
 * - `decimal`: an exact decimal string (money, prices, notionals), passed to the validator as typed.
 */
export type FieldKind = 'percent' | 'number' | 'integer' | 'decimal';

export interface FieldSpec {
  path: ParamPath;
  kind: FieldKind;
  label: string;
  /** Shown in parentheses after the label, e.g. "%" or "quote". */
  unit: string;
  /** One line: what the value does, in the venues' words where they have them. */
  hint: string;
  /** For `nullable` fields: the word of the checkbox that sets null, and the value restored when unticked. */
  nullable?: { word: string; restore: string };
}

const f = (path: ParamPath, kind: FieldKind, label: string, unit: string, hint: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  path,
  kind,
  label,
  unit,
  hint,
  ...extra,
});

export const MARKET_FIELDS: FieldSpec[] = [
  f(['market', 'initialPrice'], 'decimal', 'Starting price', 'quote per base', 'Oracle (mark) price at the first step; every path starts here.'),
  f(['market', 'steps'], 'integer', 'Horizon', 'steps', 'Price points per path, the first included: 1,440 one-minute steps are one day.'),
  f(['market', 'stepSeconds'], 'number', 'Step length', 's', 'Time between price points; accounts are checked for liquidation at every step.'),
];

const drift = (kind: string) =>
  f(['scenario', 'driftAnnual'], 'percent', 'Drift', '% per year', `Expected yearly return of the ${kind} price; 0 takes no directional view.`);
const vol = (hint: string) => f(['scenario', 'volAnnual'], 'percent', 'Volatility', '% per year', hint);

export const GBM_FIELDS: FieldSpec[] = [
  drift('simulated'),
  vol('Annualized standard deviation of log returns (geometric Brownian motion).'),
];

export const JUMP_FIELDS: FieldSpec[] = [
  drift('simulated'),
  vol('Annualized volatility of the diffusion between jumps.'),
  f(['scenario', 'jumpIntensityAnnual'], 'number', 'Jump frequency', 'jumps per year', 'Expected sudden price gaps per year (Merton); 365 is about one a day.'),
  f(['scenario', 'jumpMean'], 'number', 'Mean jump', 'log return', 'Average log size of a gap: −0.05 is about a 5 % drop, 0 = up and down alike.'),
  f(['scenario', 'jumpStdev'], 'number', 'Jump spread', 'log return', 'Standard deviation of a gap’s log size: 0.07 makes gaps of about ±7 % typical.'),
];

export const CRASH_FIELDS: FieldSpec[] = [
  f(['scenario', 'drawdown'], 'percent', 'Drawdown', '%', 'Share of the price lost from the start to the trough.'),
  f(['scenario', 'startMinute'], 'number', 'Calm before the fall', 'min', 'Minutes of ordinary trading before the drawdown starts.'),
  f(['scenario', 'crashMinutes'], 'number', 'Fall duration', 'min', 'Minutes from the start of the fall to the trough.'),
  f(['scenario', 'recovery'], 'percent', 'Recovery', '% of the drop', 'Share of the drop regained after the trough (0 = no rebound).'),
  f(['scenario', 'recoveryMinutes'], 'number', 'Recovery duration', 'min', 'Minutes the rebound takes.'),
  vol('Noise on top of the stylized shape, so paths differ.'),
];

export const REPLAY_FIELDS: FieldSpec[] = [
  f(['scenario', 'noiseVolAnnual'], 'percent', 'Noise', '% per year', 'Random noise added so paths differ; 0 replays the series exactly on every path.'),
];

export const BOOTSTRAP_FIELDS: FieldSpec[] = [
  f(['scenario', 'blockSteps'], 'integer', 'Block length', 'steps', 'Consecutive historical returns drawn together, so volatility clusters and a cascade’s sequence survive resampling.'),
];

export const GENERATED_POPULATION_FIELDS: FieldSpec[] = [
  f(['population', 'accounts'], 'integer', 'Trader accounts', 'accounts', 'Traders in the book; one market-maker account is added to balance it.'),
  f(['population', 'openInterest'], 'decimal', 'Open interest', 'quote per side', 'Notional of each side at the starting price (long OI = short OI).'),
  f(['population', 'longShare'], 'percent', 'Long share', '% of traders’ notional', 'How much of the traders’ notional is long; the market maker takes the other side of the gap.'),
  f(['population', 'leverageMedian'], 'number', 'Median leverage', '×', 'Typical effective leverage, capped at 1 / initial margin.'),
  f(['population', 'leverageSigma'], 'number', 'Leverage spread', 'log-normal σ', 'How much leverage varies between traders (0 = everyone at the median).'),
  f(['population', 'paretoAlpha'], 'number', 'Size concentration', 'Pareto α', 'Smaller = more whales: at 1.6 the top 1 % of traders hold about 18 % of the notional.'),
  f(['population', 'entrySpread'], 'percent', 'Entry spread', '%', 'How far entry prices scatter around the starting price (one standard deviation).'),
  f(['population', 'marketMakerLeverage'], 'number', 'Market-maker leverage', '×', 'Effective leverage of the account that balances the book.'),
];

export const MARGIN_FIELDS: FieldSpec[] = [
  f(['margin', 'initialMarginRatio'], 'percent', 'Initial margin', '%', 'Collateral needed to open, as a share of notional; caps leverage at 1 / this (Binance, BitMEX “IM”).'),
  f(['margin', 'maintenanceMarginRatio'], 'percent', 'Maintenance margin', '%', 'Equity below this share of notional is liquidated (BitMEX, Binance).'),
];

export function tierFields(index: number): FieldSpec[] {
  const n = index + 1;
  const at = (key: string): ParamPath => ['margin', 'tiers', index, key];
  return [
    f(at('notionalFloor'), 'decimal', `Tier ${n} from notional`, 'quote', 'Positions at least this large use this tier’s ratios.'),
    f(at('maintenanceMarginRatio'), 'percent', `Tier ${n} maintenance`, '%', 'Maintenance margin for positions in this tier.'),
    f(at('initialMarginRatio'), 'percent', `Tier ${n} initial`, '%', 'Initial margin for positions in this tier.'),
  ];
}

export const LIQUIDATION_FIELDS: FieldSpec[] = [
  f(['liquidation', 'penaltyRatio'], 'percent', 'Liquidation penalty', '% of notional', 'Clearance fee taken from the liquidated account, capped at its remaining equity (Binance; dYdX caps it at 1.5 %).'),
  f(['liquidation', 'penaltyToFund'], 'percent', 'Penalty to the fund', '%', 'Share of the penalty paid into the insurance fund; the rest goes to the liquidator (dYdX: all of it).'),
];

export const KEEPER_FIELD = f(
  ['liquidation', 'maxNotionalPerStep'],
  'decimal',
  'Keeper capacity',
  'quote per step',
  'Most notional liquidators can close in one step (dYdX caps it per block); the rest waits for the next step.',
  { nullable: { word: 'Unlimited', restore: '1000000' } },
);

export const ORACLE_DELAY_FIELD = f(['liquidation', 'oracleDelaySteps'], 'integer', 'Oracle delay', 'steps', 'Liquidations see the price this many steps late.');

export const IMPACT_FIELDS: FieldSpec[] = [
  f(['liquidation', 'impact', 'depth'], 'decimal', 'Market depth', 'quote per 1 %', 'Notional that moves the price by 1 % (the book’s ±1 % depth); liquidations sell into it.'),
  f(['liquidation', 'impact', 'halfLifeSteps'], 'number', 'Book recovery half-life', 'steps', 'Steps for half of the passing price displacement to fade as the book refills.'),
  f(['liquidation', 'impact', 'thinning'], 'number', 'Book thinning', 'per unit drawdown', 'Depth × e^(−thinning × drawdown from the peak): 20 leaves ≈ 9 % of the depth after a 12 % fall (books “appearing empty”, Kaiko, 10 Oct 2025). 0 = constant depth.'),
  f(['liquidation', 'impact', 'permanentShare'], 'percent', 'Permanent impact', '% of impact', 'Share of the move liquidations cause that never fades (metaorder impact relaxes to about ⅔ of its peak); the rest decays with the half-life.'),
];

export const MARK_WEIGHT_FIELD = f(
  ['liquidation', 'markImpactWeight'],
  'percent',
  'Own impact in the mark',
  '%',
  'Share of the venue’s own liquidation impact in the mark that triggers liquidations and measures profit. 0 = the mark is the external index (Binance: spot index); 100 = the venue’s own book.',
);

export const SLICE_FIELDS: FieldSpec[] = [
  f(['liquidation', 'slice', 'minNotional'], 'decimal', 'Slice positions above', 'quote', 'Positions larger than this are liquidated in slices (Hyperliquid: 100k USDC).'),
  f(['liquidation', 'slice', 'fraction'], 'percent', 'Slice size', '% of the position', 'Most of the position sent to the book per slice (Hyperliquid: 20 %; dYdX: 10 % per block).'),
  f(['liquidation', 'slice', 'cooldownSteps'], 'integer', 'Slice cooldown', 'steps', 'Whole steps a sliced account waits before its next slice; it keeps its place in the queue (Hyperliquid: 30 s).'),
];

export const FUND_FIELDS: FieldSpec[] = [
  f(['insuranceFund', 'initial'], 'decimal', 'Starting balance', 'quote', 'Pays deficits before any loss is socialized (BitMEX, Binance, Bybit insurance funds).'),
  f(['insuranceFund', 'feeInflowPerStep'], 'decimal', 'Fee inflow', 'quote per step', 'Trading fees paid into the fund every step (Drift settles revenue into its fund hourly).'),
  f(['insuranceFund', 'cap'], 'decimal', 'Cap', 'quote', 'Balance above which inflows go to the treasury instead of the fund.', {
    nullable: { word: 'No cap', restore: '1000000' },
  }),
  f(['insuranceFund', 'maxDrawPerStep'], 'decimal', 'Most paid per step', 'quote', 'Largest payout in one step (dYdX: at most 1 M USDC per account per block).', {
    nullable: { word: 'No limit', restore: '100000' },
  }),
];

export const RUN_FIELDS = {
  paths: { label: 'Paths', unit: 'paths', hint: 'Simulated price paths; more paths give narrower intervals.' },
  seed: { label: 'Seed', unit: 'integer', hint: 'Same seed, same paths: any run can be reproduced exactly.' },
} as const;

/** Every fixed field by its formatted path ("margin.maintenanceMarginRatio"), for messages and change lists. */
export const FIELD_BY_PATH: ReadonlyMap<string, FieldSpec> = new Map(
  [
    ...MARKET_FIELDS,
    ...GBM_FIELDS,
    ...JUMP_FIELDS,
    ...CRASH_FIELDS,
    ...REPLAY_FIELDS,
    ...BOOTSTRAP_FIELDS,
    ...GENERATED_POPULATION_FIELDS,
    ...MARGIN_FIELDS,
    ...LIQUIDATION_FIELDS,
    KEEPER_FIELD,
    ORACLE_DELAY_FIELD,
    ...IMPACT_FIELDS,
    MARK_WEIGHT_FIELD,
    ...SLICE_FIELDS,
    ...FUND_FIELDS,
  ].map((spec) => [pathKey(spec.path), spec]),
);

/** "margin.tiers[1].maintenanceMarginRatio": the same spelling as validateParams' `field`. */
export function pathKey(path: ParamPath): string {
  return formatPath(path);
}

/** A DOM id for a field's input, from its path. */
export function fieldDomId(path: ParamPath): string {
  return `param-${path.join('-')}`;
}

/** The spec of a field by path, tiers included. */
export function specOf(key: string): FieldSpec | undefined {
  const fixed = FIELD_BY_PATH.get(key);
  if (fixed) return fixed;
  const tier = /^margin\.tiers\[(\d+)\]\.(\w+)$/.exec(key);
  if (tier) return tierFields(Number(tier[1])).find((spec) => pathKey(spec.path) === key);
  return undefined;
}
