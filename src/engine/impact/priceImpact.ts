import type { ImpactModel } from '../params/riskParams';
import { exp } from '../rng/fdlibmExpLog';

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
 * The average displacement over an order that moves this step's flow from `fromQuote` to `toQuote`: the integral
 * of the impact curve over the order divided by its size, i.e. the average price of walking the book, not the
 * post-order marginal price. With G the antiderivative of the shape g(x) (linear: x²/2, sqrt: ⅔·|x|^{3/2}):
 *   1 % · (G(x₁) − G(x₀)) / (x₁ − x₀),  x = flow / depth.
 * For a single order from zero flow this is half (linear) or two thirds (sqrt) of the marginal displacement.
 */
export function averageImpactDisplacement(model: ImpactModel, fromQuote: number, toQuote: number, depthQuote: number): number {
  if (model === 'none') return 0;
  const x0 = fromQuote / depthQuote;
  const x1 = toQuote / depthQuote;
  if (x1 === x0) return impactDisplacement(model, toQuote, depthQuote);
  const antiderivative = model === 'linear' ? (x: number) => 0.5 * x * x : (x: number) => (2 / 3) * Math.abs(x) * Math.sqrt(Math.abs(x));
  return (0.01 * (antiderivative(x1) - antiderivative(x0))) / (x1 - x0);
}

/**
 * The book thins under stress: the ±1 % depth falls exponentially with the index's drawdown from its running
 * peak, depth · exp(−thinning · drawdown). thinning 0 keeps the depth constant; 20 leaves ≈ 9 % of the depth
 * after a 12 % fall (the 10 Oct 2025 books "appearing empty", Kaiko).
 */
export function thinnedDepth(depthQuote: number, thinning: number, index: number, peakIndex: number): number {
  if (thinning === 0 || index >= peakIndex) return depthQuote;
  return depthQuote * exp(-thinning * (1 - index / peakIndex));
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
