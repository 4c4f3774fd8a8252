// Starts a real Web Worker running workers/worker/engine.worker.ts (kept apart from the pool so Node tests never
// meet the Worker constructor). Its death rejects `gone`, which every call races (workerSeam.within).
import type { EngineApi } from '../worker/engineApi';
import type { SpawnEngine } from './engineEndpoint';
import { spawnWorker } from './workerSeam';

/** A real Web Worker running workers/worker/engine.worker.ts. */
export const spawnEngineWorker: SpawnEngine = (name) =>
  spawnWorker<EngineApi>(() => new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name }), 'engine', name);
