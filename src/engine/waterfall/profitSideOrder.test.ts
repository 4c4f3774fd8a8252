import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProfitSideOrder } from './profitSideOrder';

/** What the haircut scanned before: every account, in order, whose side gains at the price. */
function scanned(side: number[], entry: number[], price: number): number[] {
  return side.flatMap((s, j) => (s * (price - entry[j]!) > 0 ? [j] : []));
}

describe('ProfitSideOrder', () => {
  it('lists the longs below the price and the shorts above it, in account order', () => {
    const side = [1, -1, 1, -1, 1];
    const entry = [90, 110, 100, 95, 120];
    const order = new ProfitSideOrder(side, entry, side.length);
    const out = new Int32Array(side.length);
    // At 100: long 0 (90) gains, long 2 is flat, short 1 (110) gains, short 3 (95) loses, long 4 (120) loses.
    expect(Array.from(out.subarray(0, order.collect(100, out)))).toEqual([0, 1]);
    // Called again at another price it starts clean (the bitmap is cleared as it is read).
    expect(Array.from(out.subarray(0, order.collect(125, out)))).toEqual([0, 2, 4]);
    expect(order.collect(Number.MAX_VALUE, out)).toBe(3);
  });

  it('matches the full scan on random books, across word boundaries and equal entries', () => {
    const account = fc.record({ side: fc.constantFrom(1, -1), entry: fc.integer({ min: 90, max: 110 }) });
    fc.assert(
      fc.property(fc.array(account, { maxLength: 200 }), fc.array(fc.double({ min: 85, max: 115, noNaN: true }), { minLength: 1, maxLength: 5 }), (accounts, prices) => {
        const side = accounts.map((a) => a.side);
        const entry = accounts.map((a) => a.entry);
        const order = new ProfitSideOrder(side, entry, side.length);
        const out = new Int32Array(side.length);
        for (const price of [...prices, 100]) {
          expect(Array.from(out.subarray(0, order.collect(price, out)))).toEqual(scanned(side, entry, price));
        }
      }),
    );
  });
});
