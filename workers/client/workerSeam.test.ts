// The one worker seam (workerSeam.ts) in Node: a fake Worker carries Comlink's messages over a MessageChannel to
// a small exposed API, and the test plays the browser's part by dispatching the worker's error events.
import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { CancelledError, DeadlineError, WorkerGoneError, spawnWorker, within, type WorkerEndpoint } from './workerSeam';

interface TestApi {
  echo(text: string): string;
  /** Never answers: a worker that hangs without dying. */
  hang(): Promise<never>;
}

/** What the main thread sees of a worker: Comlink's messages, its error events, and terminate(). */
class FakeWorker extends EventTarget {
  terminated = 0;
  constructor(private readonly port: MessagePort) {
    super();
    port.addEventListener('message', (event) => this.dispatchEvent(new MessageEvent('message', { data: (event as MessageEvent).data })));
    port.start();
  }
  postMessage(data: unknown, transfer: Transferable[] = []): void {
    this.port.postMessage(data, transfer);
  }
  terminate(): void {
    this.terminated++;
    this.port.close();
  }
}

const openPorts: MessagePort[] = [];
afterEach(() => {
  for (const port of openPorts.splice(0)) port.close();
});

function start(): { worker: FakeWorker; endpoint: WorkerEndpoint<TestApi> } {
  const { port1, port2 } = new MessageChannel();
  openPorts.push(port1, port2);
  const api: TestApi = { echo: (text) => `echo ${text}`, hang: () => new Promise<never>(() => undefined) };
  expose(api, port2);
  let worker: FakeWorker | null = null;
  const endpoint = spawnWorker<TestApi>(() => (worker = new FakeWorker(port1)), 'test', 'haircut-test-1');
  return { worker: worker!, endpoint };
}

const LONG_MS = 60_000;

describe('spawnWorker', () => {
  it('calls the worker through Comlink', async () => {
    const { endpoint } = start();
    await expect(within(endpoint, endpoint.remote.echo('hi'), LONG_MS, 'Echo')).resolves.toBe('echo hi');
  });

  it('turns an uncaught error in the worker into WorkerGoneError, ends the worker and keeps the event from the console', async () => {
    const { worker, endpoint } = start();
    const call = within(endpoint, endpoint.remote.hang(), LONG_MS, 'Hanging');
    const event = Object.assign(new Event('error', { cancelable: true }), { message: 'boom' });
    worker.dispatchEvent(event);
    await expect(call).rejects.toThrow(WorkerGoneError);
    await expect(call).rejects.toThrow('The test worker failed: boom');
    expect(event.defaultPrevented).toBe(true);
    expect(worker.terminated).toBe(1);
  });

  it('reports a script that did not load, and an unreadable message, as WorkerGoneError', async () => {
    const notLoaded = start();
    notLoaded.worker.dispatchEvent(new Event('error', { cancelable: true }));
    await expect(notLoaded.endpoint.gone).rejects.toThrow('The test worker failed to start (its script could not be loaded).');
    const unreadable = start();
    unreadable.worker.dispatchEvent(new Event('messageerror'));
    await expect(unreadable.endpoint.gone).rejects.toThrow(WorkerGoneError);
    await expect(unreadable.endpoint.gone).rejects.toThrow('could not be read');
  });

  it('terminate() abandons the call in flight with WorkerGoneError, once', async () => {
    const { worker, endpoint } = start();
    const call = within(endpoint, endpoint.remote.hang(), LONG_MS, 'Hanging');
    endpoint.terminate();
    endpoint.terminate();
    await expect(call).rejects.toThrow(new WorkerGoneError('The test worker haircut-test-1 was terminated.'));
    expect(worker.terminated).toBe(1);
  });
});

describe('within', () => {
  it('rejects with DeadlineError when the worker hangs past the deadline', async () => {
    const { endpoint } = start();
    const call = within(endpoint, endpoint.remote.hang(), 20, 'Hanging');
    await expect(call).rejects.toThrow(DeadlineError);
    await expect(call).rejects.toThrow('Hanging did not finish within 20 ms');
  });

  it('rejects with CancelledError when the signal aborts, and at once when it already has', async () => {
    const { endpoint } = start();
    const controller = new AbortController();
    const call = within(endpoint, endpoint.remote.hang(), LONG_MS, 'Hanging', controller.signal);
    controller.abort();
    await expect(call).rejects.toThrow(CancelledError);
    await expect(within(endpoint, endpoint.remote.echo('late'), LONG_MS, 'Echo', controller.signal)).rejects.toThrow(new CancelledError('Echo was cancelled'));
  });

  it('an answer in time wins over the deadline and an unused signal', async () => {
    const { endpoint } = start();
    const controller = new AbortController();
    await expect(within(endpoint, endpoint.remote.echo('fast'), 1_000, 'Echo', controller.signal)).resolves.toBe('echo fast');
    controller.abort(); // after settling: nothing left listening, nothing rejects
  });
});
