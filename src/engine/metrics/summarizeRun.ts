import { unitsToQuote } from '../money/money';
import type { RangeResult } from '../results/pathResults';
import { accurateMean } from './accurateSum';
import { burdenByDecile, type BurdenByDecile } from './burdenByDecile';
import { fanBands } from './fanBands';
import { histogram, type Histogram } from './histogram';
import { pathCountOf } from '../results/rangeResultShape';
import { riskStats, type RiskStats } from './riskStats';
import { tailSummary, type TailSummary } from './tailSummary';
import { wilsonInterval } from './wilson';

/** Fan bands of one series in plain arrays (JSON-safe): bands[k][j] is quantile k at point j. */
export interface FanSeries {
  quantiles: number[];
  bands: number[][];
}

export interface RunFan {
  /** Step index of each point (the last step of its bucket). */
  stepOfPoint: number[];
  fundBalanceQuote: FanSeries;
  cumBadDebtQuote: FanSeries;
  cumSocializedLossQuote: FanSeries;
  price: FanSeries;
}

/**
 * Summary of a run over paths. The first block of fields is the CLI JSON contract (DESIGN.md §5) — names are
 * the contract, never rename them; money is in quote units (units / 10^6). Fields after it are additions.
 */
export interface RunSummary {
  paths: number;
  /** Share of paths with socialized loss > 0. */
  pSocialized: number;
  /** Wilson 95% interval of pSocialized. */
  pSocializedCI: [number, number];
  badDebt: RiskStats;
  fundDraw: RiskStats;
  socializedLoss: RiskStats;
  vaultLoss: RiskStats;
  uncovered: RiskStats;
  /** Mean liquidation events per path. */
  liquidations: number;
  /** Mean ADL'd notional per path, quote. */
  adlNotional: number;
  /** True only if badDebt = fundDraw + socializedLoss + vaultLoss + uncovered held exactly on every path. */
  ledgerBalanced: boolean;
  /** Explicit populations only: account id → mean socialized loss borne per path, quote. */
  lossByAccount?: Record<string, number>;
  /**
   * Round two (DESIGN.md §5): the backstop vault's net result per path (margins taken over + inventory result,
   * marked at the horizon, − vaultLoss; 0 for other mechanisms). The tail statistics are of the result as it is
   * (upper tail: the gains); a loss is a negative value.
   */
  vaultPnl: RiskStats;
  /** ADL overshoot per path: profit closed out of winners − what had to be covered (Chitra et al.'s measure). */
  adlOvershoot: RiskStats;

  /** Share of paths on which the insurance fund was emptied paying a deficit. */
  fundDepletedShare: number;
  /** Mean number of accounts per path that bore a haircut or ADL loss. */
  accountsHitMean: number;
  /** Largest single haircut or ADL loss as a share of that account's equity just before it, over all paths (0..1). */
  largestHaircutShareMax: number;
  /** Mean liquidated notional per path, quote. */
  liquidatedNotional: number;
  burdenByDecile: BurdenByDecile;
  /**
   * Negative equity of accounts still open at the horizon (round two): a deficit not yet settled, outside the
   * waterfall identity, never silently dropped.
   */
  openDeficit: RiskStats;
  /** Only with `detail: true`: 5/25/50/75/95% bands across paths at each series point. */
  fan?: RunFan;
  /** Only with `detail: true`: log-binned histograms in quote (zero-loss paths in zeroCount). */
  histograms?: { socializedLoss: Histogram; badDebt: Histogram };
  /** Only with `detail: true`: intervals on the headline numbers and the tail curves (tailSummary.ts). */
  tail?: TailSummary;
}

export interface SummarizeOptions {
  /** Account ids of an explicit population, in the order of lossByAccountUnits. */
  ids?: string[];
  /** True for an explicit population: then `ids` is required and lossByAccount is reported. */
  explicit: boolean;
  /** Bins of the detail histograms (default 30). */
  histogramBins?: number;
  /** Add the bulky `fan` and `histograms` fields (default false, so the CLI JSON stays small). */
  detail?: boolean;
  /** With `detail`: false leaves out `fan` (its bands cost one sort per point and series; histograms are cheap). */
  fan?: boolean;
}

export const DEFAULT_HISTOGRAM_BINS = 30;

function riskStatsInQuote(units: Float64Array): RiskStats {
  const s = riskStats(units);
  // Stats are taken on the integer units (exact sums) and divided once; division by a positive constant keeps
  // var ≤ es ≤ max.
  return {
    mean: unitsToQuote(s.mean),
    var95: unitsToQuote(s.var95),
    var99: unitsToQuote(s.var99),
    es95: unitsToQuote(s.es95),
    es99: unitsToQuote(s.es99),
    max: unitsToQuote(s.max),
  };
}

