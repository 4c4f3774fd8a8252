import { clampDisplacement, impactDisplacement } from '../liquidation/priceImpact';
import type { ImpactModel } from '../params/riskParams';
import { UNITS_PER_QUOTE } from '../money/money';

/**
 * ADL replaces the book sale (DESIGN.md §5, BitMEX "If this still does not close the liquidated order, this
 * will then lead to an Auto-Deleveraging event"; dYdX v4 deleverages what the liquidation order could not fill).
 * For a whole close of a position that is bankrupt at the mark (equity < 0 there):
 *  - if selling it all into the book leaves a deficit the usable fund can pay, it is sold as usual;
 *  - otherwise only the contracts that fill at the bankruptcy price or better are sold (the impact model solved
 *    for the flow that moves the price to the bankruptcy price), and the rest is deleveraged against the ranked
 *    winners: no book sale, no impact from it.
 * Returns the contracts to deleverage (0: sell everything).
 */
export interface AdlSaleInput {
  side: number;
  sizeBase: number;
  entryPrice: number;
  collateralUnits: number;
  bankruptcyPrice: number;
  markPrice: number;
  basePrice: number;
  baseDisplacement: number;
  /** This step's liquidation flow before this close (quote, positive = buying). */
  flowQuote: number;
  impactModel: ImpactModel;
  impactDepthQuote: number;
  usableFundUnits: number;
}

export function contractsToDeleverage(x: AdlSaleInput): number {
  const { side, sizeBase, bankruptcyPrice: bankruptcy } = x;
  if (!(side * (x.markPrice - bankruptcy) < 0)) return 0;
  const priceAfter = (flow: number) => x.basePrice * (1 + clampDisplacement(x.baseDisplacement + impactDisplacement(x.impactModel, flow, x.impactDepthQuote)));
  const fullFill = priceAfter(x.flowQuote - side * sizeBase * x.basePrice);
  const fullResult = x.collateralUnits + Math.floor(side * sizeBase * (fullFill - x.entryPrice) * UNITS_PER_QUOTE);
  if (fullResult >= 0 || -fullResult <= x.usableFundUnits) return 0;
  const sold = sizeFillingAtBankruptcy(x);
  return sold >= sizeBase ? 0 : sizeBase - sold;
}

/** The largest size whose sale leaves the price at the bankruptcy price or better (0 if it is already worse). */
function sizeFillingAtBankruptcy(x: AdlSaleInput): number {
  const { side, sizeBase } = x;
  if (x.impactModel === 'none') return side * (x.basePrice * (1 + x.baseDisplacement) - x.bankruptcyPrice) >= 0 ? sizeBase : 0;
  // Displacement from this step's flow that puts the price exactly at the bankruptcy price.
  const target = x.bankruptcyPrice / x.basePrice - 1 - x.baseDisplacement;
  const y = target / 0.01;
  const flowAtBankruptcy = x.impactModel === 'linear' ? y * x.impactDepthQuote : Math.sign(y) * y * y * x.impactDepthQuote;
  const sold = (side * (x.flowQuote - flowAtBankruptcy)) / x.basePrice;
  return sold <= 0 ? 0 : Math.min(sizeBase, sold);
}
