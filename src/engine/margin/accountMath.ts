import { UNITS_PER_QUOTE } from '../money/money';
import { bandOf, initialRequirement, maintenanceRequirement, type MarginSchedule } from './marginSchedule';

/**
 * The definitions of DESIGN.md §5 for one isolated-margin linear position, used alike by the production engine
 * and the naive reference engine, so both decide every liquidation with the same floating-point operations.
 * side: +1 long, −1 short; sizeBase > 0; prices in quote per base; collateral in integer money units.
 */

/** Equity at `price`: collateral + side·size·(price − entry), in quote. */
export function equityQuote(side: number, sizeBase: number, entryPrice: number, collateralUnits: number, price: number): number {
  return collateralUnits / UNITS_PER_QUOTE + side * sizeBase * (price - entryPrice);
}

/** Liquidatable ⇔ equity < maintenance requirement (continuous across tiers) of the notional, at `price`. */
export function isLiquidatableAt(
  schedule: MarginSchedule,
  side: number,
  sizeBase: number,
  entryPrice: number,
  collateralUnits: number,
  price: number,
): boolean {
  const notional = sizeBase * price;
  return equityQuote(side, sizeBase, entryPrice, collateralUnits, price) < maintenanceRequirement(schedule, notional);
}

/**
 * PnL to money: what closing `sizeBase` bought (side +1) or sold (−1) at `entryPrice` realizes at `price`, in
 * whole money units rounded down (toward −∞, so the trader never receives a fraction the ledger does not hold).
 */
export function realizedPnlUnits(side: number, sizeBase: number, entryPrice: number, price: number): number {
  return Math.floor(side * sizeBase * (price - entryPrice) * UNITS_PER_QUOTE);
}

/** Equity a close of the whole position at `price` would settle: collateral + realized PnL, in whole units. */
export function settledEquityUnits(side: number, sizeBase: number, entryPrice: number, collateralUnits: number, price: number): number {
  return collateralUnits + realizedPnlUnits(side, sizeBase, entryPrice, price);
}

/**
 * Equity at `price` in whole units, rounded down as a whole (collateral and unrealized PnL summed first): what a
 * socialized loss may take from an open account without making it bankrupt, and its "equity before" a haircut.
 */
export function markedEquityUnits(side: number, sizeBase: number, entryPrice: number, collateralUnits: number, price: number): number {
  return Math.floor(collateralUnits + side * sizeBase * (price - entryPrice) * UNITS_PER_QUOTE);
}

/**
 * The deficit, in money units, an open account would leave if closed at `price` with no impact: −equity when
 * negative (its PnL rounded down, as a close realizes it), else 0. Counts what is still open at the horizon.
 */
export function openDeficitUnits(side: number, sizeBase: number, entryPrice: number, collateralUnits: number, price: number): number {
  const equityUnits = settledEquityUnits(side, sizeBase, entryPrice, collateralUnits, price);
  return equityUnits < 0 ? -equityUnits : 0;
}

/** Price at which equity is exactly zero: entry − side·collateral/size. */
export function bankruptcyPrice(side: number, sizeBase: number, entryPrice: number, collateralUnits: number): number {
  return entryPrice - (side * collateralUnits) / UNITS_PER_QUOTE / sizeBase;
}

/**
 * The liquidation penalty on a close of `closedBase` at `fill`: penaltyRatio × closed notional in whole units
 * (rounded down), never more than the account's equity left after the close (nothing when that is negative).
 */
export function penaltyUnits(penaltyRatio: number, closedBase: number, fill: number, equityAfterUnits: number): number {
  return Math.min(Math.floor(penaltyRatio * closedBase * fill * UNITS_PER_QUOTE), Math.max(0, Math.floor(equityAfterUnits)));
}

/** What a close of q would get: the expected average fill over the book and the mark just after it. */
export interface CloseQuote {
  fill: number;
  markAfter: number;
}

/** Prices a close of q base units (written into `out`, so the hot path allocates nothing). */
export type ClosePricer = (q: number, out: CloseQuote) => void;

/** Units of safety above the initial requirement, so the floor-rounded ledger never lands a remainder below it. */
const PARTIAL_SAFETY_QUOTE = 2e-6;
const PARTIAL_ITERATIONS = 8;

