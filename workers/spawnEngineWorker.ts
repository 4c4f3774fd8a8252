// Starts a real Web Worker running workers/engine.worker.ts (kept apart from the pool so Node tests never meet
// the Worker constructor). Its death — a script that does not load, an uncaught error, an unreadable message —
// rejects `gone`, which every call races (engineEndpoint.ts).
import { wrap } from 'comlink';
import type { EngineApi } from './engineApi';
import { WorkerGoneError, type SpawnEngine } from './engineEndpoint';

function describeWorkerError(event: Event): string {
  if (event instanceof ErrorEvent && event.message) return `The engine worker failed: ${event.message}`;
  return 'The engine worker failed to start (its script could not be loaded).';
}

/** A real Web Worker running workers/engine.worker.ts. */
export const spawnEngineWorker: SpawnEngine = (name) => {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name });
  let reject: (error: Error) => void = () => undefined;
  const gone = new Promise<never>((_, fail) => {
    reject = fail;
  });
  // Whoever races it sees the rejection; with no call waiting, it is not an unhandled rejection.
  gone.catch(() => undefined);
  let alive = true;
  const end = (error: Error) => {
    if (!alive) return;
    alive = false;
    worker.terminate();
    reject(error);
  };
  worker.addEventListener('error', (event) => {
    // The page shows this error itself (run status 'error'); do not report it a second time.
    event.preventDefault();
    end(new WorkerGoneError(describeWorkerError(event)));
  });
  worker.addEventListener('messageerror', () => end(new WorkerGoneError('The engine worker sent a message that could not be read.')));
  return { remote: wrap<EngineApi>(worker), gone, terminate: () => end(new WorkerGoneError(`The engine worker ${name} was terminated.`)) };
};
