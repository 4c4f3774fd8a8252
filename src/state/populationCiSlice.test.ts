// The population-inclusive interval's actions in Node against a fake engine: progress, the answer for the
// inputs it was asked for, an error in words, and cancel (or a newer request) ending the one in flight.
import { describe, expect, it } from 'vitest';
import type { PopulationCiEngine, PopulationInterval, RunEngine } from './engines';
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
