import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/defaults';
import { aWorld, anAccount } from '../testing/builders';
import { createSimulator } from './simulateRange';
import { tracePath } from './tracePath';

describe('tracePath', () => {
  it('tells the dYdX story: liquidation, deficit, ADL at the bankruptcy price', () => {
    const params = aWorld({
      prices: ['1', '2'],
      accounts: [
        anAccount({ id: 'A', side: 'long', size: '500', entryPrice: '1', collateral: '100' }),
        anAccount({ id: 'B', side: 'short', size: '500', entryPrice: '1', collateral: '100' }),
      ],
      lossMechanism: { kind: 'adl', ranking: 'pnl-leverage' },
    });
    const trace = tracePath(params, 1, 0);
    expect(trace.events.map((e) => e.kind)).toEqual(['liquidation', 'deficit', 'adl']);
    const adl = trace.events[2]!;
    expect(adl).toMatchObject({ kind: 'adl', step: 1, account: 0, bankruptAccount: 1, contracts: 500, lossQuote: 400 });
    expect(adl.kind === 'adl' && adl.bankruptcyPrice).toBeCloseTo(1.2, 12);
    // In money: A's 500 contracts realize 500 × ($2 − $1) = 500 of profit at the mark, of which 400 covers B's
    // deficit: the other 100 is the overshoot of closing A's whole profit.
    expect(adl).toMatchObject({ profitClosedQuote: 500, coveredQuote: 400 });
    expect(Array.from(trace.cumSocializedLossQuote)).toEqual([0, 400]);
    expect(trace.shown.count).toBe(2);
    // At step 1 both are closed; A keeps 200 (100 + 100 gained at $1.20), B nothing.
    expect(Array.from(trace.shown.open.subarray(2, 4))).toEqual([0, 0]);
    expect(Array.from(trace.shown.equityQuote.subarray(2, 4))).toEqual([200, 0]);
    expect(Array.from(trace.shown.sizeBase)).toEqual([500, 500, 0, 0]);
  });

  it('draws the size ADL leaves a winner: the fund pays 200 of the 400 deficit, so only 250 contracts go', () => {
    const params = aWorld({
      prices: ['1', '2'],
      accounts: [
        anAccount({ id: 'A', side: 'long', size: '500', entryPrice: '1', collateral: '100' }),
        anAccount({ id: 'B', side: 'short', size: '500', entryPrice: '1', collateral: '100' }),
      ],
      fund: { initial: '200' },
      lossMechanism: { kind: 'adl', ranking: 'pnl-leverage' },
    });
    const trace = tracePath(params, 1, 0);
    const adl = trace.events.find((e) => e.kind === 'adl');
    // 200 left to cover at |mark − bankruptcy| = 2 − 1.2 = 0.8 a contract: 250 contracts.
    expect(adl).toMatchObject({ account: 0, contracts: 250 });
    expect(Array.from(trace.shown.open.subarray(2, 4))).toEqual([1, 0]);
    expect(trace.shown.sizeBase[2]).toBeCloseTo(250, 9);
    expect(trace.shown.sizeBase[3]).toBe(0);
  });

  it('gives the same totals as the Monte Carlo run of that path', () => {
    const params = defaultParams();
    if (params.population.kind !== 'generated') throw new Error('generated default expected');
    params.population.accounts = 400;
    params.population.openInterest = '2000000';
    params.market.steps = 600;
    const run = createSimulator(params, 4).run(0, 8);
    for (let i = 0; i < 8; i++) {
      const trace = tracePath(params, 4, i);
      const last = trace.steps - 1;
      expect(trace.cumBadDebtQuote[last]).toBe(run.paths.badDebtUnits[i]! / 1e6);
      expect(trace.cumSocializedLossQuote[last]).toBe(run.paths.socializedLossUnits[i]! / 1e6);
      expect(trace.cumLiquidations[last]).toBe(run.paths.liquidations[i]);
      expect(trace.events.filter((e) => e.kind === 'liquidation').length).toBe(run.paths.liquidations[i]);
      const drawn = trace.events.reduce((s, e) => s + (e.kind === 'fund-draw' ? e.drawQuote : 0), 0);
      expect(drawn).toBeCloseTo(run.paths.fundDrawUnits[i]! / 1e6, 6);
      expect(trace.marketPrice[last]).toBe(run.series.price[i * run.series.points + run.series.points - 1]);
    }
  });
});
