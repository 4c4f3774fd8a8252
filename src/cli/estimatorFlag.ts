import { UsageError } from './args';
import type { EstimatorMode } from '../engine/index';

export type Estimator = 'plain' | 'importance';

/** --estimator: 'plain' Monte Carlo (the default) or 'importance' sampling of rare losses. */
export function estimatorFlag(raw: string | undefined): Estimator {
  if (raw === undefined || raw === 'plain') return 'plain';
  if (raw === 'importance') return 'importance';
  throw new UsageError(`--estimator must be 'plain', 'importance' or 'auto', got '${raw}'`);
}

/**
 * The estimator mode of `simulate`: --estimator if given ('auto' too: plain first, importance sampling when it
 * saw fewer than RARE_EVENT_THRESHOLD socialized paths and under IMPORTANCE_BELOW_P of them, as the page does),
 * else the share link's, else plain.
 */
export function estimatorModeOf(raw: string | undefined, fromLink: EstimatorMode | undefined): EstimatorMode {
  if (raw === 'auto') return 'auto';
  if (raw !== undefined) return estimatorFlag(raw);
  return fromLink ?? 'plain';
}
