// Learn mode's line to the engine: one dedicated engine worker (not the Monte Carlo pool, so stepping through a
// path never waits behind a run), started on first use. Every call races the worker's death and a deadline
// (workerSeam.within); a dead worker is replaced on the next call. The main thread simulates nothing.
import type { EngineEndpoint, SpawnEngine } from './engineEndpoint';
import { within } from './workerSeam';
import type { LearnTrace, TraceRequest } from '../worker/traceJob';

export type { LearnTrace, TraceRequest };

const TRACE_DEADLINE_MS = 60_000;

export interface TraceClient {
  trace(request: TraceRequest): Promise<LearnTrace>;
  dispose(): void;
}

export function createTraceClient(spawn: SpawnEngine, deadlineMs = TRACE_DEADLINE_MS): TraceClient {
  let endpoint: EngineEndpoint | null = null;
  let dead = false;
  const current = (): EngineEndpoint => {
    if (endpoint === null || dead) {
      const fresh = spawn('haircut-learn');
      endpoint = fresh;
      dead = false;
      fresh.gone.catch(() => {
        if (endpoint === fresh) dead = true;
      });
    }
    return endpoint;
  };
  return {
    trace: (request) => {
      const worker = current();
      return within(worker, worker.remote.tracePath(request), deadlineMs, `Tracing path ${request.pathIndex + 1}`);
    },
    dispose: () => {
      endpoint?.terminate();
      endpoint = null;
    },
  };
}
