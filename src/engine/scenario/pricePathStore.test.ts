import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RiskParams } from '../params/riskParams';
import { smallDefaults } from '../testing/builders';
import { createSimulator } from '../sim/simulateRange';
import { drawPricePath } from './drawPricePath';
import { prepareScenario } from './prepareScenario';
import { PricePathStore } from './pricePathStore';

const small = (edit?: (p: RiskParams) => void) => smallDefaults(300, 120, edit);

/** Variants a store may serve across: three keep the scenario (margin, fund, penalty edits), one changes it. */
const VARIANTS: RiskParams[] = [
  small(),
  small((p) => {
    p.margin.maintenanceMarginRatio = 0.0045;
  }),
  small((p) => {
    p.insuranceFund.initial = '1';
  }),
  small((p) => {
    p.liquidation.penaltyRatio = 0.02;
  }),
  small((p) => {
    if (p.scenario.kind === 'jump') p.scenario.volAnnual = 0.9;
  }),
];

const market = (p: RiskParams) => ({ initialPrice: Number(p.market.initialPrice), steps: p.market.steps, stepSeconds: p.market.stepSeconds });

describe('PricePathStore', () => {
  it('gives every simulator the numbers it gives without a store, whatever ran before on the same store', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            variant: fc.integer({ min: 0, max: VARIANTS.length - 1 }),
            seed: fc.integer({ min: 1, max: 2 }),
            from: fc.integer({ min: 0, max: 12 }),
            count: fc.integer({ min: 0, max: 6 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 40 }),
        (runs, budgetPaths) => {
          // Budgets from nothing to all of it, so paths are both stored and refused.
          const store = new PricePathStore(budgetPaths * 120 * 8);
          for (const run of runs) {
            const params = VARIANTS[run.variant]!;
            const to = run.from + run.count;
            const stored = createSimulator(params, run.seed, { pricePaths: store }).run(run.from, to);
            const plain = createSimulator(params, run.seed).run(run.from, to);
            // toEqual compares typed arrays element by element with Object.is: bit for bit, −0 apart from 0.
            expect(stored).toEqual(plain);
          }
          expect(store.stats().bytes).toBeLessThanOrEqual(budgetPaths * 120 * 8);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('serves a path drawn by an earlier simulator of the same scenario and seed, and only then', () => {
    const store = new PricePathStore();
    const [base, margin, , , vol] = VARIANTS as [RiskParams, RiskParams, RiskParams, RiskParams, RiskParams];
    createSimulator(base, 1, { pricePaths: store }).run(0, 4);
    expect(store.stats()).toMatchObject({ hits: 0, draws: 4, keys: 1, bytes: 4 * 120 * 8 });
    // A margin edit keeps the scenario: the same four paths come from the store, two more are drawn.
    createSimulator(margin, 1, { pricePaths: store }).run(0, 6);
    expect(store.stats()).toMatchObject({ hits: 4, draws: 6, keys: 1 });
    // Another seed or another scenario is another key: nothing is served from the first.
    createSimulator(base, 2, { pricePaths: store }).run(0, 2);
    expect(store.stats()).toMatchObject({ hits: 4, draws: 8, keys: 2 });
    createSimulator(vol, 1, { pricePaths: store }).run(0, 2);
    // Two keys at most: (base, seed 1) was the least recently used and is gone, its six paths' bytes with it.
    expect(store.stats()).toMatchObject({ hits: 4, draws: 10, keys: 2, bytes: 4 * 120 * 8 });
    createSimulator(base, 1, { pricePaths: store }).run(0, 1);
    expect(store.stats()).toMatchObject({ hits: 4, draws: 11 });
  });

  it('copies out exactly what drawPricePath draws, into a longer buffer too, leaving the rest alone', () => {
    const p = small();
    const prepared = prepareScenario(p.scenario, market(p));
    const store = new PricePathStore();
    const draw = store.drawer(p.scenario, market(p), prepared, 7);
    const expected = new Float64Array(120);
    drawPricePath(prepared, 7, 3, expected);
    for (let pass = 0; pass < 2; pass++) {
      const out = new Float64Array(125).fill(-1);
      draw(3, out);
      expect(Array.from(out.subarray(0, 120))).toEqual(Array.from(expected));
      expect(Array.from(out.subarray(120))).toEqual([-1, -1, -1, -1, -1]);
    }
    expect(store.stats()).toMatchObject({ hits: 1, draws: 1 });
  });

  it('lets go of an evicted key’s paths, even while its drawer is still in use', () => {
    const store = new PricePathStore(Infinity, 1);
    const a = small();
    const b = VARIANTS[4]!;
    const drawA = store.drawer(a.scenario, market(a), prepareScenario(a.scenario, market(a)), 1);
    const out = new Float64Array(120);
    drawA(0, out);
    expect(store.stats()).toMatchObject({ draws: 1, bytes: 120 * 8, keys: 1 });
    store.drawer(b.scenario, market(b), prepareScenario(b.scenario, market(b)), 1);
    expect(store.stats()).toMatchObject({ bytes: 0, keys: 1 });
    // The old drawer still draws the right prices, but neither serves nor keeps them.
    const again = new Float64Array(120);
    drawA(0, again);
    expect(Array.from(again)).toEqual(Array.from(out));
    expect(store.stats()).toMatchObject({ hits: 0, draws: 2, bytes: 0 });
  });

  it('keeps a −0 drift apart from a 0 one', () => {
    const store = new PricePathStore();
    const zero = small((p) => {
      if (p.scenario.kind === 'jump') p.scenario.driftAnnual = 0;
    });
    const negativeZero = small((p) => {
      if (p.scenario.kind === 'jump') p.scenario.driftAnnual = -0;
    });
    createSimulator(zero, 1, { pricePaths: store }).run(0, 1);
    createSimulator(negativeZero, 1, { pricePaths: store }).run(0, 1);
    expect(store.stats()).toMatchObject({ hits: 0, draws: 2, keys: 2 });
  });

  it('refuses a budget below 0 and a key count below 1', () => {
    expect(() => new PricePathStore(-1)).toThrow(RangeError);
    expect(() => new PricePathStore(1, 0)).toThrow(RangeError);
  });
});
