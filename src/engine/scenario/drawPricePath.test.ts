import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BootstrapScenario, CrashScenario, GbmScenario, JumpScenario, ReplayScenario, ScenarioParams } from '../params/riskParams';
import { drawPricePath } from './drawPricePath';
import type { ScenarioMarket } from './pathBase';
import { prepareScenario, type PreparedScenario } from './prepareScenario';

// Valid parameters over the whole range validateParams accepts (vol up to 10, drawdown up to 0.9999, jump log
// sizes up to ±10 with stdev 10, steps up to a day), so the price bounds are exercised, not just typical values.
const vol = fc.double({ min: 0, max: 10, noNaN: true });
const drift = fc.double({ min: -10, max: 10, noNaN: true });
const minutes = fc.oneof(fc.integer({ min: 0, max: 600 }), fc.double({ min: 0, max: 600, noNaN: true }));
const marketArb: fc.Arbitrary<ScenarioMarket> = fc.record({
  initialPrice: fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
  steps: fc.integer({ min: 1, max: 200 }),
  stepSeconds: fc.integer({ min: 1, max: 86_400 }),
});
const gbmArb: fc.Arbitrary<GbmScenario> = fc.record({
  kind: fc.constant('gbm' as const),
  driftAnnual: drift,
  volAnnual: vol,
});
const jumpArb: fc.Arbitrary<JumpScenario> = fc.record({
  kind: fc.constant('jump' as const),
  driftAnnual: drift,
  volAnnual: vol,
  jumpIntensityAnnual: fc.double({ min: 0, max: 1e5, noNaN: true }),
  jumpMean: fc.double({ min: -10, max: 10, noNaN: true }),
  jumpStdev: fc.double({ min: 0, max: 10, noNaN: true }),
});
const crashArb: fc.Arbitrary<CrashScenario> = fc.record({
  kind: fc.constant('crash' as const),
  preset: fc.constant(null),
  drawdown: fc.double({ min: 1e-6, max: 0.9999, noNaN: true }),
  startMinute: minutes,
  crashMinutes: minutes,
  recovery: fc.double({ min: 0, max: 1, noNaN: true }),
  recoveryMinutes: minutes,
  volAnnual: vol,
});
const replayArb = (steps: number): fc.Arbitrary<ReplayScenario> =>
  fc.record({
    kind: fc.constant('replay' as const),
    prices: fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }).map(String), {
      minLength: steps,
      maxLength: steps,
    }),
    noiseVolAnnual: vol,
  });

const bootstrapArb: fc.Arbitrary<BootstrapScenario> = fc
  .array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }).map(String), { minLength: 2, maxLength: 40 })
  .chain((prices) => fc.record({ kind: fc.constant('bootstrap' as const), prices: fc.constant(prices), blockSteps: fc.integer({ min: 1, max: prices.length - 1 }) }));

interface World {
  market: ScenarioMarket;
  scenario: ScenarioParams;
}
const worldArb: fc.Arbitrary<World> = marketArb.chain((market) =>
  fc.oneof(gbmArb, jumpArb, crashArb, replayArb(market.steps), bootstrapArb).map((scenario) => ({ market, scenario })),
);

function draw(prepared: PreparedScenario, seed: number, path: number): Float64Array {
  const out = new Float64Array(prepared.steps);
  drawPricePath(prepared, seed, path, out);
  return out;
}

/** What out[0] must be: the initial price, the shape's first point (crash) or the series' first price (replay). */
function expectedFirst(prepared: PreparedScenario): number {
  if (prepared.kind === 'crash') return prepared.skeletonPrices[0]!;
  if (prepared.kind === 'replay') return prepared.prices[0]!;
  return prepared.initialPrice;
}

const seedArb = fc.nat();
const pathArb = fc.nat({ max: 1_000_000 });

