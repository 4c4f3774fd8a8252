import { describe, expect, it } from 'vitest';
import { UNITS_PER_QUOTE } from '../money/money';
import { aWorld, anAccount } from '../testing/builders';
import { PathSimulator } from './pathSimulator';
import { simConfig } from './config/simConfig';
import { createSimulator } from './simulateRange';

const quote = (units: number) => units / UNITS_PER_QUOTE;

function runOnePath(params: Parameters<typeof createSimulator>[0]) {
  const simulator = createSimulator(params, 1);
  const result = simulator.run(0, 1);
  return { result, p: result.paths };
}

describe('golden worked examples from venue documents', () => {
  // dYdX "contract loss mechanism" docs: A long 500 @ $1 with $100, B short 500 @ $1 with $100; the price goes
  // to $2. B's equity is 100 + 500·(1 − 2) = −$400, its bankruptcy price 1 + 100/500 = $1.20. With an empty
  // insurance fund, A is deleveraged: closed at $1.20, A gains 500·0.20 = $100, B ends at 0.
  it('dYdX deleveraging: A is closed at B’s bankruptcy price $1.20', () => {
    const params = aWorld({
      prices: ['1', '2'],
      accounts: [
        anAccount({ id: 'A', side: 'long', size: '500', entryPrice: '1', collateral: '100' }),
        anAccount({ id: 'B', side: 'short', size: '500', entryPrice: '1', collateral: '100' }),
      ],
      lossMechanism: { kind: 'adl', ranking: 'pnl-leverage' },
    });
    const simulator = createSimulator(params, 1);
    const { paths, lossByAccountUnits } = simulator.run(0, 1);
    expect(quote(paths.badDebtUnits[0]!)).toBe(400);
    expect(quote(paths.fundDrawUnits[0]!)).toBe(0);
    expect(quote(paths.socializedLossUnits[0]!)).toBe(400);
    expect(quote(paths.uncoveredUnits[0]!)).toBe(0);
    // All of A's 500 contracts were needed (the fund paid nothing): ADL notional at the $2 mark.
    expect(paths.adlNotionalQuote[0]).toBe(1000);
    expect(quote(lossByAccountUnits[0]!)).toBe(400);
    expect(paths.ledgerBalanced[0]).toBe(1);
    // A ends closed with its $100 collateral plus the $100 it made by being closed at $1.20.
    const path = new PathSimulator(simConfig(params), simulator.population, 'frontier');
    path.run(Float64Array.of(1, 2), 1, 0, Int32Array.of(1), () => {});
    expect(path.book.open[0]).toBe(0);
    expect(quote(path.book.collateralUnits[0]!)).toBe(200);
    expect(quote(path.book.collateralUnits[1]!)).toBe(0);
  });

  // BitMEX "The Insurance Fund": two traders at 10×, entry $3,500; the price gaps to $4,000. The short's
  // collateral ($350) cannot pay its $500 loss: a $150 shortfall the insurance fund pays when it can.
  it.each([
    { name: 'a fund large enough pays the whole shortfall', fund: '1000', draw: 150, socialized: 0 },
    { name: 'a fund of $100 pays $100, profits are haircut the rest', fund: '100', draw: 100, socialized: 50 },
  ])('BitMEX insurance example: $name', ({ fund, draw, socialized }) => {
    const params = aWorld({
      prices: ['3500', '4000'],
      accounts: [
        anAccount({ id: 'long', side: 'long', size: '1', entryPrice: '3500', collateral: '350' }),
        anAccount({ id: 'short', side: 'short', size: '1', entryPrice: '3500', collateral: '350' }),
      ],
      fund: { initial: fund },
    });
    const { p } = runOnePath(params);
    expect(quote(p.badDebtUnits[0]!)).toBe(150);
    expect(quote(p.fundDrawUnits[0]!)).toBe(draw);
    expect(quote(p.socializedLossUnits[0]!)).toBe(socialized);
    expect(p.ledgerBalanced[0]).toBe(1);
  });

  // Pro-rata profit haircut (BitMEX DPE / OKX clawback): a $1,000 deficit against $600 of total profit takes
  // all of it, pro rata ($200 and $400), and leaves $400 uncovered.
  it('pro-rata haircut where profits cannot cover the deficit', () => {
    const params = aWorld({
      prices: ['100', '120'],
      accounts: [
        anAccount({ id: 'bankrupt', side: 'short', size: '70', entryPrice: '100', collateral: '400' }),
        anAccount({ id: 'small', side: 'long', size: '10', entryPrice: '100', collateral: '1000' }),
        anAccount({ id: 'big', side: 'long', size: '20', entryPrice: '100', collateral: '1000' }),
      ],
    });
    const simulator = createSimulator(params, 1);
    const { paths, lossByAccountUnits } = simulator.run(0, 1);
    // The short loses 70·20 = 1,400 against 400 of collateral (it met maintenance, 350, at the start).
    expect(quote(paths.badDebtUnits[0]!)).toBe(1000);
    expect(quote(paths.socializedLossUnits[0]!)).toBe(600);
    expect(quote(paths.uncoveredUnits[0]!)).toBe(400);
    expect(Array.from(lossByAccountUnits, quote)).toEqual([0, 200, 400]);
    expect(paths.largestHaircutShare[0]).toBeCloseTo(400 / 1400, 12);
  });

  it('pro-rata haircut where profits cover the deficit splits it by profit', () => {
    const params = aWorld({
      prices: ['100', '120'],
      accounts: [
        anAccount({ id: 'bankrupt', side: 'short', size: '10', entryPrice: '100', collateral: '50' }),
        anAccount({ id: 'a', side: 'long', size: '10', entryPrice: '100', collateral: '1000' }),
        anAccount({ id: 'b', side: 'long', size: '20', entryPrice: '100', collateral: '1000' }),
      ],
    });
    const { result } = runOnePath(params);
    // Deficit 10·20 − 50 = 150 against profits 200 and 400: haircuts 50 and 100.
    expect(Array.from(result.lossByAccountUnits, quote)).toEqual([0, 50, 100]);
    expect(quote(result.paths.uncoveredUnits[0]!)).toBe(0);
  });

  it('backstop: the vault takes what the fund does not', () => {
    const params = aWorld({
      prices: ['3500', '4000'],
      accounts: [
        anAccount({ id: 'long', side: 'long', size: '1', entryPrice: '3500', collateral: '350' }),
        anAccount({ id: 'short', side: 'short', size: '1', entryPrice: '3500', collateral: '350' }),
      ],
      fund: { initial: '100' },
      lossMechanism: { kind: 'backstop' },
    });
    const { p } = runOnePath(params);
    expect([p.fundDrawUnits[0], p.vaultLossUnits[0], p.socializedLossUnits[0]].map((u) => quote(u!))).toEqual([100, 50, 0]);
  });

  it('bad-debt: what the fund does not pay stays uncovered', () => {
    const params = aWorld({
      prices: ['3500', '4000'],
      accounts: [anAccount({ id: 'short', side: 'short', size: '1', entryPrice: '3500', collateral: '350' })],
      lossMechanism: { kind: 'bad-debt' },
    });
    const { p } = runOnePath(params);
    expect(quote(p.uncoveredUnits[0]!)).toBe(150);
    expect(p.fundDepletedStep[0]).toBe(1);
  });

  it('the penalty is capped at the remaining equity and split between fund and liquidator', () => {
    // Long 10 @ 100 with 60 collateral: at 94.5 equity is 5 < 5 % of 945 = 47.25, so it is liquidated;
    // the 1 % penalty on 945 notional is 9.45, more than the 5 of equity left: the penalty is 5.
    const params = aWorld({
      prices: ['100', '94.5'],
      accounts: [anAccount({ id: 'x', side: 'long', size: '10', entryPrice: '100', collateral: '60' })],
      liquidation: { penaltyRatio: 0.01, penaltyToFund: 0.5 },
    });
    const { p } = runOnePath(params);
    expect(p.liquidations[0]).toBe(1);
    expect(quote(p.fundInflowUnits[0]!)).toBe(2.5);
    expect(quote(p.badDebtUnits[0]!)).toBe(0);
  });
});
