// Worker side of simulation: one simulator per (params, seed) key, built once per run and then asked for many
// path ranges. A small LRU, so a proposal and its baseline (and the run before them) stay warm. The simulators
// share one PricePathStore: after an edit that keeps the scenario and the seed, the paths this worker simulated
// before come without drawing their prices again. It keeps one scenario and seed (a proposal and its baseline
// share theirs unless the proposal moves the scenario): a seed change leaves the old seed's paths to the GC.
import { createSimulator, PRICE_PATH_STORE_BYTES, PricePathStore, requireRunInputs, type Simulator } from '../../src/engine/index';
import type { PrepareRequest, PrepareResponse, RangeChunk, RangeJob, WarmUpRequest } from '../shared/protocol';

/** Simulators kept per worker: a run uses at most two keys (proposal, baseline), and the pool relies on ≥ 2. */
export const SIMULATOR_CACHE_SIZE = 2;

export interface SimulatorCache {
  prepare(request: PrepareRequest): PrepareResponse;
  runRange(job: RangeJob): RangeChunk;
  /** Builds and runs a simulator outside the cache (WarmUpRequest); returns the wall time, ms. */
  warmUp(request: WarmUpRequest): number;
}

export function createSimulatorCache(
  capacity = SIMULATOR_CACHE_SIZE,
  now: () => number = () => performance.now(),
  pricePaths: PricePathStore = new PricePathStore(PRICE_PATH_STORE_BYTES, 1),
): SimulatorCache {
  // A Map iterates in insertion order: the first key is the least recently used.
  const cache = new Map<string, Simulator>();

  const touch = (key: string, simulator: Simulator) => {
    cache.delete(key);
    cache.set(key, simulator);
    while (cache.size > capacity) cache.delete(cache.keys().next().value as string);
  };

  return {
    prepare(request) {
      const started = now();
      const hit = cache.get(request.key);
      if (hit) {
        touch(request.key, hit);
        return { key: request.key, accounts: hit.population.count, cached: true, elapsedMs: now() - started };
      }
      // Structured clone delivers whatever the page sent: validate again here, at the engine's door.
      const { params, run } = requireRunInputs({ params: request.params, run: { seed: request.seed } });
      const simulator = createSimulator(params, run.seed, { pricePaths });
      touch(request.key, simulator);
      return { key: request.key, accounts: simulator.population.count, cached: false, elapsedMs: now() - started };
    },

    warmUp(request) {
      const started = now();
      const { params, run } = requireRunInputs({ params: request.params, run: { seed: request.seed } });
      createSimulator(params, run.seed).run(0, request.paths);
      return now() - started;
    },

    runRange(job) {
      const simulator = cache.get(job.key);
      if (!simulator) throw new Error(`engine worker: no simulator prepared for key ${job.key} (prepare it first)`);
      const started = now();
      const result = simulator.run(job.from, job.to);
      return { runId: job.runId, side: job.side, elapsedMs: now() - started, result };
    },
  };
}
