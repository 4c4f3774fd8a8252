// The population-inclusive interval's actions in Node against a fake engine: progress, the answer for the
// inputs it was asked for, an error in words, and cancel (or a newer request) ending the one in flight.
import { describe, expect, it } from 'vitest';
import type { AggregateSnapshot, RunSummary } from '../../workers/shared/protocol';
import type { PopulationCiEngine, PopulationInterval, RunEngine, RunListener } from './engines';
import { populationCiKey } from './populationCiSlice';
import { createAppStore } from './store';

const idleEngine: RunEngine = { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };

function fakeCi(plan: { batches: number; perBatch: number } | null = { batches: 4, perBatch: 50 }) {
  const runs: { signal: AbortSignal; onProgress: (done: number, total: number) => void; resolve: (r: PopulationInterval) => void; reject: (e: Error) => void }[] = [];
  const engine: PopulationCiEngine = {
    plan: () => plan,
    run: (_request, options) =>
      new Promise((resolve, reject) => {
        options.signal?.addEventListener('abort', () => reject(options.signal!.reason as Error));
        runs.push({ signal: options.signal!, onProgress: options.onProgress!, resolve, reject });
      }),
  };
  return { engine, runs };
}

const interval = { interval: [0.01, 0.05], pSocialized: 0.03, populations: 4, pathsPerPopulation: 50, perPopulation: [0.02, 0.04, 0.03, 0.03] } as unknown as PopulationInterval;
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

describe('population interval slice', () => {
  it('reports progress and then the interval, keyed by the params, seed and paths it was run for', async () => {
    const { engine, runs } = fakeCi();
    const store = createAppStore({ run: idleEngine, populationCi: engine });
    const { params, seed, paths } = store.getState();
    const key = populationCiKey(params, seed, paths);
    store.getState().startPopulationCi();
    expect(store.getState().populationCiRun).toEqual({ kind: 'running', key, done: 0, total: 4 });
    runs[0]!.onProgress(3, 4);
    expect(store.getState().populationCiRun).toEqual({ kind: 'running', key, done: 3, total: 4 });
    runs[0]!.resolve(interval);
    await settle();
    expect(store.getState().populationCiRun).toEqual({ kind: 'done', key, result: interval });
    store.getState().setSeed(seed + 1);
    expect(populationCiKey(store.getState().params, store.getState().seed, paths)).not.toBe(key);
  });

  it('shows an error in words', async () => {
    const { engine, runs } = fakeCi();
    const store = createAppStore({ run: idleEngine, populationCi: engine });
    store.getState().startPopulationCi();
    runs[0]!.reject(new Error('Population batch 2 of 4 took too long'));
    await settle();
    expect(store.getState().populationCiRun).toMatchObject({ kind: 'error', message: 'Population batch 2 of 4 took too long' });
  });

  it('cancel aborts the request in flight and returns to idle; a late answer is ignored', async () => {
    const { engine, runs } = fakeCi();
    const store = createAppStore({ run: idleEngine, populationCi: engine });
    store.getState().startPopulationCi();
    store.getState().cancelPopulationCi();
    expect(runs[0]!.signal.aborted).toBe(true);
    runs[0]!.onProgress(1, 4);
    runs[0]!.resolve(interval);
    await settle();
    expect(store.getState().populationCiRun).toEqual({ kind: 'idle' });
  });

  it('a new request replaces the one in flight', () => {
    const { engine, runs } = fakeCi();
    const store = createAppStore({ run: idleEngine, populationCi: engine });
    store.getState().startPopulationCi();
    store.getState().startPopulationCi();
    expect(runs.map((r) => r.signal.aborted)).toEqual([true, false]);
  });

  it('does nothing when the request has no population interval', () => {
    const { engine, runs } = fakeCi(null);
    const store = createAppStore({ run: idleEngine, populationCi: engine });
    expect(store.getState().populationCiPlan(store.getState().params, store.getState().paths)).toBeNull();
    store.getState().startPopulationCi();
    expect([runs.length, store.getState().populationCiRun.kind]).toEqual([0, 'idle']);
  });
});

/** A run engine whose runs the test finishes by hand. */
function fakeRuns() {
  const runs: RunListener[] = [];
  const engine: RunEngine = { start: (_request, listener) => void runs.push(listener), cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };
  const finish = (runId: number) =>
    runs.at(-1)!.snapshot({ runId, pathsCovered: 100, summary: { paths: 100, pSocialized: 0.5 } as RunSummary, baselineSummary: null, comparison: null, elapsedMs: 1 } as AggregateSnapshot, true);
  return { engine, runs, finish };
}