describe('drawPricePath', () => {
  it('gives finite prices > 0 inside the bounds, starting at the first price, for any valid parameters', () => {
    fc.assert(
      fc.property(worldArb, seedArb, pathArb, ({ market, scenario }, seed, path) => {
        const prepared = prepareScenario(scenario, market);
        const out = draw(prepared, seed, path);
        expect(out[0]).toBe(expectedFirst(prepared));
        for (const price of out) {
          expect(Number.isFinite(price)).toBe(true);
          expect(price).toBeGreaterThan(0);
          expect(price).toBeGreaterThanOrEqual(prepared.minPrice);
          expect(price).toBeLessThanOrEqual(prepared.maxPrice);
        }
      }),
    );
  });

  it('draws path i as a pure function of (scenario, seed, i), in any order, into any buffer', () => {
    fc.assert(
      fc.property(
        worldArb,
        seedArb,
        fc.uniqueArray(pathArb, { minLength: 1, maxLength: 6 }),
        ({ market, scenario }, seed, paths) => {
          const prepared = prepareScenario(scenario, market);
          const inOrder = paths.map((path) => draw(prepared, seed, path));
          // Again in reverse order into one reused, dirty buffer, from a second preparation of the same inputs.
          const again = prepareScenario(scenario, market);
          const buffer = new Float64Array(market.steps).fill(-1);
          for (let i = paths.length - 1; i >= 0; i--) {
            drawPricePath(again, seed, paths[i]!, buffer);
            expect(buffer).toEqual(inOrder[i]);
          }
        },
      ),
    );
  });

  it('gives different paths to different path indices and seeds when there is noise', () => {
    const noisy = worldArb.filter(({ market, scenario }) => {
      if (scenario.kind === 'bootstrap') return false; // its randomness is the block starts, checked in bootstrap.test.ts
      const sigma = scenario.kind === 'replay' ? scenario.noiseVolAnnual : scenario.volAnnual;
      return market.steps >= 3 && sigma >= 0.01;
    });
    fc.assert(
      fc.property(noisy, seedArb, pathArb, pathArb, ({ market, scenario }, seed, a, b) => {
        fc.pre(a !== b);
        const prepared = prepareScenario(scenario, market);
        const pathA = draw(prepared, seed, a);
        // Paths pinned to the price floor or ceiling at every step after the first are equal, rightly.
        fc.pre(pathA.some((price, t) => t > 0 && price > prepared.minPrice && price < prepared.maxPrice));
        expect(draw(prepared, seed, b)).not.toEqual(pathA);
        expect(draw(prepared, seed + 1, a)).not.toEqual(pathA);
      }),
    );
  });

  const fiveSteps = { initialPrice: 100, steps: 5, stepSeconds: 60 };

  it('writes only out[0 .. steps − 1]', () => {
    const prepared = prepareScenario({ kind: 'gbm', driftAnnual: 0, volAnnual: 0.8 }, fiveSteps);
    const out = new Float64Array(8).fill(-7);
    drawPricePath(prepared, 1, 0, out);
    expect(Array.from(out.subarray(5))).toEqual([-7, -7, -7]);
    expect(out[4]).toBeGreaterThan(0);
  });

  it('refuses a buffer shorter than the path', () => {
    const prepared = prepareScenario({ kind: 'gbm', driftAnnual: 0, volAnnual: 0.8 }, fiveSteps);
    expect(() => drawPricePath(prepared, 1, 0, new Float64Array(4))).toThrow(RangeError);
  });

  it.each([
    // Daily steps for ~14 years at σ 5 and μ −5: log price falls by ~250, far past the 1e-12 floor.
    ['clamps to the floor, never 0 or NaN', { kind: 'gbm', driftAnnual: -5, volAnnual: 5 }, 'minPrice'],
    // μ 60 for ~14 years: e^840 overflows a double; the price stops at the ceiling instead of Infinity.
    ['clamps to the ceiling, never Infinity', { kind: 'gbm', driftAnnual: 60, volAnnual: 0 }, 'maxPrice'],
  ] as const)('%s', (_name, scenario, bound) => {
    const prepared = prepareScenario(scenario, { initialPrice: 100, steps: 5000, stepSeconds: 86_400 });
    const out = draw(prepared, 3, 0);
    expect(out[out.length - 1]).toBe(prepared[bound]);
    expect(out.every((price) => Number.isFinite(price) && price > 0)).toBe(true);
  });
});
