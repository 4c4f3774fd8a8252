// Runs one tape fit in a short-lived worker (workers/worker/fit.worker.ts) and ends it: fits are rare and on demand.
import type { FitApi } from '../worker/fit.worker';
import { spawnWorker, within } from './workerSeam';

export type TapeFit = ReturnType<FitApi['fitTape']>;

/**
 * Generous on purpose (a jump fit takes about a second per 10,000 returns): the deadline only turns a worker that
 * hangs without dying into an error the page shows.
 */
export const FIT_DEADLINE_MS = 5 * 60_000;

export async function fitTapeInWorker(prices: Float64Array, stepSeconds: number): Promise<TapeFit> {
  const endpoint = spawnWorker<FitApi>(() => new Worker(new URL('../worker/fit.worker.ts', import.meta.url), { type: 'module', name: 'fit' }), 'fit', 'fit');
  try {
    return await within(endpoint, endpoint.remote.fitTape(prices, stepSeconds), FIT_DEADLINE_MS, 'Fitting the tape');
  } finally {
    endpoint.terminate();
  }
}
