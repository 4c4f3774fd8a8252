// The one seam between the main thread and any worker (engine, planner, fit): how a worker is started and how a
// call to it is made. Comlink alone leaves a call pending forever when its worker dies or is terminated
// (comlink#428), so every call goes through `within`, which races it against the worker's death, a deadline and
// an optional AbortSignal, and names each way it can fail with its own error type.
import { wrap, type Endpoint, type Remote } from 'comlink';

/** A main-thread handle on one worker whose Comlink API is `Api`. */
export interface WorkerEndpoint<Api> {
  readonly remote: Remote<Api>;
  /** Never resolves; rejects with WorkerGoneError once the worker has died or been terminated. */
  readonly gone: Promise<never>;
  /** Ends the worker now (a running call is abandoned); `gone` rejects. */
  terminate(): void;
}

/** Starts one worker; `name` shows in the browser's developer tools. */
export type SpawnWorker<Api> = (name: string) => WorkerEndpoint<Api>;

/** The worker died (script failed to load, uncaught error, unreadable message) or was terminated. */
export class WorkerGoneError extends Error {
  override name = 'WorkerGoneError';
}

/** A call did not settle within its deadline. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/** The caller gave up on a call (its AbortSignal fired). */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** What a started worker must offer; a structural type so Node tests can pass a fake. */
export type WorkerLike = Endpoint & { terminate(): void };

/**
 * Wraps a started worker as an endpoint. `start` constructs it, because Vite bundles a worker only when it sees
 * `new Worker(new URL('…', import.meta.url))` written at the call site: a URL passed in from elsewhere would be
 * copied as an unbundled .ts asset. `label` names the worker in error messages ("The engine worker failed…").
 */
export function spawnWorker<Api>(start: () => WorkerLike, label: string, name: string): WorkerEndpoint<Api> {
  const worker = start();
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
    // The page shows this error itself (as the run's or request's error); do not report it a second time.
    event.preventDefault();
    end(new WorkerGoneError(describeWorkerError(label, event)));
  });
  worker.addEventListener('messageerror', () => end(new WorkerGoneError(`The ${label} worker sent a message that could not be read.`)));
  return { remote: wrap<Api>(worker), gone, terminate: () => end(new WorkerGoneError(`The ${label} worker ${name} was terminated.`)) };
}

function describeWorkerError(label: string, event: Event): string {
  // Duck-typed rather than `instanceof ErrorEvent`: Node (where the tests run) has no ErrorEvent.
  const message = (event as { message?: unknown }).message;
  if (typeof message === 'string' && message) return `The ${label} worker failed: ${message}`;
  return `The ${label} worker failed to start (its script could not be loaded).`;
}

/**
 * `call`, unless the worker dies first (WorkerGoneError), `deadlineMs` passes (DeadlineError) or `signal` aborts
 * (CancelledError). Settling early does not stop the worker: whoever owns it terminates it if its answer is unwanted.
 */
export async function within<T>(
  endpoint: Pick<WorkerEndpoint<unknown>, 'gone'>,
  call: Promise<T>,
  deadlineMs: number,
  what: string,
  signal?: AbortSignal,
): Promise<T> {
  if (signal?.aborted) throw new CancelledError(`${what} was cancelled`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} did not finish within ${formatMs(deadlineMs)}`)), deadlineMs);
  });
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => reject(new CancelledError(`${what} was cancelled`));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([call, endpoint.gone, deadline, cancelled]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
