// Hand-worked ADL-versus-sale decisions (DESIGN.md §5) on a linear test book whose price moves 1 per 200 quote
// of flow from the index: price(flow) = index + flow/200, so a sale from flow a to b fills on average at
// index + (a + b)/400.
import { describe, expect, it } from 'vitest';
import { bankruptAtMark, contractsToDeleverage, type AdlBook, type AdlSaleInput } from './adlSale';

const U = 1_000_000;

function linearBook(index: number, flowQuote = 0): AdlBook {
  return {
    index,
    flowQuote,
    fillBetween: (from, to) => index + (from + to) / 400,
    flowAtPrice: (price) => (price - index) * 200,
    restingPrice: () => index + flowQuote / 200,
  };
}

// A long of 10 at entry 100 with 50 quote of collateral: bankrupt at 100 − 50/10 = 95.
const LONG: AdlSaleInput = { side: 1, sizeBase: 10, entryPrice: 100, collateralUnits: 50 * U, bankruptcyPrice: 95, markPrice: 94, usableFundUnits: 0 };

describe('contractsToDeleverage', () => {
  it.each([
    // Selling all 10 at index 96 walks the flow from 0 to −960: average fill 96 − 960/400 = 93.6, so the close
    // leaves 50 + 10·(93.6 − 100) = −14 quote. The book reaches the bankruptcy price 95 at flow (95 − 96)·200 =
    // −200, i.e. after 200/96 = 2.083333 contracts: the other 7.916667 are deleveraged.
    ['the fund cannot pay the sale\'s deficit', { usableFundUnits: 13 * U }, 96, 7.916667],
    // (15, not exactly 14: the float walk lands a unit past 14 quote, and the deficit is rounded down.)
    ['the fund can pay the sale\'s 14 quote deficit', { usableFundUnits: 15 * U }, 96, 0],
    ['not bankrupt at the mark (96 > 95)', { markPrice: 96 }, 96, 0],
    // At index 97 the whole sale fills at 97 − 970/400 = 94.575: deficit 50 + 10·(−5.425) = −4.25 quote.
    ['a 4.25 deficit, fund empty: 400/97 = 4.123711 contracts fill at 95 or better', {}, 97, 10 - 400 / 97],
    // At index 94 the book is already below the bankruptcy price: nothing fills at 95 or better.
    ['the book already below the bankruptcy price', {}, 94, 10],
  ])('%s', (_case, change, index, contracts) => {
    expect(contractsToDeleverage({ ...LONG, ...change }, linearBook(index))).toBeCloseTo(contracts, 6);
  });

  it('a short mirrors the long: bankrupt at 105 with the mark at 106', () => {
    // Buying 10 at index 104 walks the flow from 0 to +1040: fill 104 + 1040/400 = 106.6, deficit
    // 50 − 10·6.6 = −16 quote. The price reaches 105 at flow +200: 200/104 = 1.923077 contracts bought there.
    const short: AdlSaleInput = { ...LONG, side: -1, bankruptcyPrice: 105, markPrice: 106 };
    expect(contractsToDeleverage(short, linearBook(104))).toBeCloseTo(10 - 200 / 104, 6);
  });
});

describe('bankruptAtMark', () => {
  it('is strict: a long bankrupt at 95 is bankrupt below 95 only, a short bankrupt at 105 above 105 only', () => {
    expect([94.99, 95, 95.01].map((mark) => bankruptAtMark(1, 95, mark))).toEqual([true, false, false]);
    expect([104.99, 105, 105.01].map((mark) => bankruptAtMark(-1, 105, mark))).toEqual([false, false, true]);
  });
});
