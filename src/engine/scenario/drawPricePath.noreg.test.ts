import { describe, expect, it } from 'vitest';
import { drawPricePath } from './drawPricePath';
import { prepareScenario } from './prepareScenario';

// Pinned output: a change here changes every shared link's numbers, so it must be deliberate. The values are a
// snapshot taken once, not independently checked numbers (the statistical tests check the distribution).
describe('drawPricePath (noreg)', () => {
  const prepared = prepareScenario(
    { kind: 'gbm', driftAnnual: 0, volAnnual: 0.8 },
    { initialPrice: 100, steps: 1440, stepSeconds: 60 },
  );
  const firstFive = (pathIndex: number): number[] => {
    const out = new Float64Array(1440);
    drawPricePath(prepared, 1, pathIndex, out);
    return Array.from(out.subarray(0, 5));
  };

  it('does not change the first prices of gbm path 0, seed 1', () => {
    expect(firstFive(0)).toMatchInlineSnapshot(`
      [
        100,
        100.1324752490772,
        100.21654186600783,
        100.08448175423285,
        100.10633264534721,
      ]
    `);
  });

  it('does not change the first prices of gbm path 7, seed 1', () => {
    expect(firstFive(7)).toMatchInlineSnapshot(`
      [
        100,
        100.06677737423502,
        100.27760454345238,
        100.1687512989316,
        100.03441226521528,
      ]
    `);
  });
});
