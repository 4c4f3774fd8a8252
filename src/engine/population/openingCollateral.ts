import { quoteToUnitsFloor, UNITS_PER_QUOTE } from '../money/money';

export interface Opening {
  entryPrice: number;
  collateralUnits: number;
}

/** Equity at price p (quote): collateral + side · size · (p − entry) (DESIGN.md §5 Definitions). */
function equityQuote(side: number, sizeBase: number, entryPrice: number, collateralUnits: number, price: number): number {
  return collateralUnits / UNITS_PER_QUOTE + side * sizeBase * (price - entryPrice);
}

/**
 * The collateral that gives a position equity notional / leverage at the initial price p0, given its entry:
 * collateral = notional / L − side · size · (p0 − entry), in money units rounded down. If that is not positive or
 * leaves the account liquidatable at p0 (equity < mmr · notional, e.g. a deep unrealized gain), the entry moves
 * to p0 and collateral = notional / L. Only where rounding down a tiny account's collateral would still leave it
 * liquidatable is it rounded up instead, to one unit above the maintenance requirement: nobody starts liquidatable.
 */
export function openingCollateral(
  side: number,
  sizeBase: number,
  entryPrice: number,
  leverage: number,
  maintenanceMarginRatio: number,
  initialPrice: number,
): Opening {
  const notional = sizeBase * initialPrice;
  const requirement = maintenanceMarginRatio * notional;
  const units = quoteToUnitsFloor(notional / leverage - side * sizeBase * (initialPrice - entryPrice));
  if (units > 0 && equityQuote(side, sizeBase, entryPrice, units, initialPrice) >= requirement) {
    return { entryPrice, collateralUnits: units };
  }
  const unitsAtPrice = quoteToUnitsFloor(notional / leverage);
  if (unitsAtPrice > 0 && unitsAtPrice / UNITS_PER_QUOTE >= requirement) {
    return { entryPrice: initialPrice, collateralUnits: unitsAtPrice };
  }
  return {
    entryPrice: initialPrice,
    collateralUnits: Math.max(1, Math.ceil(notional / leverage * UNITS_PER_QUOTE), Math.ceil(requirement * UNITS_PER_QUOTE) + 1),
  };
}
