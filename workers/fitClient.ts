// Runs one tape fit in a short-lived worker (workers/fit.worker.ts) and ends it: fits are rare and on demand.
import { wrap } from 'comlink';
import type { FitApi } from './fit.worker';

export type TapeFit = ReturnType<FitApi['fitTape']>;

export async function fitTapeInWorker(prices: Float64Array, stepSeconds: number): Promise<TapeFit> {
  const worker = new Worker(new URL('./fit.worker.ts', import.meta.url), { type: 'module', name: 'fit' });
  try {
    const failed = new Promise<never>((_, reject) => worker.addEventListener('error', () => reject(new Error('The fit worker failed to start.'))));
    return await Promise.race([wrap<FitApi>(worker).fitTape(prices, stepSeconds), failed]);
  } finally {
    worker.terminate();
  }
}
