import Decimal from 'decimal.js';

/**
 * Money is kept as integer numbers of money units of 10^-6 quote (like USDC's smallest unit) in float64.
 * Integers are exact in float64 up to 2^53 units ≈ 9.0e9 quote; `isSafeMoney` guards every ledger total so
 * an out-of-range world is reported, never rounded silently.
 */
export const UNITS_PER_QUOTE = 1_000_000;
export const MAX_SAFE_UNITS = Number.MAX_SAFE_INTEGER;

/** A private Decimal with fixed configuration, so no other code can change our rounding. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

/** Exact decimal string → money units, rounded toward zero (an input never gains a fraction of a unit). */
export function decimalToUnits(value: string): number {
  return new Dec(value).times(UNITS_PER_QUOTE).toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber();
}

/** Money units → quote as a number, for output and charts only (never fed back into the ledger). */
export function unitsToQuote(units: number): number {
  return units / UNITS_PER_QUOTE;
}

/** Money units → exact decimal string in quote. */
export function unitsToDecimalString(units: number): string {
  return new Dec(units).dividedBy(UNITS_PER_QUOTE).toFixed();
}

/**
 * A float quote amount → money units, rounded toward negative infinity. Used once where a float price meets
 * money (closing PnL): rounding down means a trader's PnL is never credited a fraction of a unit it did not earn.
 */
export function quoteToUnitsFloor(quote: number): number {
  return Math.floor(quote * UNITS_PER_QUOTE);
}

export function isSafeMoney(units: number): boolean {
  return Number.isSafeInteger(units);
}