/**
 * Size to close so that, after the close fills at its expected average price f and the mark moves to m', the
 * remainder meets the initial requirement (continuous across tiers) at m':
 *   E(m') − q·(side·(m' − f) + pen·f) ≥ imr·(s − q)·m' − amount
 *   ⇒ q ≥ (imr·s·m' − amount − E(m')) / (imr·m' − side·(m' − f) − pen·f).
 * f and m' depend on q (impact), so q is iterated from the impact-free answer; the result is then checked with
 * the same pricer the fill uses, and the whole size is returned when the check fails, the account cannot be
 * restored (equity ≤ 0, denominator ≤ 0) or the remainder would be under a millionth of the position. Without a
 * pricer the fill and mark are `price` (no impact). So a partial close never leaves an account that pays a
 * second penalty for the same move.
 */
export function partialCloseSize(
  schedule: MarginSchedule,
  penaltyRatio: number,
  side: number,
  sizeBase: number,
  entryPrice: number,
  collateralUnits: number,
  price: number,
  pricer: ClosePricer | null = null,
  quote: CloseQuote = { fill: price, markAfter: price },
): number {
  if (equityQuote(side, sizeBase, entryPrice, collateralUnits, price) <= 0) return sizeBase;
  const sizeFor = (fill: number, mark: number, remainderGuess: number): number => {
    const k = bandOf(schedule, remainderGuess * mark);
    const imr = schedule.initialRatios[k]!;
    const amount = schedule.initialAmounts[k]!;
    const denominator = imr * mark - side * (mark - fill) - penaltyRatio * fill;
    if (!(denominator > 0)) return sizeBase;
    // Aim a few safety units above the requirement, so the check below passes at the fixed point.
    return (imr * sizeBase * mark - amount - equityQuote(side, sizeBase, entryPrice, collateralUnits, mark) + 4 * PARTIAL_SAFETY_QUOTE) / denominator;
  };
  let q = sizeFor(price, price, sizeBase);
  for (let i = 0; i < PARTIAL_ITERATIONS && q > 0 && q < sizeBase; i++) {
    if (pricer) pricer(q, quote);
    const next = sizeFor(pricer ? quote.fill : price, pricer ? quote.markAfter : price, sizeBase - q);
    if (next === q) break;
    q = next;
  }
  if (!(q > 0) || q >= sizeBase * (1 - 1e-6)) return sizeBase;
  if (pricer) pricer(q, quote);
  const fill = pricer ? quote.fill : price;
  const mark = pricer ? quote.markAfter : price;
  const remainderEquity = equityQuote(side, sizeBase, entryPrice, collateralUnits, mark) - q * (side * (mark - fill) + penaltyRatio * fill);
  return remainderEquity >= initialRequirement(schedule, (sizeBase - q) * mark) + PARTIAL_SAFETY_QUOTE ? q : sizeBase;
}

/**
 * The least upper bound of prices at which a long is liquidatable (it is liquidatable only below this price).
 * Within band k the condition is p < (s·e − c − amount_k) / (s·(1 − m_k)), intersected with the band's price range
 * [floor_k/s, floor_{k+1}/s); the bound is the largest such supremum. −Infinity when never liquidatable.
 */
export function longLiquidationBound(schedule: MarginSchedule, sizeBase: number, entryPrice: number, collateralUnits: number): number {
  const floors = schedule.floorsQuote;
  const numerator = sizeBase * entryPrice - collateralUnits / UNITS_PER_QUOTE;
  let bound = -Infinity;
  for (let k = 0; k < floors.length; k++) {
    const threshold = (numerator - schedule.maintenanceAmounts[k]!) / (sizeBase * (1 - schedule.maintenanceRatios[k]!));
    const lo = floors[k]! / sizeBase;
    const hi = k + 1 < floors.length ? floors[k + 1]! / sizeBase : Infinity;
    if (threshold > lo) bound = Math.max(bound, Math.min(threshold, hi));
  }
  return bound;
}

/**
 * The greatest lower bound of prices at which a short is liquidatable (only above this price). Within band k:
 * p > (c + s·e + amount_k) / (s·(1 + m_k)) on [floor_k/s, floor_{k+1}/s). +Infinity when never liquidatable.
 */
export function shortLiquidationBound(schedule: MarginSchedule, sizeBase: number, entryPrice: number, collateralUnits: number): number {
  const floors = schedule.floorsQuote;
  const numerator = collateralUnits / UNITS_PER_QUOTE + sizeBase * entryPrice;
  let bound = Infinity;
  for (let k = 0; k < floors.length; k++) {
    const threshold = (numerator + schedule.maintenanceAmounts[k]!) / (sizeBase * (1 + schedule.maintenanceRatios[k]!));
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