describe('population interval: the automatic start while it is on', () => {
  it('gives each finished run its interval once, and none while the run goes', async () => {
    const ci = fakeCi();
    const run = fakeRuns();
    const store = createAppStore({ run: run.engine, populationCi: ci.engine }, { schedule: (flush) => flush() });
    store.getState().setPopulationCi(true);
    store.getState().startRun();
    expect(ci.runs).toHaveLength(0);
    run.finish(store.getState().runId);
    expect(store.getState().status).toBe('done');
    expect(ci.runs).toHaveLength(1);
    const first = store.getState().populationCiRun;
    expect(first).toMatchObject({ kind: 'running', key: populationCiKey(store.getState().params, store.getState().seed, store.getState().paths) });
    // An error for these inputs is the answer too: the same run does not ask again.
    ci.runs[0]!.reject(new Error('batch failed'));
    await settle();
    store.getState().refreshPopulationCi();
    expect(ci.runs).toHaveLength(1);

    store.getState().setSeed(store.getState().seed + 1);
    await settle();
    expect(run.runs).toHaveLength(2);
    expect(ci.runs).toHaveLength(1);
    run.finish(store.getState().runId);
    expect(ci.runs).toHaveLength(2);
    expect(store.getState().populationCiRun).toMatchObject({ kind: 'running', key: populationCiKey(store.getState().params, store.getState().seed, store.getState().paths) });
  });

  it('starts nothing while the choice is off, or when the request has no interval', () => {
    const ci = fakeCi();
    const run = fakeRuns();
    const store = createAppStore({ run: run.engine, populationCi: ci.engine }, { schedule: (flush) => flush() });
    store.getState().startRun();
    run.finish(store.getState().runId);
    expect(ci.runs).toHaveLength(0);
    const none = fakeCi(null);
    const other = fakeRuns();
    const plain = createAppStore({ run: other.engine, populationCi: none.engine }, { schedule: (flush) => flush() });
    plain.getState().setPopulationCi(true);
    plain.getState().startRun();
    other.finish(plain.getState().runId);
    expect([none.runs.length, plain.getState().populationCiRun.kind]).toEqual([0, 'idle']);
  });

  it('turning the choice on after a run finished starts it at once (a link opened with it on)', () => {
    const ci = fakeCi();
    const run = fakeRuns();
    const store = createAppStore({ run: run.engine, populationCi: ci.engine }, { schedule: (flush) => flush() });
    store.getState().startRun();
    run.finish(store.getState().runId);
    store.getState().setPopulationCi(true);
    expect(ci.runs).toHaveLength(1);
  });

  it('holds while the panel is closed and picks up when it shows again', async () => {
    const ci = fakeCi();
    const run = fakeRuns();
    const store = createAppStore({ run: run.engine, populationCi: ci.engine }, { schedule: (flush) => flush() });
    store.getState().setPopulationCi(true);
    store.getState().startRun();
    run.finish(store.getState().runId);
    store.getState().abandonPopulationCi();
    expect(ci.runs[0]!.signal.aborted).toBe(true);
    expect(store.getState().populationCi).toBe(true);
    store.getState().setSeed(store.getState().seed + 1);
    await settle();
    run.finish(store.getState().runId);
    expect(ci.runs).toHaveLength(1);
    store.getState().resumePopulationCi();
    expect(ci.runs).toHaveLength(2);
    expect(ci.runs[1]!.signal.aborted).toBe(false);
  });
});

describe('tool and share actions', () => {
  it('reads the current run\'s per-path columns and fits tapes through the engines given', async () => {
    const asked: number[] = [];
    const store = createAppStore({
      run: idleEngine,
      pathColumns: (runId) => (asked.push(runId), Promise.resolve(null)),
      fit: { fitTape: (prices, step) => Promise.resolve({ gbm: { n: prices.length, step }, jump: null } as never) },
    });
    await expect(store.getState().readPathColumns()).resolves.toBeNull();
    expect(asked).toEqual([store.getState().runId]);
    await expect(store.getState().fitTape(Float64Array.of(1, 2, 3), 60)).resolves.toEqual({ gbm: { n: 3, step: 60 }, jump: null });
    await expect(createAppStore({ run: idleEngine }).getState().fitTape(Float64Array.of(1), 60)).rejects.toThrow('This store has no fit engine.');
  });
});
