import type { ReplayScenario } from '../params/riskParams';
import type { PathRng } from '../rng/pathRng';
import { drawNoisyBase, noiseStep, type NoiseStep } from './driftlessNoise';
import { clampPrice, preparePathBase, type PreparedPathBase, type ScenarioMarket } from './pathBase';

export interface PreparedReplay extends PreparedPathBase {
  readonly kind: 'replay';
  /** The series, one price per step, quote per base. */
  readonly prices: Float64Array;
  readonly noise: NoiseStep;
}

/**
 * Parses the series once per run. Number() gives the nearest double to each decimal string. Validation
 * refuses non-positive or malformed prices; should one get here anyway it is clamped into the price bounds
 * (a malformed string, NaN, goes to the floor) so a path is never NaN.
 * @throws RangeError when the series length differs from market.steps (one price per step is the contract).
 */
export function prepareReplay(scenario: ReplayScenario, market: ScenarioMarket): PreparedReplay {
  const base = preparePathBase(market);
  if (scenario.prices.length !== base.steps) {
    throw new RangeError(`replay has ${scenario.prices.length} prices, market.steps is ${base.steps}`);
  }
  const prices = new Float64Array(base.steps);
  scenario.prices.forEach((text, t) => {
    prices[t] = clampPrice(Number(text), base.minPrice, base.maxPrice);
  });
  return { ...base, kind: 'replay', prices, noise: noiseStep(scenario.noiseVolAnnual, base.stepYears) };
}

/**
 * The series itself when noiseVolAnnual is 0 (every path identical, out[0] = prices[0]); otherwise the series
 * times an independent driftless GBM factor per path, so paths differ but their mean follows the series.
 */
export function drawReplay(prepared: PreparedReplay, rng: PathRng, out: Float64Array): void {
  const { prices, steps, noise, minPrice, maxPrice } = prepared;
  drawNoisyBase(prices, steps, noise, minPrice, maxPrice, rng, out);
}
