// Main-thread side of rare-event mode: the paths [0, paths) of one run, importance-sampled in fixed chunks
// dealt to whichever simulation worker is free, then summarized by the aggregator. A chunk's paths and weights
// depend only on (params, seed, path index), and the summary merges the chunks in path order, so the numbers
// do not depend on the number of workers or on which worker ran which chunk.
import { transfer } from 'comlink';
import type { ImportanceSummary, WeightedRangeResult } from '../../src/engine/index';
import type { EngineEndpoint } from './engineEndpoint';
import { within } from './workerSeam';
import { weightedBuffers } from '../shared/weightedTransfer';
import type { RiskParams } from '../shared/protocol';

export interface ImportanceRequest {
  params: RiskParams;
  seed: number;
  paths: number;
}

export interface ImportanceRunDeps {
  workers: EngineEndpoint[];
  aggregator: EngineEndpoint;
  /** False once the request was replaced or cancelled: no more chunks are sent and the answer is null. */
  isCurrent: () => boolean;
  /** Deadline of one chunk and of the summary, ms. */
  deadlineMs: number;
  chunkPaths?: number;
}

/**
 * Paths per chunk: small, so a new plain run waits at most one short chunk per worker (its chunks queue behind
 * it, and their deadlines count from when they are sent) and a cancel stops soon.
 */
export const IMPORTANCE_CHUNK_PATHS = 16;

/** The importance summary of the request, or null when it stopped being current. Rejects with the worker's error. */
export async function runImportanceOn(deps: ImportanceRunDeps, request: ImportanceRequest): Promise<ImportanceSummary | null> {
  const chunk = deps.chunkPaths ?? IMPORTANCE_CHUNK_PATHS;
  const parts: WeightedRangeResult[] = [];
  let next = 0;
  const { params, seed, paths } = request;
  const drain = async (worker: EngineEndpoint): Promise<void> => {
    while (next < paths && deps.isCurrent()) {
      const from = next;
      const to = Math.min(paths, from + chunk);
      next = to;
      parts.push(await within(worker, worker.remote.importanceRange({ params, seed, from, to }), deps.deadlineMs, `Rare-event paths ${from}–${to - 1}`));
    }
  };
  await Promise.all(deps.workers.map(drain));
  if (!deps.isCurrent()) return null;
  const buffers = parts.flatMap(weightedBuffers);
  const summary = await within(deps.aggregator, deps.aggregator.remote.importanceSummary(transfer({ params, seed, parts }, buffers)), deps.deadlineMs, 'Summarizing the rare-event paths');
  return deps.isCurrent() ? summary : null;
}
