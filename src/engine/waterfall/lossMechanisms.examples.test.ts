import { describe, expect, it } from 'vitest';
import { UNITS_PER_QUOTE } from '../money/money';
import type { LossMechanismInput } from '../params/lossMechanism';
import type { RiskParams } from '../params/riskParams';
import { createSimulator } from '../sim/simulateRange';
import { aWorld, anAccount, type WorldOptions } from '../testing/builders';
import { FundFloor } from './fundTrigger';

/**
 * Hand-worked examples of issue 14's loss mechanisms, each after the venue document the rule comes from. Impact
 * is off unless said, so every fill is the scenario price and the arithmetic can be done by hand.
 */
const quote = (units: number) => units / UNITS_PER_QUOTE;

function run(params: RiskParams) {
  const { paths, lossByAccountUnits, series } = createSimulator(params, 1).run(0, 1);
  expect(paths.ledgerBalanced[0], 'ledger').toBe(1);
  return {
    badDebt: quote(paths.badDebtUnits[0]!),
    fundDraw: quote(paths.fundDrawUnits[0]!),
    socialized: quote(paths.socializedLossUnits[0]!),
    vaultLoss: quote(paths.vaultLossUnits[0]!),
    uncovered: quote(paths.uncoveredUnits[0]!),
    fundEnd: quote(paths.fundEndUnits[0]!),
    liquidations: paths.liquidations[0]!,
    adlNotional: paths.adlNotionalQuote[0]!,
    adlNeeded: quote(paths.adlNeededUnits[0]!),
    adlProfitClosed: quote(paths.adlProfitClosedUnits[0]!),
    vaultPnl: quote(paths.vaultPnlUnits[0]!),
    borne: Array.from(lossByAccountUnits, quote),
    endPrice: series.price[series.points - 1]!,
  };
}

// A short of 10 @ 100 with 50 collateral: bankruptcy price 105. The price gaps to 110: at the mark its equity is
// 50 − 10·10 = −50, the deficit. Winners: L1 long 4 @ 100 with 40 (PnL 10 %, leverage 440/80 = 5.5) and L2 long
// 20 @ 100 with 500 (PnL 10 %, leverage 2200/700 ≈ 3.1): BitMEX's PnL % × leverage queue puts L1 first.
function adlWorld(mechanism: LossMechanismInput, extra: Partial<WorldOptions> = {}): RiskParams {
  return aWorld({
    prices: ['100', '110'],
    accounts: [
      anAccount({ id: 'S', side: 'short', size: '10', entryPrice: '100', collateral: '50' }),
      anAccount({ id: 'L1', side: 'long', size: '4', entryPrice: '100', collateral: '40' }),
      anAccount({ id: 'L2', side: 'long', size: '20', entryPrice: '100', collateral: '500' }),
    ],
    lossMechanism: mechanism,
    ...extra,
  });
}

