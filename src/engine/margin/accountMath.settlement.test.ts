import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bankruptcyPrice,
  equityQuote,
  markedEquityUnits,
  openDeficitUnits,
  penaltyUnits,
  realizedPnlUnits,
  settledEquityUnits,
} from './accountMath';

// Hand-worked values for the DESIGN §5 formulas the path simulator and the loss mechanisms share. Money is in
// units of 10⁻⁶ quote; 1 quote = 1,000,000 units.
describe('realizedPnlUnits (PnL to money, rounded toward −∞)', () => {
  it.each([
    { name: 'long gains 2 × (101 − 100) = 2 quote', side: 1, size: 2, entry: 100, price: 101, units: 2_000_000 },
    { name: 'short loses 2 × (101 − 100) = 2 quote', side: -1, size: 2, entry: 100, price: 101, units: -2_000_000 },
    { name: 'a third of a unit of gain rounds down to 0', side: 1, size: 1, entry: 100, price: 100 + 1 / 3e6, units: 0 },
    { name: 'a third of a unit of loss rounds down to −1', side: -1, size: 1, entry: 100, price: 100 + 1 / 3e6, units: -1 },
    { name: 'nothing at the entry price', side: 1, size: 5, entry: 100, price: 100, units: 0 },
  ])('$name', ({ side, size, entry, price, units }) => {
    expect(realizedPnlUnits(side, size, entry, price)).toBe(units);
  });

  it('never credits more than the exact PnL, and misses it by less than a unit', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, -1), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (side, size, entry, price) => {
        // Integer sizes and prices: the exact PnL is a whole number of quote, so no unit may be lost.
        expect(realizedPnlUnits(side, size, entry, price)).toBe(side * size * (price - entry) * 1e6);
      }),
    );
  });
});

describe('settledEquityUnits and openDeficitUnits', () => {
  it('a long of 10 @ 100 with 50 quote of collateral settles 50 − 10·6 = −10 quote at 94', () => {
    expect(settledEquityUnits(1, 10, 100, 50_000_000, 94)).toBe(-10_000_000);
    expect(openDeficitUnits(1, 10, 100, 50_000_000, 94)).toBe(10_000_000);
  });

  it('no deficit while equity is positive', () => {
    expect(settledEquityUnits(-1, 10, 100, 50_000_000, 97)).toBe(80_000_000);
    expect(openDeficitUnits(-1, 10, 100, 50_000_000, 97)).toBe(0);
  });
});

describe('markedEquityUnits (collateral and PnL summed, then rounded down)', () => {
  it('floors collateral + PnL: 7 − 1/3 unit → 6, 7 + 1/2 unit → 7 (the settled equity agrees on whole collateral)', () => {
    const price = 100 - 1 / 3e6;
    expect(settledEquityUnits(1, 1, 100, 7, price)).toBe(6);
    expect(markedEquityUnits(1, 1, 100, 7, price)).toBe(6);
    expect(markedEquityUnits(1, 2, 100, 7, 100 + 1 / 4e6)).toBe(7);
  });

  it('matches equityQuote in units, rounded down', () => {
    expect(markedEquityUnits(1, 10, 100, 50_000_000, 103)).toBe(80_000_000);
    expect(equityQuote(1, 10, 100, 50_000_000, 103)).toBe(80);
  });
});

describe('bankruptcyPrice (equity exactly zero)', () => {
  it.each([
    { name: 'long 10 @ 100 with 50 quote: 95', side: 1, collateral: 50_000_000, price: 95 },
    { name: 'short 10 @ 100 with 50 quote: 105', side: -1, collateral: 50_000_000, price: 105 },
    { name: 'no collateral: the entry price', side: 1, collateral: 0, price: 100 },
  ])('$name', ({ side, collateral, price }) => {
    expect(bankruptcyPrice(side, 10, 100, collateral)).toBeCloseTo(price, 12);
    expect(equityQuote(side, 10, 100, collateral, bankruptcyPrice(side, 10, 100, collateral))).toBeCloseTo(0, 9);
  });
});

describe('penaltyUnits', () => {
  it.each([
    { name: '1 % of 10 × 95 = 9.5 quote', ratio: 0.01, size: 10, fill: 95, equity: 100_000_000, units: 9_500_000 },
    { name: 'capped at the equity left', ratio: 0.01, size: 10, fill: 95, equity: 3_000_000, units: 3_000_000 },
    { name: 'nothing from a negative equity', ratio: 0.01, size: 10, fill: 95, equity: -5, units: 0 },
    { name: 'a fractional equity is floored', ratio: 0.5, size: 1, fill: 1, equity: 2.75, units: 2 },
    { name: 'a fractional notional is floored', ratio: 0.01, size: 1, fill: 1.23456789e-3, equity: 1e9, units: 12 },
  ])('$name', ({ ratio, size, fill, equity, units }) => {
    expect(penaltyUnits(ratio, size, fill, equity)).toBe(units);
  });
});
