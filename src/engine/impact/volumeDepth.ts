import { pow } from '../rng/fdlibmPow';

/**
 * Book depth that follows traded volume, for replays of tapes with volume (issue 15 item 4):
 *
 *   depth_t = depth × clamp((v_t / median v)^β, VOLUME_DEPTH_FLOOR, VOLUME_DEPTH_CAP)
 *
 * with v_t the volume at step t, the median over the whole replay, β = liquidation.impact.volumeExponent.
 * Why this shape: the square-root law of metaorder impact, I = Y·σ·√(Q/V) (Tóth et al.; fidelity review D5),
 * makes the notional that moves the price by 1 % proportional to traded volume V, so β = 1 is the law's own
 * exponent; β < 1 damps it. The file's depth is the book of an ordinary (median) candle.
 * Why the cap is 1: on 10 Oct 2025 volumes spiked while order books "thinned out to the point of appearing
 * empty" (Kaiko, 13 Oct 2025): a busy candle is no evidence of a deeper book, so volume only thins the book in
 * quiet candles and never deepens it beyond the file's depth (stress thinning is liquidation.impact.thinning).
 * Why the floor is 0.1: a candle that traded nothing still has resting quotes; a tenth of the ordinary depth is
 * our stated choice, so a zero-volume minute is very thin but not a book that cannot be traded.
 */
export const VOLUME_DEPTH_FLOOR = 0.1;
export const VOLUME_DEPTH_CAP = 1;
/** Allowed β: above 0 (absent is off), at most 2. */
export const VOLUME_EXPONENT_RANGE = { min: 0, minExclusive: true, max: 2 } as const;

/** The median of the volumes (the mean of the middle two for an even count); NaN for an empty list. */
export function medianVolume(volumes: readonly number[]): number {
  const sorted = Float64Array.from(volumes).sort();
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The depth multiplier of one step. */
export function volumeDepthFactor(volume: number, median: number, exponent: number): number {
  const raw = pow(volume / median, exponent);
  return raw < VOLUME_DEPTH_FLOOR ? VOLUME_DEPTH_FLOOR : raw > VOLUME_DEPTH_CAP ? VOLUME_DEPTH_CAP : raw;
}

/** Every step's depth multiplier; the volumes are validated (median above 0). */
export function volumeDepthFactors(volumes: readonly number[], exponent: number): Float64Array {
  const median = medianVolume(volumes);
  const factors = new Float64Array(volumes.length);
  for (let t = 0; t < volumes.length; t++) factors[t] = volumeDepthFactor(volumes[t]!, median, exponent);
  return factors;
}
