// Main-thread handle on one engine worker, and the one way to call it: raced against the worker's death and a
// deadline. Comlink alone leaves a call pending forever when its worker dies or is terminated (comlink#428),
// so every call goes through `within`. The page simulates nothing itself; there is no main-thread fallback.
import type { Remote } from 'comlink';
import type { EngineApi } from './engineApi';

export interface EngineEndpoint {
  readonly remote: Remote<EngineApi>;
  /** Never resolves; rejects with WorkerGoneError once the worker has died or been terminated. */
  readonly gone: Promise<never>;
  /** Ends the worker now (a running call is abandoned); `gone` rejects. */
  terminate(): void;
}

/** Starts one engine worker; `name` shows in the browser's developer tools. */
export type SpawnEngine = (name: string) => EngineEndpoint;

/** The worker died (script failed to load, uncaught error, unreadable message) or was terminated. */
export class WorkerGoneError extends Error {
  override name = 'WorkerGoneError';
}

/** A call did not settle within its deadline. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/** `call`, unless the worker dies first (WorkerGoneError) or `deadlineMs` passes (DeadlineError). */
export async function within<T>(endpoint: EngineEndpoint, call: Promise<T>, deadlineMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} did not finish within ${formatMs(deadlineMs)}`)), deadlineMs);
  });
  try {
    return await Promise.race([call, endpoint.gone, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