describe('ADL replaces the book sale', () => {
  // BitMEX "Auto-Deleveraging": the queue by PnL % × leverage; each counterparty is closed at the bankrupt
  // position's bankruptcy price, losing contracts·|mark − bankruptcy| = 5 per contract: L1's 4 contracts cover 20,
  // L2's next 6 cover the remaining 30. Only the 10 contracts of the bankrupt position are closed.
  it('BitMEX queue: L1 first (whole), then 6 of L2’s contracts; 50 socialized, no book sale', () => {
    const r = run(adlWorld({ kind: 'adl', ranking: 'pnl-leverage' }));
    expect(r).toMatchObject({ badDebt: 50, fundDraw: 0, socialized: 50, uncovered: 0, adlNotional: 10 * 110, adlNeeded: 50 });
    expect(r.borne).toEqual([0, 20, 30]);
    // Profit closed out of winners: 4·10 + 6·10 = 100 against 50 needed: an overshoot of 50.
    expect(r.adlProfitClosed).toBe(100);
  });

  // dYdX v4 deleveraging closes the offsetting positions in full: L1's 4 and all 20 of L2's contracts go, the money
  // taken stays the 50 needed, but 240 of winners' profit is closed out (overshoot 190 against 50 needed).
  it('dYdX v4 full: each counterparty hit loses its whole position', () => {
    const r = run(adlWorld({ kind: 'adl', ranking: 'pnl-leverage', size: 'full' }));
    expect(r).toMatchObject({ badDebt: 50, socialized: 50, uncovered: 0, adlNotional: 24 * 110, adlNeeded: 50, adlProfitClosed: 240 });
    expect(r.borne).toEqual([0, 20, 30]);
  });

  // OKX / Hyperliquid close the counterparties at the mark: they keep their mark-to-market profit and lose only the
  // position; nobody pays the 50 (it stays uncovered, on Hyperliquid the vault's).
  it('close at the mark: winners lose their positions, not money; the deficit stays uncovered', () => {
    const r = run(adlWorld({ kind: 'adl', ranking: 'pnl-leverage', closePrice: 'mark' }));
    expect(r).toMatchObject({ badDebt: 50, socialized: 0, uncovered: 50, adlNotional: 10 * 110, adlProfitClosed: 100 });
    expect(r.borne).toEqual([0, 0, 0]);
  });

  // OKX "Auto-deleveraging": ADL starts when the fund fell 30 % within the window. The fund of 100 may pay only 30
  // (down to 70) of the 50; the other 20 deleverages L1's 4 contracts at the bankruptcy price.
  it('OKX drawdown trigger: the fund pays down to 70 % of its peak, ADL takes the rest', () => {
    const trigger = { kind: 'fund-drawdown' as const, share: 0.3, windowSteps: 480 };
    const r = run(adlWorld({ kind: 'adl', ranking: 'pnl-leverage', trigger }, { fund: { initial: '100' } }));
    expect(r).toMatchObject({ badDebt: 50, fundDraw: 30, socialized: 20, uncovered: 0, fundEnd: 70, adlNotional: 4 * 110 });
    expect(r.borne).toEqual([0, 20, 0]);
    // With the default trigger (fund empty) the same fund pays it all.
    const empty = run(adlWorld({ kind: 'adl', ranking: 'pnl-leverage' }, { fund: { initial: '100' } }));
    expect(empty).toMatchObject({ fundDraw: 50, socialized: 0, fundEnd: 50, adlNotional: 0 });
  });

  it('the drawdown is measured over the window: an older peak no longer counts', () => {
    const floor = new FundFloor(0.3, 3, 10);
    [100, 80, 60, 60, 60].forEach((balance, t) => floor.startStep(t, balance * UNITS_PER_QUOTE));
    // Steps 0–2 see the peak of 100: the fund may go down to 70. From step 3 the window (1–3) peaks at 80: 56.
    expect(floor.floorUnits(2) / UNITS_PER_QUOTE).toBe(70);
    expect(floor.floorUnits(3) / UNITS_PER_QUOTE).toBe(56);
    expect(floor.floorUnits(4) / UNITS_PER_QUOTE).toBe(42);
    expect(new FundFloor(1, 3, 10).floorUnits(4)).toBe(0);
  });

  // The part of the position that fills at the bankruptcy price or better is still sold; the rest is deleveraged
  // without impact. Linear impact, depth 500 per 1 %; the oracle lags one step, so at step 2 the mark is 110
  // (beyond S's bankruptcy price 105) while the book is at 104. Selling all 10 would fill at the average
  // 104·(1 + ½·1 %·1,040/500) = 105.08, worse than bankruptcy, and the fund is empty; so S buys back only while
  // the book's price is at most 105: q·104 = (105/104 − 1)/1 %·500, q = 4.6228…; the other 5.3772… are
  // deleveraged, their deficit at the mark 5.3772·(110 − 105) = 26.886 taken at the bankruptcy price from L1
  // (its whole 4 contracts: 20), then from L2 (the other 6.886).
  it('sells what fills at bankruptcy or better, deleverages the rest', () => {
    const impact = { model: 'linear' as const, depth: '500', halfLifeSteps: 1, thinning: 0, permanentShare: 0 };
    const r = run(adlWorld({ kind: 'adl', ranking: 'pnl-leverage' }, { prices: ['100', '110', '104'], liquidation: { impact, oracleDelaySteps: 1 } }));
    const sold = (105 / 104 - 1) / 0.01 * 500 / 104;
    expect(r.socialized).toBeCloseTo((10 - sold) * 5, 5);
    expect(r.adlNotional).toBeCloseTo((10 - sold) * 110, 3);
    expect(r.borne[1]).toBe(20);
    expect(r.borne[2]).toBeCloseTo(r.socialized - 20, 5);
  });

  it('no book sale and no impact when nothing fills at bankruptcy or better', () => {
    const impact = { model: 'linear' as const, depth: '1000', halfLifeSteps: 1, thinning: 0, permanentShare: 0 };
    const gap = run(adlWorld({ kind: 'adl', ranking: 'pnl-leverage' }, { liquidation: { impact } }));
    expect(gap.endPrice).toBe(110);
    expect(gap).toMatchObject({ badDebt: 50, socialized: 50 });
    // The same position sold into the book (bad-debt mechanism) moves the price and leaves a larger deficit.
    const sold = run(adlWorld({ kind: 'bad-debt' }, { liquidation: { impact } }));
    expect(sold.endPrice).toBeGreaterThan(110);
    expect(sold.badDebt).toBeGreaterThan(50);
  });

  // Hyperliquid documents its ranking as (mark / entry) × (notional / account value). L1 (entry 100, leverage 5.5)
  // against L3 (entry 90, 10 @ 90 with 300: 110/90 × 1100/400 = 3.36): L1 scores 1.1 × 5.5 = 6.05, first.
  it('Hyperliquid ranking: (mark / entry) × (notional / account value)', () => {
    const params = aWorld({
      prices: ['100', '110'],
      accounts: [
        anAccount({ id: 'S', side: 'short', size: '10', entryPrice: '100', collateral: '50' }),
        anAccount({ id: 'L1', side: 'long', size: '4', entryPrice: '100', collateral: '40' }),
        anAccount({ id: 'L3', side: 'long', size: '10', entryPrice: '90', collateral: '300' }),
      ],
      lossMechanism: { kind: 'adl', ranking: 'hyperliquid' },
    });
    expect(run(params).borne).toEqual([0, 20, 30]);
    // BitMEX ranks L3 first: PnL 22.2 % × leverage 1100/500 = 0.49 against L1's 0.1 × 5.5 = 0.55 — L1 still first;
    // with L1 at 60 collateral (leverage 4.4, score 0.44) BitMEX puts L3 first while Hyperliquid (4.84) still L1.
    const withL1 = (ranking: 'pnl-leverage' | 'hyperliquid') =>
      run({ ...params, population: { kind: 'explicit', accounts: params.population.kind === 'explicit' ? params.population.accounts.map((a) => (a.id === 'L1' ? { ...a, collateral: '60' } : a)) : [] }, lossMechanism: { kind: 'adl', ranking, size: 'needed', closePrice: 'bankruptcy', trigger: { kind: 'fund-empty' } } }).borne;
    expect(withL1('pnl-leverage')).toEqual([0, 0, 50]);
    expect(withL1('hyperliquid')).toEqual([0, 20, 30]);
  });
});

