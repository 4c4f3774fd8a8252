/**
 * A population as the simulator reads it: struct-of-arrays, one index per account, fixed for all paths of a run
 * (paths differ in prices, not in who holds what). Sizes and prices are float64; collateral is an exact integer
 * number of money units (see money/money.ts).
 */
export interface Population {
  count: number;
  ids: string[];
  /** +1 long, -1 short. */
  side: Int8Array;
  /** Position size in base units, > 0. */
  sizeBase: Float64Array;
  /** Entry price, quote per base, > 0. */
  entryPrice: Float64Array;
  /** Collateral in integer money units (micro-quote), may be any sign for an imported snapshot. */
  collateralUnits: Float64Array;
  /** Index of the market-maker account, or -1 when there is none. */
  marketMakerIndex: number;
  /** Size decile 0..9 of each account by notional at the initial price (9 = largest). */
  sizeDecile: Uint8Array;
}
