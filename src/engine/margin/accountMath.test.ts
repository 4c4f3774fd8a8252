// Hand-worked values for the account definitions of DESIGN.md §5. The naive reference engine imports these
// same functions, so the differential test cannot catch an error in them: these tables can.
// Money: 1 quote = 1,000,000 units. The example account: 2 base at entry 100 with 50 quote of collateral,
// single-band margin 5 % maintenance / 10 % initial, liquidation penalty 1/64 (exact in binary).
import { describe, expect, it } from 'vitest';
import {
  bankruptcyPrice,
  equityQuote,
  isLiquidatableAt,
  longLiquidationBound,
  markedEquityUnits,
  openDeficitUnits,
  partialCloseSize,
  penaltyUnits,
  realizedPnlUnits,
  settledEquityUnits,
  shortLiquidationBound,
} from './accountMath';
import { marginSchedule } from './marginSchedule';

const U = 1_000_000;
const COLLATERAL = 50 * U;
const schedule = marginSchedule({ maintenanceMarginRatio: 0.05, initialMarginRatio: 0.1, tiers: [] });
const PENALTY = 1 / 64;

describe('equity, bankruptcy price and settlement', () => {
  it.each([
    // side, price, equity = 50 + side·2·(price − 100)
    [1, 100, 50],
    [1, 90, 30],
    [1, 75, 0], //   the long's bankruptcy price
    [1, 60, -30],
    [-1, 90, 70],
    [-1, 125, 0], // the short's bankruptcy price
  ])('side %d at %d: equity %d quote', (side, price, equity) => {
    expect(equityQuote(side, 2, 100, COLLATERAL, price)).toBe(equity);
  });

  it.each([
    // bankruptcy = entry − side·collateral/size = 100 ∓ 50/2
    [1, 75],
    [-1, 125],
  ])('side %d goes bankrupt at %d', (side, price) => {
    expect(bankruptcyPrice(side, 2, 100, COLLATERAL)).toBe(price);
  });

  it.each([
    // side, price, realized PnL units = floor(side·2·(price − 100)·10⁶): rounded toward −∞ either way
    [1, 90.1234567, -19_753_087], //  2·(−9.8765433) = −19.7530866 quote → −19,753,086.6 → −19,753,087
    [-1, 90.1234567, 19_753_086], //  +19,753,086.6 → 19,753,086
    [1, 110, 20_000_000],
  ])('side %d closed at %d realizes %d units', (side, price, units) => {
    expect(realizedPnlUnits(side, 2, 100, price)).toBe(units);
  });

  it('settled and marked equity: collateral plus PnL, in whole units', () => {
    // 50,000,000 − 19,753,087 = 30,246,913 (PnL floored before adding); floor(50,000,000 − 19,753,086.6) is the same.
    expect(settledEquityUnits(1, 2, 100, COLLATERAL, 90.1234567)).toBe(30_246_913);
    expect(markedEquityUnits(1, 2, 100, COLLATERAL, 90.1234567)).toBe(30_246_913);
    // A fractional collateral (never held by the ledger, but the two roundings differ on it): 0.5 + (−0.6)
    // floored once is −1; floored PnL first is 0.5 + (−1) = −0.5.
    expect(markedEquityUnits(1, 1e-6, 100, 0.5, 99.4)).toBe(-1);
  });

  it.each([
    // price, deficit units: −equity when negative. Long at 70: 50 + 2·(−30) = −10 quote.
    [70, 10 * U],
    [75, 0],
    [80, 0],
  ])('an open long at %d leaves a deficit of %d units', (price, deficit) => {
    expect(openDeficitUnits(1, 2, 100, COLLATERAL, price)).toBe(deficit);
  });
});

describe('liquidation', () => {
  it.each([
    // side, price, liquidatable ⇔ equity < 5 % · 2 · price
    [1, 80, false], //  equity 10   ≥ 8
    [1, 79, false], //  equity 8    ≥ 7.9
    [1, 78, true], //   equity 6    < 7.8
    [-1, 119, false], // equity 12  ≥ 11.9
    [-1, 120, true], //  equity 10  < 12
  ])('side %d at %d: liquidatable %s', (side, price, liquidatable) => {
    expect(isLiquidatableAt(schedule, side, 2, 100, COLLATERAL, price)).toBe(liquidatable);
  });

  it('the liquidation bounds are where equity meets the maintenance requirement', () => {
    // Long: 50 + 2(p − 100) = 0.05·2p ⇒ p = (2·100 − 50)/(2·0.95) = 150/1.9 = 78.947368421…
    expect(longLiquidationBound(schedule, 2, 100, COLLATERAL)).toBeCloseTo(78.947368421, 8);
    // Short: 50 − 2(p − 100) = 0.05·2p ⇒ p = (50 + 2·100)/(2·1.05) = 250/2.1 = 119.047619047…
    expect(shortLiquidationBound(schedule, 2, 100, COLLATERAL)).toBeCloseTo(119.047619048, 8);
  });

  it.each([
    // equity after (units), penalty = min(floor(1/64 · 2 · 80 · 10⁶) = 2,500,000, max(0, equity after))
    [10 * U, 2_500_000],
    [1 * U, 1_000_000],
    [-3 * U, 0],
  ])('a close of 2 at 80 with %d units of equity left pays %d units of penalty', (equityAfter, penalty) => {
    expect(penaltyUnits(PENALTY, 2, 80, equityAfter)).toBe(penalty);
  });

  it('a partial close (no impact) restores the initial requirement on what remains', () => {
    // At 78 the long has equity 6. Closing q at 78 costs the penalty q·78/64 = 1.21875q, and the remainder
    // needs 10 % · (2 − q) · 78 = 15.6 − 7.8q. With the 8·10⁻⁶ quote safety margin:
    //   q = (15.6 − 6 + 0.000008) / (7.8 − 1.21875) = 9.600008 / 6.58125 = 1.458690674…
    const q = partialCloseSize(schedule, PENALTY, 1, 2, 100, COLLATERAL, 78);
    expect(q).toBeCloseTo(1.458690674, 8);
    // Remainder: equity 6 − 1.21875q = 4.222221… ≥ requirement 15.6 − 7.8q = 4.222213…
    expect(6 - 1.21875 * q).toBeGreaterThan(15.6 - 7.8 * q);
  });

  it.each([
    ['no equity left (at the bankruptcy price 75)', 75],
    ['negative equity', 70],
  ])('closes the whole position with %s', (_case, price) => {
    expect(partialCloseSize(schedule, PENALTY, 1, 2, 100, COLLATERAL, price)).toBe(2);
  });
});
