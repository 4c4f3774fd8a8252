import { withLossMechanismDefaults } from '../params/lossMechanism';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RiskParams } from '../params/riskParams';
import { smallWorldArb } from '../testing/arbitraries';
import { aWorld, anAccount } from '../testing/builders';
import { mergeRangeResults } from '../results/mergeRangeResults';
import { UNITS_PER_QUOTE } from '../money/money';
import { createSimulator } from './simulateRange';
import { tracePath } from './tracePath';

/** Properties of the exact ledger on random small worlds (fast-check seed in each test name). */

function withFund(params: RiskParams, initial: string): RiskParams {
  const cap = params.insuranceFund.cap;
  return {
    ...params,
    insuranceFund: { ...params.insuranceFund, initial, cap: cap === null ? null : String(Math.max(Number(cap), Number(initial))) },
  };
}

describe('ledger properties', () => {
  // The identity is recomputed from sums the tally does not make: the path's events (every deficit, fund draw
  // and vault loss is reported as one) and the per-account record of who bore each socialized loss. The path's
  // ledgerBalanced flag is the tally checking its own sums, so it is asserted too but proves nothing alone.
  it('balances exactly on every path, recomputed from its events and accounts, and the fund never goes negative (seed 11)', () => {
    const units = (quote: number): number => Math.round(quote * UNITS_PER_QUOTE);
    fc.assert(
      fc.property(smallWorldArb, (params) => {
        const { paths, series, lossByAccountUnits } = createSimulator(params, 3).run(0, 1);
        const { events } = tracePath(params, 3, 0);
        let deficits = 0;
        let draws = 0;
        let vault = 0;
        for (const e of events) {
          if (e.kind === 'deficit') deficits += units(e.deficitQuote);
          else if (e.kind === 'fund-draw') draws += units(e.drawQuote);
          else if (e.kind === 'vault') vault += units(e.quote);
        }
        const borne = lossByAccountUnits.reduce((sum, x) => sum + x, 0);
        expect(paths.badDebtUnits[0]).toBe(deficits);
        expect(paths.fundDrawUnits[0]).toBe(draws);
        expect(paths.socializedLossUnits[0]).toBe(borne);
        expect(paths.vaultLossUnits[0]).toBe(vault);
        expect(deficits).toBe(draws + borne + vault + paths.uncoveredUnits[0]!);
        expect(paths.ledgerBalanced[0]).toBe(1);
        for (const column of [paths.badDebtUnits, paths.fundDrawUnits, paths.socializedLossUnits, paths.vaultLossUnits, paths.uncoveredUnits, paths.fundEndUnits]) {
          expect(Number.isSafeInteger(column[0])).toBe(true);
          expect(column[0]).toBeGreaterThanOrEqual(0);
        }
        for (const balance of series.fundBalanceQuote) expect(balance).toBeGreaterThanOrEqual(0);
        // The mechanism that was not chosen takes nothing.
        const kind = params.lossMechanism.kind;
        if (kind !== 'socialize' && kind !== 'adl') expect(paths.socializedLossUnits[0]).toBe(0);
        if (kind !== 'backstop') expect(paths.vaultLossUnits[0]).toBe(0);
        if (kind !== 'adl') expect(paths.adlNotionalQuote[0]).toBe(0);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  // Open-interest socialization (Drift) charges every position on the paying side by size, so it can take more
  // than a position's equity (the loop then liquidates it); profit haircuts and ADL never can.
  it('a haircut or ADL loss never exceeds the equity of the account that bore it (seed 12)', () => {
    fc.assert(
      fc.property(smallWorldArb.filter((w) => !(w.lossMechanism.kind === 'socialize' && w.lossMechanism.base === 'open-interest')), (params) => {
        const { paths } = createSimulator(params, 3).run(0, 1);
        expect(paths.largestHaircutShare[0]).toBeGreaterThanOrEqual(0);
        expect(paths.largestHaircutShare[0]).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  // A larger starting fund pays more of each deficit. Whether that lowers what traders bear depends on feedback:
  //  - backstop and bad-debt change no account, so the path's liquidations are the same whatever the fund, and the
  //    loss beyond the fund can only fall;
  //  - within one settlement (a single price move), a haircut or ADL of a smaller remainder is never larger;
  //  - across steps, haircuts and ADL change the book (a haircut winner reaches its liquidation price sooner, an
  //    ADL'd position no longer exists), so a larger fund can leave a position open into a later, worse
  //    liquidation. fast-check finds such worlds (the example test below keeps one); the loss is not monotone
  //    in the fund there, and Haircut reports what the model does rather than promise otherwise.
  it('with no feedback (backstop, bad-debt) a larger fund never increases the loss beyond it (seed 13)', () => {
    const noFeedback = fc.tuple(smallWorldArb, fc.constantFrom({ kind: 'backstop' as const }, { kind: 'bad-debt' as const })).map(([w, lossMechanism]): RiskParams => ({ ...w, lossMechanism: withLossMechanismDefaults(lossMechanism) }));
    fc.assert(
      fc.property(noFeedback, fc.integer({ min: 1, max: 5000 }), (world, extra) => {
        const small = createSimulator(world, 5).run(0, 2).paths;
        const large = createSimulator(withFund(world, String(Number(world.insuranceFund.initial) + extra)), 5).run(0, 2).paths;
        for (let i = 0; i < 2; i++) {
          expect(large.liquidations[i]).toBe(small.liquidations[i]);
          expect(large.badDebtUnits[i]).toBe(small.badDebtUnits[i]);
          expect(large.vaultLossUnits[i]! + large.uncoveredUnits[i]!).toBeLessThanOrEqual(small.vaultLossUnits[i]! + small.uncoveredUnits[i]!);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('in one settlement a larger fund never increases socialized loss, haircut or ADL (seed 15)', () => {
    const oneMove = smallWorldArb.map((w): RiskParams => {
      if (w.scenario.kind !== 'replay') throw new Error('small worlds replay a series');
      const prices = [w.scenario.prices[0]!, w.scenario.prices[w.scenario.prices.length - 1]!];
      const lossMechanism = w.lossMechanism.kind === 'socialize' || w.lossMechanism.kind === 'adl' ? w.lossMechanism : withLossMechanismDefaults({ kind: 'socialize' });
      // With impact, ADL's rule is not monotone in the fund: a fund that can pay the sale's deficit sells into the
      // book (whose impact can drag other accounts under) where a smaller one deleverages without impact.
      // 'full' closes each winner's whole position, so a later deficit of the same settlement can find fewer winners
      // when an earlier one needed more of them: with a smaller fund less is socialized and more left uncovered.
      // Likewise a sale uses keeper capacity that deleveraging does not, so ADL is checked without a capacity limit.
      const adl = lossMechanism.kind === 'adl';
      const impact = adl ? { ...w.liquidation.impact, model: 'none' as const } : w.liquidation.impact;
      const maxNotionalPerStep = adl ? null : w.liquidation.maxNotionalPerStep;
      const mechanism = lossMechanism.kind === 'adl' ? { ...lossMechanism, size: 'needed' as const } : lossMechanism;
      return { ...w, market: { ...w.market, steps: 2 }, scenario: { ...w.scenario, prices }, liquidation: { ...w.liquidation, oracleDelaySteps: 0, impact, maxNotionalPerStep }, lossMechanism: mechanism };
    });
    fc.assert(
      fc.property(oneMove, fc.integer({ min: 1, max: 5000 }), (world, extra) => {
        const small = createSimulator(world, 5).run(0, 1).paths;
        const large = createSimulator(withFund(world, String(Number(world.insuranceFund.initial) + extra)), 5).run(0, 1).paths;
        // When the smaller fund left part uncovered, the larger one may socialize more (see the example below).
        if (small.uncoveredUnits[0] === 0) expect(large.socializedLossUnits[0]).toBeLessThanOrEqual(small.socializedLossUnits[0]!);
        expect(large.socializedLossUnits[0]! + large.uncoveredUnits[0]!).toBeLessThanOrEqual(small.socializedLossUnits[0]! + small.uncoveredUnits[0]!);
      }),
      { numRuns: 500, seed: 15 },
    );
  });

  it('across steps a larger fund can leave a position open into a worse liquidation (fast-check finds such a world)', () => {
    // Not an accident of one hand-picked world: fast-check, searching small worlds with ADL or haircuts, finds one
    // where a larger starting fund ends with more bad debt and more loss beyond the fund. The concrete worlds change
    // whenever a mechanic changes, so the search itself is the test.
    const withFeedback = fc.tuple(smallWorldArb, fc.constantFrom(
      withLossMechanismDefaults({ kind: 'adl', ranking: 'random' }),
      withLossMechanismDefaults({ kind: 'adl', ranking: 'pnl-leverage' }),
      withLossMechanismDefaults({ kind: 'socialize' }),
    )).map(([w, lossMechanism]): RiskParams => ({ ...w, lossMechanism }));
    const beyond = (p: ReturnType<ReturnType<typeof createSimulator>['run']>['paths']) => p.socializedLossUnits[0]! + p.uncoveredUnits[0]!;
    const monotone = fc.property(withFeedback, fc.integer({ min: 1, max: 5000 }), (world, extra) => {
      const small = createSimulator(world, 5).run(0, 1).paths;
      const large = createSimulator(withFund(world, String(Number(world.insuranceFund.initial) + extra / 100)), 5).run(0, 1).paths;
      return !(large.badDebtUnits[0]! > small.badDebtUnits[0]! && beyond(large) > beyond(small));
    });
    const out = fc.check(monotone, { numRuns: 3000, seed: 99, endOnFailure: true });
    expect(out.failed).toBe(true);
  });

  it('a larger fund can raise socialized loss when the smaller one left part uncovered (found by fast-check)', () => {
    const world = aWorld({
      prices: '100 100 100 100 100 108 108 108 108 110.6695 110.6695 101.816 101.816 101.816 101.816 93.6707 101.1644 101.1644 101.1644 101.1644 101.1644 101.1644 101.1644 101.1644 109.2575'.split(' '),
      accounts: [
        ...['a0', 'a1', 'a2', 'a3', 'a5'].map((id) => anAccount({ id, side: 'long', size: '0.10', entryPrice: '80', collateral: '1' })),
        anAccount({ id: 'a4', side: 'short', size: '28.28', entryPrice: '80', collateral: '1' }),
        anAccount({ id: 'a6', side: 'long', size: '15.92', entryPrice: '95.07', collateral: '1' }),
        anAccount({ id: 'a7', side: 'short', size: '12.35', entryPrice: '80', collateral: '1' }),
        anAccount({ id: 'a8', side: 'long', size: '9.57', entryPrice: '80', collateral: '1' }),
        anAccount({ id: 'a9', side: 'long', size: '15.63', entryPrice: '80', collateral: '1' }),
      ],
      liquidation: { penaltyRatio: 0.02, maxNotionalPerStep: '2827' },
      fund: { initial: '17.35', feeInflowPerStep: '1.49', maxDrawPerStep: '199.90' },
    });
    const small = createSimulator(world, 5).run(0, 1).paths;
    const large = createSimulator(withFund(world, '144.35'), 5).run(0, 1).paths;
    expect(small.uncoveredUnits[0]).toBeGreaterThan(0);
    expect(large.socializedLossUnits[0]).toBeGreaterThan(small.socializedLossUnits[0]!);
    expect(large.socializedLossUnits[0]! + large.uncoveredUnits[0]!).toBeLessThan(small.socializedLossUnits[0]! + small.uncoveredUnits[0]!);
  });
});

describe('determinism', () => {
  const params: RiskParams = {
    version: 1,
    market: { initialPrice: '100', steps: 300, stepSeconds: 60 },
    scenario: { kind: 'jump', driftAnnual: 0, volAnnual: 1, jumpIntensityAnnual: 2000, jumpMean: -0.03, jumpStdev: 0.03 },
    population: { kind: 'generated', accounts: 300, openInterest: '3000000', longShare: 0.55, leverageMedian: 6, leverageSigma: 0.6, paretoAlpha: 1.5, entrySpread: 0.02, marketMakerLeverage: 2 },
    margin: { initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [] },
    liquidation: { penaltyRatio: 0.01, penaltyToFund: 1, partial: true, maxNotionalPerStep: '200000', oracleDelaySteps: 1, impact: { model: 'sqrt', depth: '300000', halfLifeSteps: 5, thinning: 0, permanentShare: 0 }, markImpactWeight: 1, slice: null },
    insuranceFund: { initial: '2000', feeInflowPerStep: '0', cap: null, maxDrawPerStep: null },
    lossMechanism: withLossMechanismDefaults({ kind: 'adl', ranking: 'random' }),
  };

  it('paths [0, n) equal [0, k) followed by [k, n) for random k (seed 14)', () => {
    const n = 24;
    const whole = createSimulator(params, 9).run(0, n);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n }), (k) => {
        const simulator = createSimulator(params, 9);
        const parts = mergeRangeResults([simulator.run(k, n), simulator.run(0, k)]);
        expect(parts).toStrictEqual(whole);
      }),
      { numRuns: 8, seed: 14 },
    );
    expect(whole.paths.liquidations.some((x) => x > 0)).toBe(true);
  });

  it('same seed, same numbers; another seed, other numbers', () => {
    const a = createSimulator(params, 9).run(0, 6);
    const b = createSimulator(params, 9).run(0, 6);
    const c = createSimulator(params, 10).run(0, 6);
    expect(b).toStrictEqual(a);
    expect(Array.from(c.series.price)).not.toEqual(Array.from(a.series.price));
  });
});
