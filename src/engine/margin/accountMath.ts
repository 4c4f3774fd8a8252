import { UNITS_PER_QUOTE } from '../money/money';
import { initialRatioFor, maintenanceRatioFor, type MarginSchedule } from './marginSchedule';

/**
 * The definitions of DESIGN.md §5 for one isolated-margin linear position, used alike by the production engine
 * and the naive reference engine, so both decide every liquidation with the same floating-point operations.
 * side: +1 long, −1 short; sizeBase > 0; prices in quote per base; collateral in integer money units.
 */

/** Equity at `price`: collateral + side·size·(price − entry), in quote. */
export function equityQuote(side: number, sizeBase: number, entryPrice: number, collateralUnits: number, price: number): number {
  return collateralUnits / UNITS_PER_QUOTE + side * sizeBase * (price - entryPrice);
}

/** Liquidatable ⇔ equity < maintenance ratio of the position's tier × notional, at `price`. */
export function isLiquidatableAt(
  schedule: MarginSchedule,
  side: number,
  sizeBase: number,
  entryPrice: number,
  collateralUnits: number,
  price: number,
): boolean {
  const notional = sizeBase * price;
  return equityQuote(side, sizeBase, entryPrice, collateralUnits, price) < maintenanceRatioFor(schedule, notional) * notional;
}

/** Price at which equity is exactly zero: entry − side·collateral/size. */
export function bankruptcyPrice(side: number, sizeBase: number, entryPrice: number, collateralUnits: number): number {
  return entryPrice - (side * collateralUnits) / UNITS_PER_QUOTE / sizeBase;
}

/**
 * Size to close so that, after closing at `price` and paying the penalty on the closed notional, equity meets the
 * initial requirement on what remains: E − pen·q·p ≥ imr·(s − q)·p ⇒ q ≥ (imr·s·p − E) / (p·(imr − pen)).
 * Returns the whole size when that cannot restore the account (imr ≤ pen, equity ≤ 0, or q ≥ s), and rounds a
 * remainder below a millionth of the position up to the whole, so partial closes never leave dust.
 */
export function partialCloseSize(
  schedule: MarginSchedule,
  penaltyRatio: number,
  side: number,
  sizeBase: number,
  entryPrice: number,
  collateralUnits: number,
  price: number,
): number {
  const equity = equityQuote(side, sizeBase, entryPrice, collateralUnits, price);
  const imr = initialRatioFor(schedule, sizeBase * price);
  if (equity <= 0 || imr <= penaltyRatio) return sizeBase;
  const q = (imr * sizeBase * price - equity) / (price * (imr - penaltyRatio));
  if (!(q > 0) || q >= sizeBase * (1 - 1e-6)) return sizeBase;
  return q;
}

/**
 * The least upper bound of prices at which a long is liquidatable (it is liquidatable only below this price).
 * Within band k the condition is p < (s·e − c) / (s·(1 − m_k)), intersected with the band's price range
 * [floor_k/s, floor_{k+1}/s); the bound is the largest such supremum. −Infinity when never liquidatable.
 */
export function longLiquidationBound(schedule: MarginSchedule, sizeBase: number, entryPrice: number, collateralUnits: number): number {
  const floors = schedule.floorsQuote;
  const numerator = sizeBase * entryPrice - collateralUnits / UNITS_PER_QUOTE;
  let bound = -Infinity;
  for (let k = 0; k < floors.length; k++) {
    const threshold = numerator / (sizeBase * (1 - schedule.maintenanceRatios[k]!));
    const lo = floors[k]! / sizeBase;
    const hi = k + 1 < floors.length ? floors[k + 1]! / sizeBase : Infinity;
    if (threshold > lo) bound = Math.max(bound, Math.min(threshold, hi));
  }
  return bound;
}

/**
 * The greatest lower bound of prices at which a short is liquidatable (only above this price). Within band k:
 * p > (c + s·e) / (s·(1 + m_k)) on [floor_k/s, floor_{k+1}/s). +Infinity when never liquidatable.
 */
export function shortLiquidationBound(schedule: MarginSchedule, sizeBase: number, entryPrice: number, collateralUnits: number): number {
  const floors = schedule.floorsQuote;
  const numerator = collateralUnits / UNITS_PER_QUOTE + sizeBase * entryPrice;
  let bound = Infinity;
  for (let k = 0; k < floors.length; k++) {
    const threshold = numerator / (sizeBase * (1 + schedule.maintenanceRatios[k]!));
    const lo = floors[k]! / sizeBase;
    const hi = k + 1 < floors.length ? floors[k + 1]! / sizeBase : Infinity;
    if (threshold < hi) bound = Math.min(bound, Math.max(threshold, lo));
  }
  return bound;
}

/**
 * Float slack for comparing a price with a bound: the bound and the exact test each lose a few ulps of the
 * magnitudes involved (entry, collateral per unit size, price), so candidates are taken within this distance
 * and then decided by `isLiquidatableAt` itself.
 */
export function boundSlack(sizeBase: number, entryPrice: number, collateralUnits: number, price: number): number {
  return 1e-9 * (Math.abs(entryPrice) + Math.abs(collateralUnits / UNITS_PER_QUOTE / sizeBase) + Math.abs(price));
}
