// Main-thread side of the worker seam. It owns one engine worker, calls it through Comlink, and turns every
// way a worker can fail (a thrown engine error, a script that does not load, an unreadable message) into a
// rejected promise — Comlink alone would leave a call pending forever when the worker dies (comlink#428).
// The page simulates nothing itself; there is no main-thread fallback.
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from './engine.worker';
import type { RunRequest, RunResponse } from './protocol';

export interface EngineClient {
  runSummary(request: RunRequest): Promise<RunResponse>;
  /** Terminates the worker; a later call starts a fresh one. */
  dispose(): void;
}

interface LiveWorker {
  worker: Worker;
  remote: Remote<EngineApi>;
  /** Rejects when the worker reports an error outside a call (load failure, uncaught error). */
  failed: Promise<never>;
}

function describeWorkerError(event: Event): string {
  if (event instanceof ErrorEvent && event.message) return `The engine worker failed: ${event.message}`;
  return 'The engine worker failed to start (its script could not be loaded).';
}

function startWorker(onDead: (worker: Worker) => void): LiveWorker {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'haircut-engine' });
  const failed = new Promise<never>((_, reject) => {
    const fail = (error: Error) => {
      onDead(worker);
      worker.terminate();
      reject(error);
    };
    worker.addEventListener('error', (event) => fail(new Error(describeWorkerError(event))));
    worker.addEventListener('messageerror', () => fail(new Error('The engine worker sent a message that could not be read.')));
  });
  // A failure with no call waiting is not lost: the worker is dropped, and the next call starts a new one.
  failed.catch(() => undefined);
  return { worker, remote: wrap<EngineApi>(worker), failed };
}

export function createEngineClient(): EngineClient {
  let live: LiveWorker | null = null;
  const forget = (dead: Worker) => {
    if (live?.worker === dead) live = null;
  };

  return {
    runSummary(request) {
      live ??= startWorker(forget);
      return Promise.race([live.remote.runSummary(request), live.failed]);
    },
    dispose() {
      live?.worker.terminate();
      live = null;
    },
  };
}