function lossByAccount(result: RangeResult, ids: string[] | undefined, paths: number): Record<string, number> {
  const units = result.lossByAccountUnits;
  if (ids === undefined) throw new Error('summarizeRun: an explicit population needs its account ids');
  if (ids.length !== units.length) {
    throw new Error(`summarizeRun: ${ids.length} account ids for ${units.length} accounts in lossByAccountUnits`);
  }
  if (new Set(ids).size !== ids.length) throw new Error('summarizeRun: account ids must be unique');
  // fromEntries defines own properties, so an id such as "__proto__" is an ordinary key.
  return Object.fromEntries(
    ids.map((id, i) => {
      const v = units[i] as number;
      if (!Number.isFinite(v)) throw new Error(`summarizeRun: loss of account ${id} is not finite`);
      return [id, unitsToQuote(v / paths)];
    }),
  );
}

function fanOf(result: RangeResult, paths: number): RunFan {
  const { series } = result;
  const fan = (values: Float64Array): FanSeries => {
    const f = fanBands(values, paths, series.points);
    return { quantiles: f.quantiles, bands: f.bands.map((band) => Array.from(band)) };
  };
  return {
    stepOfPoint: Array.from(series.stepOfPoint),
    fundBalanceQuote: fan(series.fundBalanceQuote),
    cumBadDebtQuote: fan(series.cumBadDebtQuote),
    cumSocializedLossQuote: fan(series.cumSocializedLossQuote),
    price: fan(series.price),
  };
}

function maxOf(values: Float64Array, name: string): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) throw new Error(`summarizeRun: ${name} of path ${i} is not finite`);
    max = Math.max(max, v);
  }
  return max;
}

/**
 * Aggregates the per-path columns of a whole run (merge worker ranges first: mergeRangeResults) into the
 * summary above. Throws an Error for zero paths, columns whose lengths disagree with the range, non-finite
 * values, or an explicit population without matching ids — so no output is ever NaN or Infinity.
 */
export function summarizeRun(result: RangeResult, options: SummarizeOptions): RunSummary {
  const paths = pathCountOf(result);
  if (paths === 0) throw new Error('summarizeRun: the run has zero paths');
  const cols = result.paths;

  let socializedPaths = 0;
  let depletedPaths = 0;
  let balancedPaths = 0;
  for (let i = 0; i < paths; i++) {
    if ((cols.socializedLossUnits[i] as number) > 0) socializedPaths++;
    if ((cols.fundDepletedStep[i] as number) >= 0) depletedPaths++;
    if (cols.ledgerBalanced[i] === 1) balancedPaths++;
  }

  const summary: RunSummary = {
    paths,
    pSocialized: socializedPaths / paths,
    pSocializedCI: wilsonInterval(socializedPaths, paths),
    badDebt: riskStatsInQuote(cols.badDebtUnits),
    fundDraw: riskStatsInQuote(cols.fundDrawUnits),
    socializedLoss: riskStatsInQuote(cols.socializedLossUnits),
    vaultLoss: riskStatsInQuote(cols.vaultLossUnits),
    uncovered: riskStatsInQuote(cols.uncoveredUnits),
    liquidations: accurateMean(cols.liquidations),
    adlNotional: accurateMean(cols.adlNotionalQuote),
    ledgerBalanced: balancedPaths === paths,
    ...(options.explicit ? { lossByAccount: lossByAccount(result, options.ids, paths) } : {}),
    fundDepletedShare: depletedPaths / paths,
    accountsHitMean: accurateMean(cols.accountsHit),
    largestHaircutShareMax: maxOf(cols.largestHaircutShare, 'largestHaircutShare'),
    liquidatedNotional: accurateMean(cols.liquidatedNotionalQuote),
    burdenByDecile: burdenByDecile(result.lossByDecileUnits, paths),
    openDeficit: riskStatsInQuote(cols.openDeficitUnits),
    vaultPnl: riskStatsInQuote(cols.vaultPnlUnits),
    adlOvershoot: riskStatsInQuote(Float64Array.from(cols.adlProfitClosedUnits, (closed, i) => closed - (cols.adlNeededUnits[i] as number))),
  };
  if (options.detail) {
    const bins = options.histogramBins ?? DEFAULT_HISTOGRAM_BINS;
    if (options.fan !== false) summary.fan = fanOf(result, paths);
    summary.histograms = {
      socializedLoss: histogram(Array.from(cols.socializedLossUnits, unitsToQuote), { bins, log: true }),
      badDebt: histogram(Array.from(cols.badDebtUnits, unitsToQuote), { bins, log: true }),
    };
    summary.tail = tailSummary(result, paths);
  }
  return summary;
}
