// Test support for the main-thread clients (pool, liveness, population interval): an "engine worker" that is the
// real engine API behind a MessageChannel in this process, with the endpoint the clients get from a real spawn.
// Tests wrap the API to watch, hold or break calls; the channel, the `gone` promise and termination are here once.
// Node only (tsconfig.node.json); never bundled.
import { expose, wrap } from 'comlink';
import type { EngineEndpoint } from '../client/engineEndpoint';
import { WorkerGoneError } from '../client/workerSeam';
import { createEngineApi, type EngineApi } from '../worker/engineApi';

export interface InProcessWorker {
  readonly name: string;
  /** True once the worker has ended (terminated or crashed). */
  readonly ended: boolean;
  /** Ends the worker as a crash would: both ports close and `gone` rejects with WorkerGoneError(message). */
  end(message: string): void;
  /** Closes only the worker's side, as `self.close()` does: the page gets no event and no further answer. */
  closeSilently(): void;
}

const openPorts: MessagePort[] = [];

/** Closes every port the in-process workers opened; call it after each test. */
export function closeInProcessWorkers(): void {
  for (const port of openPorts.splice(0)) port.close();
}

/**
 * A worker named `name` serving the API that `serve` builds from the real one (return `real` itself, or a copy
 * with some methods wrapped). `onEnd` hears the worker end, whatever ended it.
 */
export function inProcessEngineWorker(
  name: string,
  serve: (real: EngineApi, worker: InProcessWorker) => EngineApi = (real) => real,
  onEnd: () => void = () => undefined,
): EngineEndpoint {
  const { port1, port2 } = new MessageChannel();
  openPorts.push(port1, port2);
  let reject: (error: Error) => void = () => undefined;
  const gone = new Promise<never>((_, fail) => {
    reject = fail;
  });
  gone.catch(() => undefined);
  let ended = false;
  const worker: InProcessWorker = {
    name,
    get ended() {
      return ended;
    },
    end(message) {
      if (ended) return;
      ended = true;
      port1.close();
      port2.close();
      onEnd();
      reject(new WorkerGoneError(message));
    },
    closeSilently() {
      port2.close();
    },
  };
  expose(serve(createEngineApi(), worker), port2);
  return { remote: wrap<EngineApi>(port1), gone, terminate: () => worker.end(`${name} terminated`) };
}
