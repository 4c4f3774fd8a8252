import type { PathRng } from '../rng/pathRng';
import { clampPrice } from './pathBase';
import { exp } from '../rng/fdlibmExpLog';
import { drawStepNormals } from './stepNormals';

/** Per-step constants of a driftless-in-expectation GBM factor: E[exp(noise_t)] = 1 at every step. */
export interface NoiseStep {
  /** −σ²/2·dt, the Itô correction that keeps the factor's mean at 1. */
  readonly logDriftPerStep: number;
  /** σ·√dt. */
  readonly volPerStep: number;
}

/** Noise constants for annualized volatility σ over steps of dt years. */
export function noiseStep(volAnnual: number, stepYears: number): NoiseStep {
  return { logDriftPerStep: -0.5 * volAnnual * volAnnual * stepYears, volPerStep: volAnnual * Math.sqrt(stepYears) };
}

/**
 * out[t] = base[t] · exp(noise_t) for t < steps, noise_0 = 0 (so out[0] = base[0] exactly), then clamped. The
 * mean price follows the base series; with zero volatility the base is copied and no random number is drawn,
 * so every path is exactly the base.
 * @param base deterministic prices, quote per base, length ≥ steps
 */
export function drawNoisyBase(
  base: Float64Array,
  steps: number,
  noise: NoiseStep,
  minPrice: number,
  maxPrice: number,
  rng: PathRng,
  out: Float64Array,
): void {
  const { logDriftPerStep, volPerStep } = noise;
  if (volPerStep === 0) {
    out.set(base.subarray(0, steps));
    return;
  }
  // Indices stay below steps ≤ base.length, so the reads are defined.
  out[0] = base[0]!;
  const normals = drawStepNormals(rng, steps - 1);
  let logNoise = 0;
  for (let t = 1; t < steps; t++) {
    logNoise += logDriftPerStep + volPerStep * normals[t - 1]!;
    out[t] = clampPrice(base[t]! * exp(logNoise), minPrice, maxPrice);
  }
}
