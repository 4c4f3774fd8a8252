/**
 * What simulating a range of paths returns: columns indexed by path (i − from), plain typed arrays so they can
 * be transferred from a worker and concatenated in path order. Money columns hold integer money units
 * (micro-quote, money/money.ts); notional columns hold quote as float (they are measures, not ledger entries).
 */
export interface PathColumns {
  /** Sum of deficits (max(0, −equity) at close) over the path. */
  badDebtUnits: Float64Array;
  fundDrawUnits: Float64Array;
  /** Haircuts plus ADL losses: losses imposed on traders who were not liquidated. */
  socializedLossUnits: Float64Array;
  vaultLossUnits: Float64Array;
  uncoveredUnits: Float64Array;
  /** Penalties paid into the insurance fund (after its cap). */
  fundInflowUnits: Float64Array;
  fundEndUnits: Float64Array;
  /** Count of liquidation events (each full or partial close). */
  liquidations: Float64Array;
  liquidatedNotionalQuote: Float64Array;
  adlNotionalQuote: Float64Array;
  /** ADL: remainders handed to the queue (what had to be covered) and the profit closed out of winners, units. */
  adlNeededUnits: Float64Array;
  adlProfitClosedUnits: Float64Array;
  /** The backstop vault's net result (margins taken over + inventory result − vaultLoss), units; 0 otherwise. */
  vaultPnlUnits: Float64Array;
  /** Accounts that bore a haircut or an ADL loss. */
  accountsHit: Float64Array;
  /** Largest single haircut or ADL loss as a share of that account's equity just before it, 0..1. */
  largestHaircutShare: Float64Array;
  /** First step at which the fund was empty after paying a deficit, −1 if never. */
  fundDepletedStep: Int32Array;
  /** Negative equity of accounts still open at the horizon, at its mark: not yet settled, outside the identity. */
  openDeficitUnits: Float64Array;
  /** 1 when badDebt = fundDraw + socializedLoss + vaultLoss + uncovered held exactly on this path. */
  ledgerBalanced: Uint8Array;
}

/** Downsampled series: `points` values per path, row-major (path 0's points first). */
export interface SeriesColumns {
  points: number;
  /** Step index of each point (the last step of its bucket). */
  stepOfPoint: Int32Array;
  price: Float64Array;
  fundBalanceQuote: Float64Array;
  cumBadDebtQuote: Float64Array;
  cumSocializedLossQuote: Float64Array;
  cumLiquidatedNotionalQuote: Float64Array;
}

export interface RangeResult {
  from: number;
  to: number;
  paths: PathColumns;
  series: SeriesColumns;
  /** Socialized loss borne per account, summed over the range's paths (units); length = population count. */
  lossByAccountUnits: Float64Array;
  /** Socialized loss borne per size decile (0 = smallest), summed over the range's paths (units). */
  lossByDecileUnits: Float64Array;
}
