import type { JumpScenario } from '../params/riskParams';
import type { PathRng } from '../rng/pathRng';
import { clampPrice, preparePathBase, type PreparedPathBase, type ScenarioMarket } from './pathBase';
import { poissonCdfTable, poissonFromUniform } from './poissonTable';
import { exp } from '../rng/fdlibmExpLog';
import { expm1 } from '../rng/fdlibmExpm1Log1p';

export interface PreparedJump extends PreparedPathBase {
  readonly kind: 'jump';
  /** (μ − λk − σ²/2)·dt with k = E[e^Y] − 1: the diffusion's log drift, compensated for the jumps. */
  readonly logDriftPerStep: number;
  /** σ·√dt. */
  readonly volPerStep: number;
  /** CDF of the number of jumps in one step, Poisson(λ·dt). */
  readonly jumpCountCdf: Float64Array;
  /** Mean and standard deviation of one jump's log size Y. */
  readonly jumpMean: number;
  readonly jumpStdev: number;
}

/**
 * Per-step constants of Merton jump diffusion. The drift is compensated, μ − λk with
 * k = exp(jumpMean + jumpStdev²/2) − 1, so E[S_t] = S_0·e^{μt} whatever the jumps.
 */
export function prepareJump(scenario: JumpScenario, market: ScenarioMarket): PreparedJump {
  const base = preparePathBase(market);
  const { driftAnnual: mu, volAnnual: sigma, jumpIntensityAnnual: lambda, jumpMean, jumpStdev } = scenario;
  // expm1 keeps k accurate for small jumps, where exp(·) − 1 would cancel.
  const meanJumpReturn = expm1(jumpMean + 0.5 * jumpStdev * jumpStdev);
  return {
    ...base,
    kind: 'jump',
    logDriftPerStep: (mu - lambda * meanJumpReturn - 0.5 * sigma * sigma) * base.stepYears,
    volPerStep: sigma * Math.sqrt(base.stepYears),
    jumpCountCdf: poissonCdfTable(lambda * base.stepYears),
    jumpMean,
    jumpStdev,
  };
}

/**
 * One GBM step plus N ~ Poisson(λ·dt) jumps of log size Normal(jumpMean, jumpStdev²). The N jumps' total is
 * drawn as one normal, N·jumpMean + jumpStdev·√N·Z (the sum of N independent normals), so a step costs the
 * same whatever N is. Draw order per step: diffusion normal, jump-count uniform, then the jump normal if N > 0.
 */
export function drawJump(prepared: PreparedJump, rng: PathRng, out: Float64Array): void {
  const { steps, initialPrice, logDriftPerStep, volPerStep, jumpCountCdf, jumpMean, jumpStdev, minPrice, maxPrice } =
    prepared;
  out[0] = initialPrice;
  if (normals.length < steps) {
    normals = new Float64Array(steps);
    uniforms = new Float64Array(steps);
  }
  // Steps without a jump are drawn in runs (normal, uniform per step); a run stops after a step with a jump, whose
  // jump normal is then drawn in its place in the stream.
  const noJumpLimit = jumpCountCdf[0]!;
  let logRatio = 0;
  let t = 1;
  while (t < steps) {
    const end = rng.fillNormalUniformSteps(normals, uniforms, t, steps, noJumpLimit);
    for (; t < end; t++) {
      logRatio += logDriftPerStep + volPerStep * normals[t]!;
      const jumps = poissonFromUniform(jumpCountCdf, uniforms[t]!);
      if (jumps > 0) logRatio += jumps * jumpMean + jumpStdev * Math.sqrt(jumps) * rng.nextNormal();
      out[t] = clampPrice(initialPrice * exp(logRatio), minPrice, maxPrice);
    }
  }
}

/** Reused across paths (one path is drawn at a time per worker). */
let normals = new Float64Array(0);
let uniforms = new Float64Array(0);
