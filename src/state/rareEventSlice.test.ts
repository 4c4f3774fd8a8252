// Rare-event mode in the store, against a fake engine: after the plain run is done the store decides, asks the
// engine for the importance estimate when the mode (or a plain count below the threshold) says so, shows it
// only for the run it was made for, and drops it when a new run starts.
import { describe, expect, it } from 'vitest';
import type { ImportanceSummary } from '../engine/importance/summarizeImportance';
import type { ImportanceRequest } from '../../workers/client/importanceRun';
import type { RunEngine, RunListener, RunRequest } from './engines';
import type { AggregateSnapshot, RunSummary } from '../../workers/shared/protocol';
import { createAppStore } from './store';

function setup(whenIdle?: (start: () => void) => void) {
  const runs: { request: RunRequest; listener: RunListener }[] = [];
  const importance: { request: ImportanceRequest; resolve: (s: ImportanceSummary | null) => void }[] = [];
  const engine: RunEngine = {
    start: (request, listener) => void runs.push({ request, listener }),
    cancel: () => undefined,
    showPath: () => undefined,
    runImportance: (request) => new Promise((resolve) => void importance.push({ request, resolve })),
    dispose: () => undefined,
  };
  const store = createAppStore({ run: engine }, { schedule: (flush) => flush(), ...(whenIdle ? { whenIdle } : {}) });
  return { store, runs, importance };
}

const finished = (runId: number, socialized: number, paths = 1000): AggregateSnapshot => ({
  runId,
  pathsCovered: paths,
  summary: { paths, pSocialized: socialized / paths } as RunSummary,
  baselineSummary: null,
  comparison: null,
  elapsedMs: 1,
});
const importanceSummary = { estimator: 'importance', paths: 1000, pSocialized: 0.004, effectiveSampleSize: 600 } as ImportanceSummary;
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

describe('rare-event slice', () => {
  it("on 'auto' importance-samples a run that saw 7 socialized paths, and shows it", async () => {
    const { store, runs, importance } = setup();
    expect(store.getState().estimator).toBe('auto');
    store.getState().startRun();
    runs[0]!.listener.snapshot(finished(1, 7), true);
    expect(importance).toHaveLength(1);
    expect(importance[0]!.request).toMatchObject({ seed: store.getState().seed, paths: 1000 });
    expect(store.getState().rareEvent).toMatchObject({ status: 'running', plainSocializedPaths: 7, choice: { estimator: 'importance', why: 'few-events' } });
    importance[0]!.resolve(importanceSummary);
    await tick();
    expect(store.getState().rareEvent).toMatchObject({ status: 'done', summary: importanceSummary });
  });

  it("on 'auto' stays plain with 20 socialized paths; 'importance' asks anyway; 'plain' never does", () => {
    const { store, runs, importance } = setup();
    store.getState().startRun();
    runs[0]!.listener.snapshot(finished(1, 20), true);
    expect(importance).toHaveLength(0);
    expect(store.getState().rareEvent).toMatchObject({ status: 'off', choice: { estimator: 'plain', why: 'enough-events' } });
    store.getState().setEstimator('importance');
    expect(importance).toHaveLength(1);
    store.getState().setEstimator('plain');
    expect(importance).toHaveLength(1);
    expect(store.getState().rareEvent?.status).toBe('off');
  });

  it('switches below the threshold it states for the page, and not at it (4,000 paths: the count decides)', () => {
    const below = setup();
    const threshold = below.store.getState().rareEventThreshold;
    expect(threshold).toBe(20);
    below.store.getState().startRun();
    below.runs[0]!.listener.snapshot(finished(1, threshold - 1, 4000), true);
    expect(below.importance).toHaveLength(1);
    const at = setup();
    at.store.getState().startRun();
    at.runs[0]!.listener.snapshot(finished(1, threshold, 4000), true);
    expect(at.importance).toHaveLength(0);
  });

  it('stays plain from 1.5 % of the paths socialized, where plain sampling measured as efficient (1,000 paths: 15)', () => {
    const below = setup();
    expect(below.store.getState().rareEventBelowShare).toBe(0.015);
    below.store.getState().startRun();
    below.runs[0]!.listener.snapshot(finished(1, 14), true);
    expect(below.importance).toHaveLength(1);
    const at = setup();
    at.store.getState().startRun();
    at.runs[0]!.listener.snapshot(finished(1, 15), true);
    expect(at.importance).toHaveLength(0);
    expect(at.store.getState().rareEvent).toMatchObject({ status: 'off', choice: { estimator: 'plain', why: 'enough-events' } });
  });

  it('drops the estimate when a new run starts, and ignores the old answer arriving late', async () => {
    const { store, runs, importance } = setup();
    store.getState().startRun();
    runs[0]!.listener.snapshot(finished(1, 3), true);
    store.getState().setSeed(9);
    await tick();
    expect(runs).toHaveLength(2);
    expect(store.getState().rareEvent).toBeNull();
    importance[0]!.resolve(importanceSummary);
    await tick();
    expect(store.getState().rareEvent).toBeNull();
  });

  it('starts the estimate only when the page is idle, and not at all if a new run started first', () => {
    const idle: (() => void)[] = [];
    const { store, runs, importance } = setup((start) => void idle.push(start));
    store.getState().startRun();
    runs[0]!.listener.snapshot(finished(1, 2), true);
    // Decided and shown as running at "done"; the workers are asked only once the main thread is idle.
    expect(store.getState().rareEvent).toMatchObject({ status: 'running', runId: 1 });
    expect(importance).toHaveLength(0);
    idle.shift()!();
    expect(importance).toHaveLength(1);
    expect(importance[0]!.request.seed).toBe(store.getState().seed);

    runs[0]!.listener.snapshot(finished(1, 2), true); // a repeated "done" report asks nothing more
    expect(idle).toHaveLength(0);
    store.getState().startRun();
    runs[1]!.listener.snapshot(finished(2, 1), true);
    expect(idle).toHaveLength(1);
    store.getState().startRun(); // run 3 starts before run 2's idle moment came
    idle.splice(0).forEach((start) => start());
    expect(importance).toHaveLength(1);
  });
});
