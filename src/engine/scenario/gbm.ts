import type { GbmScenario } from '../params/riskParams';
import type { PathRng } from '../rng/pathRng';
import { clampPrice, preparePathBase, type PreparedPathBase, type ScenarioMarket } from './pathBase';
import { exp } from '../rng/fdlibmExpLog';
import { drawStepNormals } from './stepNormals';

export interface PreparedGbm extends PreparedPathBase {
  readonly kind: 'gbm';
  /** (μ − σ²/2)·dt: the mean of one step's log return. */
  readonly logDriftPerStep: number;
  /** σ·√dt: the standard deviation of one step's log return. */
  readonly volPerStep: number;
}

/** Per-step constants of geometric Brownian motion with annualized drift μ and volatility σ. */
export function prepareGbm(scenario: GbmScenario, market: ScenarioMarket): PreparedGbm {
  const base = preparePathBase(market);
  const { driftAnnual: mu, volAnnual: sigma } = scenario;
  return {
    ...base,
    kind: 'gbm',
    logDriftPerStep: (mu - 0.5 * sigma * sigma) * base.stepYears,
    volPerStep: sigma * Math.sqrt(base.stepYears),
  };
}

/**
 * dS = μS dt + σS dW sampled exactly: S_{t+1} = S_t · exp((μ − σ²/2)dt + σ√dt·Z), one normal per step.
 * The log ratio is accumulated and exponentiated from S_0 each step, so rounding does not compound through
 * repeated products, and the clamp bounds only what is written, never the path's dynamics.
 */
export function drawGbm(prepared: PreparedGbm, rng: PathRng, out: Float64Array): void {
  const { steps, initialPrice, logDriftPerStep, volPerStep, minPrice, maxPrice } = prepared;
  out[0] = initialPrice;
  const normals = drawStepNormals(rng, steps - 1);
  let logRatio = 0;
  for (let t = 1; t < steps; t++) {
    logRatio += logDriftPerStep + volPerStep * normals[t - 1]!;
    out[t] = clampPrice(initialPrice * exp(logRatio), minPrice, maxPrice);
  }
}
