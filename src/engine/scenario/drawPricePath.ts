import { PathRng, RNG_STREAM } from '../rng/pathRng';
import { drawBootstrap } from './bootstrap';
import { drawCrash } from './crash';
import { drawGbm } from './gbm';
import { drawJump } from './jumpDiffusion';
import type { PreparedScenario } from './prepareScenario';
import { drawReplay } from './replay';

/**
 * Fills out[0 .. steps − 1] with path `pathIndex`'s oracle prices, quote per base; entries past steps are left
 * alone. Path i is a pure function of (prepared scenario, seed, i): its only randomness is the price stream
 * of PathRng(seed, i), so any worker, batch or order draws the same path (common random numbers).
 * out[0] is the initial price exactly (for crash, initialPrice · exp(shape at minute 0), which is initialPrice
 * unless a 0-minute crash starts at minute 0; for replay, the series' first price). Every price is finite and
 * within [1e-12, 1e12] × initialPrice.
 * The loop allocates nothing per step: write into a reused `out`.
 * @param seed run seed, a non-negative safe integer
 * @param pathIndex path number within the run, a non-negative safe integer
 * @param out reused buffer of length ≥ steps, quote per base
 * @throws RangeError when out is shorter than steps
 */
export function drawPricePath(prepared: PreparedScenario, seed: number, pathIndex: number, out: Float64Array): void {
  if (out.length < prepared.steps) {
    throw new RangeError(`out has length ${out.length}, the path needs ${prepared.steps}`);
  }
  const rng = new PathRng(seed, pathIndex, RNG_STREAM.price);
  switch (prepared.kind) {
    case 'gbm':
      return drawGbm(prepared, rng, out);
    case 'jump':
      return drawJump(prepared, rng, out);
    case 'crash':
      return drawCrash(prepared, rng, out);
    case 'replay':
      return drawReplay(prepared, rng, out);
    case 'bootstrap':
      return drawBootstrap(prepared, rng, out);
  }
}
