// The engine worker's endpoint: the generic seam (workerSeam.ts) specialised to the engine's Comlink API, which
// the main thread knows by type only. The page simulates nothing itself; there is no main-thread fallback.
import type { EngineApi } from '../worker/engineApi';
import type { SpawnWorker, WorkerEndpoint } from './workerSeam';

export type EngineEndpoint = WorkerEndpoint<EngineApi>;

/** Starts one engine worker; `name` shows in the browser's developer tools. */
export type SpawnEngine = SpawnWorker<EngineApi>;
