import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RiskParams } from '../params/riskParams';
import { smallDefaults } from '../testing/builders';
import { PricePathStore } from '../scenario/pricePathStore';
import { drawTiltedPath, emptyPathDraw } from './drawTiltedPath';
import { createImportanceSimulator } from './importanceSimulator';
import { DEFAULT_JUMP_PROPOSAL } from './proposal';

const small = (edit?: (p: RiskParams) => void) => smallDefaults(300, 120, edit);

const VARIANTS: RiskParams[] = [
  small(),
  small((p) => {
    p.margin.maintenanceMarginRatio = 0.0045;
  }),
  small((p) => {
    if (p.scenario.kind === 'jump') p.scenario.jumpStdev = 0.008;
  }),
];

describe('createImportanceSimulator with a PricePathStore', () => {
  it('gives the paths, weights and draw columns it gives without one, whatever ran before on the store', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            variant: fc.integer({ min: 0, max: VARIANTS.length - 1 }),
            seed: fc.integer({ min: 1, max: 2 }),
            proposal: fc.constantFrom('default', 'jump'),
            antithetic: fc.boolean(),
            from: fc.integer({ min: 0, max: 8 }),
            count: fc.integer({ min: 0, max: 5 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (runs) => {
          const store = new PricePathStore();
          for (const run of runs) {
            const options = { ...(run.proposal === 'jump' ? { proposal: DEFAULT_JUMP_PROPOSAL } : {}), antithetic: run.antithetic };
            const params = VARIANTS[run.variant]!;
            const stored = createImportanceSimulator(params, run.seed, { ...options, pricePaths: store }).run(run.from, run.from + run.count);
            const plain = createImportanceSimulator(params, run.seed, options).run(run.from, run.from + run.count);
            // toEqual compares typed arrays element by element with Object.is: bit for bit, −0 apart from 0.
            expect(stored).toEqual(plain);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('keeps in each draw column the number drawTiltedPath gives for that path, with a store or without', () => {
    // Several jumps a step on average, so the counts of jumps and of jump steps differ.
    const params = small((p) => {
      if (p.scenario.kind === 'jump') p.scenario.jumpIntensityAnnual = 1_000_000;
    });
    const store = new PricePathStore();
    createImportanceSimulator(params, 6, { pricePaths: store }).run(0, 4);
    for (const options of [{}, { pricePaths: store }]) {
      const simulator = createImportanceSimulator(params, 6, options);
      const { draws } = simulator.run(0, 4);
      const draw = emptyPathDraw();
      for (let i = 0; i < 4; i++) {
        drawTiltedPath(simulator.tilted, 6, i, new Float64Array(params.market.steps), draw);
        expect([draws.weights[i], draws.component[i], draws.jumpCount[i], draws.jumpSteps[i], draws.jumpSquares[i], draws.shockSum[i], draws.largeJumpSteps[i]]).toEqual([
          draw.weight,
          draw.component,
          draw.jumpCount,
          draw.jumpSteps,
          draw.jumpSquares,
          draw.shockSum,
          draw.largeJumpSteps,
        ]);
      }
    }
    expect(store.stats()).toMatchObject({ draws: 4, hits: 4 });
  });

  it('serves a margin edit the tilted paths drawn before, and keeps them apart from the plain prices', () => {
    const store = new PricePathStore();
    createImportanceSimulator(VARIANTS[0]!, 5, { pricePaths: store }).run(0, 3);
    createImportanceSimulator(VARIANTS[1]!, 5, { pricePaths: store }).run(0, 3);
    expect(store.stats()).toMatchObject({ draws: 3, hits: 3, keys: 1, bytes: 3 * (120 + 7) * 8 });
    // Another proposal draws other paths: another key.
    createImportanceSimulator(VARIANTS[0]!, 5, { pricePaths: store, proposal: DEFAULT_JUMP_PROPOSAL }).run(0, 1);
    expect(store.stats()).toMatchObject({ draws: 4, hits: 3, keys: 2 });
  });
});
