// The page's population-inclusive interval on P(socialized): the K batches of populationBatches run in their
// own engine workers (started for the request, ended when it settles), a few at a time, with progress after
// each batch. Kept apart from the Monte Carlo pool (workers/client/pool.ts) so a run never waits behind it and the
// pool needs no change; each batch is the engine's populationBatchSocialized, so the interval equals the
// CLI's --population-ci for the same parameters, seed and paths. The main thread simulates nothing.
import { POPULATION_BATCHES, populationBatchPlan, populationInterval, type PopulationInterval, type RiskParams } from '../../src/engine/index';
import type { EngineEndpoint, SpawnEngine } from './engineEndpoint';
import { within } from './workerSeam';

export type { PopulationInterval };
/** The batch split the page shows before running (null: no population interval for this request). */
export { populationBatchPlan as populationCiPlan };

const BATCH_DEADLINE_MS = 10 * 60_000;

export interface PopulationCiRequest {
  params: RiskParams;
  seed: number;
  paths: number;
}

export interface PopulationCiOptions {
  /** Workers started at most (never more than the batches). */
  workers: number;
  /** Called after each finished batch. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting ends the workers at once and rejects with the signal's reason. */
  signal?: AbortSignal;
  batches?: number;
  deadlineMs?: number;
}

/** Null when the request has no population interval (an explicit population, or too few paths). */
export async function runPopulationCi(spawn: SpawnEngine, request: PopulationCiRequest, options: PopulationCiOptions): Promise<PopulationInterval | null> {
  const plan = populationBatchPlan(request.params, request.paths, options.batches ?? POPULATION_BATCHES);
  if (plan === null) return null;
  options.signal?.throwIfAborted();
  const workers: EngineEndpoint[] = [];
  const endAll = () => {
    for (const w of workers) w.terminate();
  };
  const aborted = new Promise<never>((_, reject) => {
    options.signal?.addEventListener('abort', () => {
      endAll();
      reject(options.signal!.reason instanceof Error ? options.signal!.reason : new Error('Cancelled'));
    });
  });
  aborted.catch(() => undefined);

  const counts = new Array<number>(plan.batches);
  let next = 0;
  let done = 0;
  const worker = async (endpoint: EngineEndpoint) => {
    while (next < plan.batches) {
      const batch = next++;
      const call = endpoint.remote.populationBatch({ params: request.params, seed: request.seed, plan, batch });
      counts[batch] = await within(endpoint, call, options.deadlineMs ?? BATCH_DEADLINE_MS, `Population batch ${batch + 1} of ${plan.batches}`);
      done++;
      options.onProgress?.(done, plan.batches);
    }
  };
  try {
    const n = Math.max(1, Math.min(Math.floor(options.workers), plan.batches));
    for (let i = 0; i < n; i++) workers.push(spawn(`haircut-population-${i + 1}`));
    await Promise.race([Promise.all(workers.map(worker)), aborted]);
  } finally {
    endAll();
  }
  return populationInterval(counts, plan.perBatch);
}