// A long of 10 @ 100 with 60 collateral: maintenance 5 % of notional. At 95 its equity is 10, under 2/3 of the
// maintenance requirement (47.5 × 2/3 = 31.67): Hyperliquid's vault takes it over at the mark with its 10 of margin.
function vaultWorld(prices: string[], backstop: LossMechanismInput = { kind: 'backstop', unwindSteps: 2 }, fund = '0', collateral = '60'): RiskParams {
  return aWorld({ prices, accounts: [anAccount({ id: 'A', side: 'long', size: '10', entryPrice: '100', collateral })], lossMechanism: backstop, fund: { initial: fund } });
}

describe('backstop vault with inventory (Hyperliquid)', () => {
  it('gains on a recovery: takes over at 95 with 10 of margin, sells 5 at 100 and 5 at 104', () => {
    const r = run(vaultWorld(['100', '95', '100', '104']));
    // 10 + 5·(100 − 95) + 5·(104 − 95) = 80.
    expect(r).toMatchObject({ badDebt: 0, vaultLoss: 0, vaultPnl: 80, liquidations: 1 });
  });

  it('loses on a lasting crash: sells 5 at 80 and 5 at 70', () => {
    const r = run(vaultWorld(['100', '95', '80', '70']));
    // 10 + 5·(80 − 95) + 5·(70 − 95) = −190.
    expect(r).toMatchObject({ badDebt: 0, vaultLoss: 0, vaultPnl: -190 });
  });

  it('marks what it still holds at the horizon', () => {
    // Unwinding over 10 steps: 1 contract sold at 100 at step 2; the other 9 marked at 100: 10 + 5 + 45 = 60.
    const r = run(vaultWorld(['100', '95', '100'], { kind: 'backstop', unwindSteps: 10 }));
    expect(r.vaultPnl).toBe(60);
  });

  it('takes over a deficit: the fund pays first, the vault bears the rest as vaultLoss', () => {
    // At 90 the equity is 60 − 100 = −40: the fund (15) pays 15, the vault 25; it sells the 10 at 90: no gain.
    const r = run(vaultWorld(['100', '90', '90'], { kind: 'backstop', unwindSteps: 1 }, '15'));
    expect(r).toMatchObject({ badDebt: 40, fundDraw: 15, vaultLoss: 25, uncovered: 0, vaultPnl: -25 });
  });

  it('leaves positions between 2/3 of maintenance and maintenance to the book', () => {
    // At 98 the equity is 40: under maintenance (49), above 2/3 of it (32.67): an ordinary sale, no inventory.
    const r = run(vaultWorld(['100', '98', '120']));
    expect(r).toMatchObject({ liquidations: 1, badDebt: 0, vaultPnl: 0 });
    // With a takeover share of 1 the vault takes every liquidation: it holds the long into 120 and gains.
    const all = run(vaultWorld(['100', '98', '120'], { kind: 'backstop', takeoverEquityShare: 1, unwindSteps: 1 }));
    // 40 of margin + 10·(120 − 98) = 260.
    expect(all.vaultPnl).toBe(260);
  });
});

