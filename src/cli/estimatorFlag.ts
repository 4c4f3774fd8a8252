import { UsageError } from './args';

export type Estimator = 'plain' | 'importance';

/** --estimator: 'plain' Monte Carlo (the default) or 'importance' sampling of rare losses. */
export function estimatorFlag(raw: string | undefined): Estimator {
  if (raw === undefined || raw === 'plain') return 'plain';
  if (raw === 'importance') return 'importance';
  throw new UsageError(`--estimator must be 'plain' or 'importance', got '${raw}'`);
}
