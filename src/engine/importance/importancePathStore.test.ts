import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RiskParams } from '../params/riskParams';
import { smallDefaults } from '../testing/builders';
import { PricePathStore } from '../scenario/pricePathStore';
import { createImportanceSimulator } from './importanceSimulator';
import { DEFAULT_JUMP_PROPOSAL } from './proposal';
import type { WeightedRangeResult } from './importanceSimulator';

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

/** Every number of a weighted range (typed arrays as plain arrays). */
function numbers(result: WeightedRangeResult): unknown {
  return JSON.parse(JSON.stringify(result, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
}

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
            expect(numbers(stored)).toEqual(numbers(plain));
          }
        },
      ),
      { numRuns: 20 },
    );
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
