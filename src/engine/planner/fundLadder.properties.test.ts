import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../money/money';
import { legacyDefaultParams } from '../params/defaults';
import { withLossMechanismDefaults } from '../params/lossMechanism';
import type { RiskParams } from '../params/riskParams';
import { validateParams } from '../params/validateParams';
import { createSimulator, fundLadderApplies } from '../sim/simulateRange';
import type { RangeResult } from '../results/pathResults';
import { lossMechanismArb } from '../testing/arbitraries';
import { emptyKnownRows, fundLadder, resultAtFund } from './fundLadder';

/**
 * The fund ladder is exact: every path column, series value and per-account loss it gives at a starting fund is
 * what an independent run at that fund gives. Worlds: the legacy defaults (losses on a good share of paths) shrunk
 * to a few hundred accounts and a few hours of violent jumps, every loss mechanism and option at random (the ADL
 * drawdown trigger included, where the ladder must fall back to full runs), fee inflow, a per-step draw limit.
 * Funds: 0, random levels, and each path's own bounds and one unit either side of them (where a shortcut would
 * first go wrong).
 */

const UNITS = 1_000_000;

const legacyWorldArb: fc.Arbitrary<RiskParams> = fc
  .record({
    accounts: fc.integer({ min: 40, max: 220 }),
    steps: fc.integer({ min: 40, max: 200 }),
    jumps: fc.double({ min: 10_000, max: 60_000, noNaN: true }),
    jumpMean: fc.double({ min: -0.06, max: 0.02, noNaN: true }),
    partial: fc.boolean(),
    throughput: fc.option(fc.integer({ min: 20_000, max: 2_000_000 }), { nil: null }),
    delay: fc.integer({ min: 0, max: 2 }),
    fee: fc.constantFrom('0', '0.5', '25'),
    maxDraw: fc.option(fc.integer({ min: 200, max: 20_000 }), { nil: null }),
    mechanism: lossMechanismArb,
  })
  .map((w): RiskParams => {
    const legacy = legacyDefaultParams();
    const params: RiskParams = {
      ...legacy,
      market: { ...legacy.market, steps: w.steps },
      scenario: { kind: 'jump', driftAnnual: 0, volAnnual: 0.8, jumpIntensityAnnual: w.jumps, jumpMean: w.jumpMean, jumpStdev: 0.07 },
      population: { ...legacy.population, accounts: w.accounts, openInterest: String(w.accounts * 5000) } as RiskParams['population'],
      liquidation: { ...legacy.liquidation, partial: w.partial, maxNotionalPerStep: w.throughput === null ? null : String(w.throughput), oracleDelaySteps: w.delay },
      insuranceFund: { initial: '0', feeInflowPerStep: w.fee, cap: null, maxDrawPerStep: w.maxDraw === null ? null : String(w.maxDraw) },
      lossMechanism: withLossMechanismDefaults(w.mechanism),
    };
    const v = validateParams(params);
    if (!v.ok) throw new Error(`legacyWorldArb made invalid params: ${JSON.stringify(v.problems)}`);
    return v.params;
  });

const PATHS = 6;

/** An independent run of paths [0, PATHS) with the starting fund `units`. */
function independent(world: RiskParams, seed: number, units: number): RangeResult {
  const params = validateParams({ ...world, insuranceFund: { ...world.insuranceFund, initial: new Dec(units).dividedBy(UNITS).toFixed() } });
  if (!params.ok) throw new Error(JSON.stringify(params.problems));
  return createSimulator(params.params, seed).run(0, PATHS);
}

/** Funds to try: 0, the random levels, and the bounds a first run reports, ± 1 unit. */
function fundsFor(world: RiskParams, seed: number, levels: number[]): number[] {
  const probe = createSimulator(world, seed).runAtFund(0, PATHS, Math.max(...levels));
  const edges: number[] = [];
  for (const bound of [...probe.fund.requiredUnits, ...probe.fund.ceilingUnits]) {
    if (Number.isFinite(bound)) edges.push(bound - 1, bound, bound + 1);
  }
  return [0, ...levels, ...edges].filter((f) => f >= 0 && f <= 1e13);
}

describe('the fund ladder equals independent runs', () => {
  it('on legacy-default worlds with every loss mechanism, fee inflow and draw limits (seed 2611)', () => {
    let reused = 0;
    let rerun = 0;
    let worldsWithDeficits = 0;
    let fallbacks = 0;
    fc.assert(
      fc.property(legacyWorldArb, fc.integer({ min: 0, max: 10_000 }), fc.array(fc.integer({ min: 0, max: 400_000 }), { minLength: 1, maxLength: 3 }), (world, seed, quotes) => {
        const funds = fundsFor(world, seed, quotes.map((q) => q * UNITS));
        const simulator = createSimulator(world, seed);
        const { results, pathsRun } = fundLadder(simulator, funds, 0, PATHS);
        funds.forEach((fund, k) => expect(results[k], `fund ${fund} units`).toEqual(independent(world, seed, fund)));
        reused += funds.length * PATHS - pathsRun;
        rerun += pathsRun;
        if (results.some((r) => r.paths.badDebtUnits.some((d) => d > 0))) worldsWithDeficits++;
        if (!fundLadderApplies(world)) fallbacks++;
      }),
      { numRuns: 60, seed: 2611 },
    );
    // Not vacuous: the worlds have deficits, the ladder both reuses rows and reruns paths, and some fall back.
    expect(worldsWithDeficits).toBeGreaterThan(30);
    expect(reused).toBeGreaterThan(rerun);
    expect(rerun).toBeGreaterThan(60 * PATHS);
    expect(fallbacks).toBeGreaterThan(0);
  });

  it('with the funds in any order, as the solver probes them (rows reused up and down; seed 2612)', () => {
    let upward = 0;
    fc.assert(
      fc.property(legacyWorldArb, fc.integer({ min: 0, max: 10_000 }), fc.array(fc.integer({ min: 0, max: 400_000 }), { minLength: 2, maxLength: 4 }), (world, seed, quotes) => {
        // A fixed shuffle per seed: up and down, repeats kept.
        const scramble = (f: number) => Math.imul((f % 2_147_483_647) ^ seed, 2_654_435_761) >>> 0;
        const funds = fundsFor(world, seed, quotes.map((q) => q * UNITS)).sort((a, b) => scramble(a) - scramble(b));
        const simulator = createSimulator(world, seed);
        const known = emptyKnownRows();
        let previous = -1;
        for (const fund of funds) {
          const { result, ran } = resultAtFund(simulator, known, 0, PATHS, fund);
          expect(result, `fund ${fund} units`).toEqual(independent(world, seed, fund));
          if (fund > previous && previous >= 0 && ran < PATHS) upward++;
          previous = fund;
        }
      }),
      { numRuns: 60, seed: 2612 },
    );
    expect(upward).toBeGreaterThan(0);
  });
});
