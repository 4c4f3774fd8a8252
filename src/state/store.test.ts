// The store's run logic in Node, against a fake engine pool (no Worker) and a hand-cranked frame scheduler:
// what the pool reports is published once per frame and only for the run in flight, a change of inputs
// restarts the run (once per task), the old summary stays visible as stale, and a failure is shown.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../engine/params/defaults';
import type { RunEngine, RunListener, RunRequest } from './engines';
import type { AggregateSnapshot, RunSummary } from '../../workers/shared/protocol';
import { createAppStore } from './store';
import { MIN_FLUSH_INTERVAL_MS } from './runSlice';

interface Started {
  request: RunRequest;
  listener: RunListener;
}

function fakeEngine() {
  const runs: Started[] = [];
  const shown: [number, number][] = [];
  let cancels = 0;
  const engine: RunEngine = {
    start: (request, listener) => void runs.push({ request, listener }),
    cancel: () => void cancels++,
    showPath: (runId, pathIndex) => void shown.push([runId, pathIndex]),
    dispose: () => undefined,
  };
  return { engine, runs, shown, cancels: () => cancels };
}

/** A frame scheduler the test advances by hand. */
function manualFrames() {
  let queue: (() => void)[] = [];
  return {
    schedule: (flush: () => void) => void queue.push(flush),
    frame: () => {
      const due = queue;
      queue = [];
      for (const flush of due) flush();
    },
    pending: () => queue.length,
  };
}

const summaryWith = (pSocialized: number) => ({ paths: 200, pSocialized }) as RunSummary;
const snapshot = (runId: number, pSocialized: number): AggregateSnapshot => ({
  runId,
  pathsCovered: 200,
  summary: summaryWith(pSocialized),
  baselineSummary: null,
  comparison: null,
  elapsedMs: 1,
});
const tick = () => new Promise<void>((r) => queueMicrotask(r));

function setup() {
  const fake = fakeEngine();
  const frames = manualFrames();
  const store = createAppStore({ run: fake.engine }, { schedule: frames.schedule });
  return { ...fake, frames, store };
}

/** A started run's listener, and how many times the store has changed since. */
function startedRun() {
  const { store, runs, frames } = setup();
  store.getState().startRun();
  let updates = 0;
  store.subscribe(() => void updates++);
  return { store, frames, listener: runs[0]!.listener, updates: () => updates };
}