describe('socialize by open interest (Drift)', () => {
  // A short of 10 @ 100 with 60 collateral; the price gaps to 130: deficit 60 − 300 = −240, no fund. Drift spreads it
  // over every open long by size: L1 (1, entry 140, losing), L2 (2) and L3 (3) pay 40, 80 and 120.
  const world = (base: 'profit' | 'open-interest', l1 = { entryPrice: '140', collateral: '100' }) =>
    aWorld({
      prices: ['100', '130'],
      accounts: [
        anAccount({ id: 'S', side: 'short', size: '10', entryPrice: '100', collateral: '60' }),
        anAccount({ id: 'L1', side: 'long', size: '1', ...l1 }),
        anAccount({ id: 'L2', side: 'long', size: '2', entryPrice: '100', collateral: '100' }),
        anAccount({ id: 'L3', side: 'long', size: '3', entryPrice: '100', collateral: '100' }),
      ],
      lossMechanism: { kind: 'socialize', base },
    });

  it('splits pro rata to size, losers included', () => {
    const r = run(world('open-interest'));
    expect(r).toMatchObject({ badDebt: 240, socialized: 240, uncovered: 0 });
    expect(r.borne).toEqual([0, 40, 80, 120]);
  });

  it('the profit base takes only profits: L2 60, L3 90, 90 uncovered', () => {
    const r = run(world('profit'));
    expect(r).toMatchObject({ socialized: 150, uncovered: 90 });
    expect(r.borne).toEqual([0, 0, 60, 90]);
  });

  it('an account pushed under maintenance by its share is liquidated in the same step', () => {
    // L1 @ 100 with 10: equity at 130 is 40 (maintenance 6.5); after paying 40 it is 0 and is sold at 130.
    const r = run(world('open-interest', { entryPrice: '100', collateral: '10' }));
    expect(r.liquidations).toBe(2);
    expect(r.borne).toEqual([0, 40, 80, 120]);
    expect(r.badDebt).toBe(240);
  });
});
