/**
 * What every prepared scenario shares: the market's shape in the units the hot loop wants, and the price
 * bounds that keep a path finite and positive whatever the parameters.
 */

/** Annualized rates use a 365-day year (DESIGN.md §5 "Time"). */
export const SECONDS_PER_YEAR = 365 * 86_400;

/**
 * Prices are clamped to [MIN_PRICE_RATIO, MAX_PRICE_RATIO] × initialPrice. Valid parameters over realistic
 * horizons never come near either bound; they exist so that extreme ones (vol 5 for years, a −99.9 % crash
 * with noise) give a tiny or huge but finite positive price instead of 0, Infinity or NaN.
 */
export const MIN_PRICE_RATIO = 1e-12;
export const MAX_PRICE_RATIO = 1e12;

/** The market as the scenario needs it: initialPrice already parsed from its decimal string. */
export interface ScenarioMarket {
  /** Oracle price at step 0, quote per base; finite and > 0. */
  initialPrice: number;
  /** Number of price points in a path, step 0 included; an integer ≥ 1. */
  steps: number;
  /** Seconds between two price points; > 0. */
  stepSeconds: number;
}

export interface PreparedPathBase {
  readonly steps: number;
  readonly initialPrice: number;
  readonly stepSeconds: number;
  /** Length of one step in years (dt). */
  readonly stepYears: number;
  /** Clamp bounds of every price of the path, quote per base. */
  readonly minPrice: number;
  readonly maxPrice: number;
}

/**
 * Checks the market's shape and derives dt and the price bounds.
 * @throws RangeError when steps is not an integer ≥ 1, or initialPrice or stepSeconds is not finite and > 0
 *   (validateParams refuses such files first; this guards direct callers).
 */
export function preparePathBase(market: ScenarioMarket): PreparedPathBase {
  const { initialPrice, steps, stepSeconds } = market;
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be an integer ≥ 1, got ${steps}`);
  if (!(initialPrice > 0 && initialPrice < Infinity)) {
    throw new RangeError(`initialPrice must be finite and > 0, got ${initialPrice}`);
  }
  if (!(stepSeconds > 0 && stepSeconds < Infinity)) {
    throw new RangeError(`stepSeconds must be finite and > 0, got ${stepSeconds}`);
  }
  return {
    steps,
    initialPrice,
    stepSeconds,
    stepYears: stepSeconds / SECONDS_PER_YEAR,
    minPrice: initialPrice * MIN_PRICE_RATIO,
    maxPrice: initialPrice * MAX_PRICE_RATIO,
  };
}

/** Clamps a price into [minPrice, maxPrice]; NaN goes to minPrice (the comparison fails), +Infinity to maxPrice. */
export function clampPrice(price: number, minPrice: number, maxPrice: number): number {
  if (price >= minPrice) return price <= maxPrice ? price : maxPrice;
  return minPrice;
}