describe('run slice', () => {
  it('starts idle with the default parameters and 1,000 paths', () => {
    const { store, runs } = setup();
    const s = store.getState();
    expect(s).toMatchObject({ status: 'idle', summary: null, stale: false, error: null, samplePath: null, paths: 1000, seed: 1 });
    expect(s.params.version).toBe(1);
    expect(runs).toHaveLength(0);
  });

  it('sends the current parameters, seed, paths, baseline and sample path', () => {
    const { store, runs } = setup();
    store.getState().setSeed(42);
    store.getState().setPaths(50);
    store.getState().pinBaseline();
    store.getState().startRun();
    expect(store.getState()).toMatchObject({ runId: 1, status: 'running', progress: { pathsDone: 0, pathsTotal: 50, etaMs: null } });
    expect(runs).toHaveLength(1);
    const { request } = runs[0]!;
    expect(request).toMatchObject({ runId: 1, seed: 42, paths: 50, pathIndex: 0 });
    expect(request.params).toBe(store.getState().params);
    expect(request.baseline).toBe(store.getState().params);
  });

  it('publishes the first partial summary and the final one at once, every other report once per frame', async () => {
    const { store, listener, frames, updates } = startedRun();

    listener.progress({ pathsDone: 16, pathsTotal: 1000, elapsedMs: 20, etaMs: 1200 });
    listener.progress({ pathsDone: 48, pathsTotal: 1000, elapsedMs: 40, etaMs: 800 });
    expect(updates()).toBe(0);
    expect(frames.pending()).toBe(1);
    // The run's first summary does not wait for the frame, and takes the progress before it along.
    listener.snapshot(snapshot(1, 0.25), false);
    expect(updates()).toBe(1);
    expect(store.getState()).toMatchObject({ status: 'running', progress: { pathsDone: 48 }, summary: { pSocialized: 0.25 } });

    // The next partial summary waits until the page has drawn this one (the next frame) and then some.
    expect(listener.readyForSnapshot?.()).toBe(false);
    frames.frame();
    expect(updates()).toBe(1); // the frame asked for by the progress found it already published
    expect(listener.readyForSnapshot?.()).toBe(false);
    await new Promise((r) => setTimeout(r, 120));
    expect(listener.readyForSnapshot?.()).toBe(true);

    // Later partial summaries are merged into the next frame's update, like progress.
    listener.progress({ pathsDone: 400, pathsTotal: 1000, elapsedMs: 200, etaMs: 300 });
    listener.snapshot(snapshot(1, 0.27), false);
    expect(updates()).toBe(1);
    frames.frame();
    expect(updates()).toBe(2);
    expect(store.getState()).toMatchObject({ progress: { pathsDone: 400 }, summary: { pSocialized: 0.27 } });

    listener.progress({ pathsDone: 1000, pathsTotal: 1000, elapsedMs: 500, etaMs: 0 });
    listener.snapshot(snapshot(1, 0.3), true);
    expect(store.getState()).toMatchObject({ status: 'done', progress: { pathsDone: 1000 }, summary: { pSocialized: 0.3 }, stale: false });
  });

  it('updates the store at most every MIN_FLUSH_INTERVAL_MS while a run streams', async () => {
    const { store, listener, frames, updates } = startedRun();

    listener.progress({ pathsDone: 16, pathsTotal: 1000, elapsedMs: 20, etaMs: 1200 });
    frames.frame();
    expect(updates()).toBe(1);
    // Right after an update, the next one waits out the interval before it even asks for a frame.
    listener.progress({ pathsDone: 32, pathsTotal: 1000, elapsedMs: 25, etaMs: 1100 });
    listener.progress({ pathsDone: 48, pathsTotal: 1000, elapsedMs: 30, etaMs: 1000 });
    expect(frames.pending()).toBe(0);
    await new Promise((r) => setTimeout(r, MIN_FLUSH_INTERVAL_MS + 20));
    expect(frames.pending()).toBe(1);
    frames.frame();
    expect(updates()).toBe(2);
    expect(store.getState().progress).toMatchObject({ pathsDone: 48 });
  });

  it('reruns when inputs change — once for changes made together — and keeps the old summary, stale, until the new one streams in', async () => {
    const { store, runs, frames } = setup();
    store.getState().setSeed(3); // before any run: nothing starts by itself
    await tick();
    expect(runs).toHaveLength(0);

    store.getState().startRun();
    runs[0]!.listener.snapshot(snapshot(1, 0.1), true);
    expect(store.getState()).toMatchObject({ status: 'done', stale: false });

    store.getState().setSeed(4);
    store.getState().setPaths(300);
    await tick();
    expect(runs).toHaveLength(2);
    expect(runs[1]!.request).toMatchObject({ runId: 2, seed: 4, paths: 300 });
    expect(store.getState()).toMatchObject({ status: 'running', stale: true, summary: { pSocialized: 0.1 } });

    runs[1]!.listener.snapshot(snapshot(2, 0.2), false);
    frames.frame();
    expect(store.getState()).toMatchObject({ status: 'running', stale: false, summary: { pSocialized: 0.2 } });

    store.getState().pinBaseline();
    await tick();
    expect(runs).toHaveLength(3);
    store.getState().setSeed(4); // unchanged: no run
    await tick();
    expect(runs).toHaveLength(3);
  });

  it('drops the reports of an older run', () => {
    const { store, runs, frames } = setup();
    store.getState().startRun();
    store.getState().startRun();
    runs[0]!.listener.snapshot(snapshot(1, 0.9), true);
    runs[0]!.listener.error('stale failure');
    runs[0]!.listener.progress({ pathsDone: 5, pathsTotal: 1000, elapsedMs: 1, etaMs: 1 });
    frames.frame();
    expect(store.getState()).toMatchObject({ runId: 2, status: 'running', summary: null, error: null, progress: { pathsDone: 0 } });
    runs[1]!.listener.snapshot(snapshot(2, 0.5), true);
    expect(store.getState()).toMatchObject({ status: 'done', summary: { pSocialized: 0.5 } });
  });

  it('shows a failed run with its message, and a retry runs again', () => {
    const { store, runs } = setup();
    store.getState().startRun();
    runs[0]!.listener.error('The parameters were refused:\nmargin.maintenanceMarginRatio: too large');
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toContain('margin.maintenanceMarginRatio');
    store.getState().startRun();
    expect(store.getState()).toMatchObject({ status: 'running', error: null });
    runs[1]!.listener.snapshot(snapshot(2, 0.5), true);
    expect(store.getState()).toMatchObject({ status: 'done', error: null });
  });

  it('shows an engine that refuses to start as a run error', () => {
    const fake = fakeEngine();
    const store = createAppStore({ run: { ...fake.engine, start: () => { throw new Error('the engine pool has been disposed'); } } });
    store.getState().startRun();
    expect(store.getState()).toMatchObject({ status: 'error', error: 'the engine pool has been disposed' });
  });

  it('cancels: the pool is told, the status returns to idle, later reports are dropped', () => {
    const { store, runs, frames, cancels } = setup();
    store.getState().startRun();
    store.getState().cancelRun();
    expect(cancels()).toBe(1);
    expect(store.getState().status).toBe('idle');
    runs[0]!.listener.snapshot(snapshot(1, 0.4), true);
    frames.frame();
    expect(store.getState()).toMatchObject({ status: 'idle', summary: null });
  });

  it('keeps the sample path of the view: a new pathIndex is asked of the pool, and what comes back is shown', () => {
    const { store, runs, shown, frames } = setup();
    store.getState().startRun();
    store.getState().setPathIndex(12);
    expect(shown).toEqual([[1, 12]]);
    const sample = { pathIndex: 12, stepOfPoint: [0], price: [100], fundBalanceQuote: [1], cumBadDebtQuote: [0], cumSocializedLossQuote: [0], cumLiquidatedNotionalQuote: [0] };
    runs[0]!.listener.samplePath(sample);
    frames.frame();
    expect(store.getState().samplePath).toEqual(sample);
  });

  it('reset restores the default parameters', () => {
    const { store } = setup();
    const { params, setParams, resetParams } = store.getState();
    setParams({ ...params, insuranceFund: { ...params.insuranceFund, initial: '123456' } });
    expect(store.getState().params.insuranceFund.initial).toBe('123456');
    resetParams();
    expect(store.getState().params).toEqual(defaultParams());
  });
});
