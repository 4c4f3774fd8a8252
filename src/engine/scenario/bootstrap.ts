import type { BootstrapScenario } from '../params/riskParams';
import type { PathRng } from '../rng/pathRng';
import { clampPrice, preparePathBase, type PreparedPathBase, type ScenarioMarket } from './pathBase';
import { exp, log } from '../rng/fdlibmExpLog';

export interface PreparedBootstrap extends PreparedPathBase {
  readonly kind: 'bootstrap';
  /** log(p[i+1] / p[i]) of the historical series. */
  readonly logReturns: Float64Array;
  readonly blockSteps: number;
}

/**
 * Parses the series once per run into its log returns.
 * @throws RangeError when a price is not finite and > 0, or blockSteps is not in 1..prices.length − 1
 */
export function prepareBootstrap(scenario: BootstrapScenario, market: ScenarioMarket): PreparedBootstrap {
  const base = preparePathBase(market);
  const prices = scenario.prices.map(Number);
  const { blockSteps } = scenario;
  if (!(Number.isInteger(blockSteps) && blockSteps >= 1 && blockSteps <= prices.length - 1)) {
    throw new RangeError(`bootstrap blockSteps must be an integer in 1..${prices.length - 1}, got ${blockSteps}`);
  }
  const logReturns = new Float64Array(prices.length - 1);
  for (let i = 1; i < prices.length; i++) {
    const a = prices[i - 1]!;
    const b = prices[i]!;
    if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) throw new RangeError(`bootstrap prices[${i}] must be finite and > 0`);
    logReturns[i - 1] = log(b / a);
  }
  return { ...base, kind: 'bootstrap', logReturns, blockSteps };
}

/**
 * Moving-block bootstrap: from initialPrice, append blocks of blockSteps consecutive historical returns, each
 * starting at a uniform index in 0..returns − blockSteps (one rng.nextInt per block), the last block cut at the
 * horizon. Every return of the series is drawn with (nearly) equal probability, so a path's one-step returns
 * follow the series' distribution; within a block their order (volatility clustering, a crash's sequence) is kept.
 */
export function drawBootstrap(prepared: PreparedBootstrap, rng: PathRng, out: Float64Array): void {
  const { steps, initialPrice, logReturns, blockSteps, minPrice, maxPrice } = prepared;
  const starts = logReturns.length - blockSteps + 1;
  out[0] = initialPrice;
  let logRatio = 0;
  let t = 1;
  while (t < steps) {
    const start = rng.nextInt(starts);
    for (let j = 0; j < blockSteps && t < steps; j++, t++) {
      logRatio += logReturns[start + j]!;
      out[t] = clampPrice(initialPrice * exp(logRatio), minPrice, maxPrice);
    }
  }
}
