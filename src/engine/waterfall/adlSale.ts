import { settledEquityUnits } from '../margin/accountMath';

/** What the ADL sale needs of the venue's book this step (liquidation/venueBook.ts implements it). */
export interface AdlBook {
  readonly index: number;
  /** This step's liquidation flow so far (quote at the index, positive = buying). */
  readonly flowQuote: number;
  fillBetween(fromQuote: number, toQuote: number): number;
  /** The total flow after which the book's price is `price`; null when the venue's flow cannot move it. */
  flowAtPrice(price: number): number | null;
  restingPrice(): number;
}

export interface AdlSaleInput {
  side: number;
  sizeBase: number;
  entryPrice: number;
  collateralUnits: number;
  bankruptcyPrice: number;
  markPrice: number;
  usableFundUnits: number;
}

/**
 * Whether a position of `side` with this bankruptcy price has negative equity at `mark`: the only closes ADL can
 * replace. The path simulator asks it first, so most closes skip the fund look-up and the sizing input.
 */
export function bankruptAtMark(side: number, bankruptcyPrice: number, mark: number): boolean {
  return side * (mark - bankruptcyPrice) < 0;
}

/**
 * ADL replaces the book sale (DESIGN.md §5, BitMEX "If this still does not close the liquidated order, this
 * will then lead to an Auto-Deleveraging event"; dYdX v4 deleverages what the liquidation order could not fill).
 * For a whole close of a position that is bankrupt at the mark (equity < 0 there):
 *  - if selling it all into the book leaves a deficit the usable fund can pay, it is sold as usual;
 *  - otherwise only the contracts that fill at the bankruptcy price or better are sold (the book walked until its
 *    price reaches the bankruptcy price), and the rest is deleveraged against the ranked winners: no book sale,
 *    no impact from it.
 * Returns the contracts to deleverage (0: sell everything).
 */
export function contractsToDeleverage(x: AdlSaleInput, book: AdlBook): number {
  const { sizeBase, bankruptcyPrice: bankruptcy } = x;
  if (!bankruptAtMark(x.side, bankruptcy, x.markPrice)) return 0;
  const deficit = fullSaleDeficitUnits(x, book);
  if (deficit <= 0 || deficit <= x.usableFundUnits) return 0;
  const sold = sizeFillingAtBankruptcy(x, book);
  return sold >= sizeBase ? 0 : sizeBase - sold;
}

/**
 * What selling the whole position into the book now would leave unpaid, in units (≤ 0: nothing). The one place
 * contractsToDeleverage reads the fund compares this with usableFundUnits; the fund ladder needs the same number.
 */
export function fullSaleDeficitUnits(x: Pick<AdlSaleInput, 'side' | 'sizeBase' | 'entryPrice' | 'collateralUnits'>, book: AdlBook): number {
  const fullFill = book.fillBetween(book.flowQuote, book.flowQuote - x.side * x.sizeBase * book.index);
  return -settledEquityUnits(x.side, x.sizeBase, x.entryPrice, x.collateralUnits, fullFill);
}

/** The largest size whose sale leaves the book's price at the bankruptcy price or better (0 if already worse). */
function sizeFillingAtBankruptcy(x: AdlSaleInput, book: AdlBook): number {
  const { side, sizeBase } = x;
  const flowAtBankruptcy = book.flowAtPrice(x.bankruptcyPrice);
  if (flowAtBankruptcy === null) return side * (book.restingPrice() - x.bankruptcyPrice) >= 0 ? sizeBase : 0;
  const sold = (side * (book.flowQuote - flowAtBankruptcy)) / book.index;
  return sold <= 0 ? 0 : Math.min(sizeBase, sold);
}
