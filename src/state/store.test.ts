// The store's run logic in Node, against a fake engine client (no Worker): what comes back is kept, a failure is
// shown, and an answer for an older run never overwrites a newer one.
import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../../workers/engineClient';
import type { RunRequest, RunResponse, RunSummary } from '../../workers/protocol';
import { createAppStore } from './store';

interface Deferred {
  request: RunRequest;
  resolve: (response: RunResponse) => void;
  reject: (error: unknown) => void;
}

/** A fake engine whose calls settle only when the test says so. */
function fakeEngine() {
  const calls: Deferred[] = [];
  const engine: EngineClient = {
    runSummary: (request) =>
      new Promise<RunResponse>((resolve, reject) => {
        calls.push({ request, resolve, reject });
      }),
    dispose: () => undefined,
  };
  return { engine, calls };
}

const summaryWith = (pSocialized: number) => ({ paths: 200, pSocialized }) as RunSummary;

describe('run slice', () => {
  it('starts idle with the default parameters', () => {
    const store = createAppStore(fakeEngine().engine);
    const s = store.getState();
    expect(s.status).toBe('idle');
    expect(s.summary).toBeNull();
    expect(s.params.version).toBe(1);
    expect(s.seed).toBe(1);
  });

  it('sends the current parameters, seed and paths, and keeps what comes back', async () => {
    const { engine, calls } = fakeEngine();
    const store = createAppStore(engine);
    store.getState().setSeed(42);
    store.getState().setPaths(50);
    const settled = store.getState().startRun();

    expect(store.getState().status).toBe('running');
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.request).toMatchObject({ runId: 1, seed: 42, paths: 50 });
    expect(call.request.params).toBe(store.getState().params);

    call.resolve({ runId: 1, summary: summaryWith(0.25), elapsedMs: 12 });
    await settled;
    expect(store.getState()).toMatchObject({ status: 'done', summary: { pSocialized: 0.25 }, elapsedMs: 12, error: null });
  });

  it('shows a failed run with its message', async () => {
    const { engine, calls } = fakeEngine();
    const store = createAppStore(engine);
    const settled = store.getState().startRun();
    calls[0]!.reject(new Error('The parameters were refused:\nmargin.maintenanceMarginRatio: too large'));
    await settled;
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toContain('margin.maintenanceMarginRatio');
  });

  it('drops the answer of an older run', async () => {
    const { engine, calls } = fakeEngine();
    const store = createAppStore(engine);
    const first = store.getState().startRun();
    const second = store.getState().startRun();

    calls[1]!.resolve({ runId: 2, summary: summaryWith(0.5), elapsedMs: 1 });
    await second;
    calls[0]!.resolve({ runId: 1, summary: summaryWith(0.1), elapsedMs: 1 });
    await first;
    expect(store.getState()).toMatchObject({ runId: 2, status: 'done', summary: { pSocialized: 0.5 } });

    const third = store.getState().startRun();
    const fourth = store.getState().startRun();
    calls[2]!.reject(new Error('stale failure'));
    await third;
    expect(store.getState().status).toBe('running');
    calls[3]!.resolve({ runId: 4, summary: summaryWith(0.2), elapsedMs: 1 });
    await fourth;
    expect(store.getState()).toMatchObject({ status: 'done', error: null, summary: { pSocialized: 0.2 } });
  });

  it('reset restores the default parameters', () => {
    const store = createAppStore(fakeEngine().engine);
    const { params, setParams, resetParams } = store.getState();
    setParams({ ...params, margin: { ...params.margin, maintenanceMarginRatio: 0.2 } });
    expect(store.getState().params.margin.maintenanceMarginRatio).toBe(0.2);
    resetParams();
    expect(store.getState().params.margin.maintenanceMarginRatio).toBe(0.05);
  });
});
