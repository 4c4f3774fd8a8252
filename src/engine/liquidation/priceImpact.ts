import type { ImpactModel } from '../params/riskParams';

/**
 * Price displacement (a fraction of the undisturbed price) caused by a signed liquidation flow, in quote
 * notional (positive = buying). `depthQuote` is the notional that moves the price by 1 %, the "±1 % depth"
 * venues and data providers quote:
 *   linear: 1 % · flow / depth          sqrt: 1 % · sign(flow) · √(|flow| / depth)
 * The square root is the empirical "square-root law" of metaorder impact; linear is the simple book model.
 */
export function impactDisplacement(model: ImpactModel, flowQuote: number, depthQuote: number): number {
  if (model === 'none' || flowQuote === 0) return 0;
  const x = flowQuote / depthQuote;
  return model === 'linear' ? 0.01 * x : 0.01 * Math.sign(x) * Math.sqrt(Math.abs(x));
}

/**
 * The displacement never takes more than 99 % off the price (nor adds more than 10×): beyond that the
 * book is gone and the model says nothing useful; the floor keeps every price finite and positive.
 */
export const MIN_DISPLACEMENT = -0.99;
export const MAX_DISPLACEMENT = 9;

export function clampDisplacement(displacement: number): number {
  return displacement < MIN_DISPLACEMENT ? MIN_DISPLACEMENT : displacement > MAX_DISPLACEMENT ? MAX_DISPLACEMENT : displacement;
}

/** Per-step decay factor of a displacement with the given half-life: half of it is gone after halfLifeSteps. */
export function impactDecayPerStep(halfLifeSteps: number): number {
  return Math.pow(0.5, 1 / halfLifeSteps);
}

/** Below this a displacement is no longer a price move worth modelling (10^-12 of the price): it is snapped to 0. */
export const NEGLIGIBLE_DISPLACEMENT = 1e-12;

/** The displacement one step later; snapped to exactly 0 once negligible so quiet steps skip impact maths. */
export function decayDisplacement(displacement: number, decayPerStep: number): number {
  const next = displacement * decayPerStep;
  return Math.abs(next) < NEGLIGIBLE_DISPLACEMENT ? 0 : next;
}
