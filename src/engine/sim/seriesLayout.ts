/** Charts need about this many points per path; more would only cost memory and transfer time. */
export const TARGET_SERIES_POINTS = 144;

/**
 * Buckets of whole steps for the downsampled series: bucket = ceil(steps / 144) steps, each point is the state
 * at the last step of its bucket (the final step is always a point).
 */
export function seriesStepOfPoint(steps: number): Int32Array {
  const bucket = Math.max(1, Math.ceil(steps / TARGET_SERIES_POINTS));
  const points = Math.ceil(steps / bucket);
  return Int32Array.from({ length: points }, (_, j) => Math.min(steps - 1, (j + 1) * bucket - 1));
}
