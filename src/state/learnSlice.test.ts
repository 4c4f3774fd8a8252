import { describe, expect, it } from 'vitest';
import { legacyDefaultParams } from '../engine/params/defaults';
import type { LearnTrace, RunEngine, TraceEngine, TraceRequest } from './engines';
import { traceStateOf } from './learnSlice';
import { createAppStore } from './store';

const idleEngine: RunEngine = { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };

describe('learn slice', () => {
  it('starts at step 0, paused, every event shown', () => {
    const s = createAppStore({ run: idleEngine }).getState();
    expect([s.learnStep, s.learnPlaying, s.learnOnlyLosses]).toEqual([0, false, false]);
  });

  it('accepts whole steps ≥ 0 and ignores anything else', () => {
    const store = createAppStore({ run: idleEngine });
    store.getState().setLearnStep(12);
    expect(store.getState().learnStep).toBe(12);
    for (const bad of [-1, 1.5, Number.NaN, Infinity]) store.getState().setLearnStep(bad);
    expect(store.getState().learnStep).toBe(12);
  });

  it('toggles play and the losses filter', () => {
    const store = createAppStore({ run: idleEngine });
    store.getState().setLearnPlaying(true);
    store.getState().setLearnOnlyLosses(true);
    expect([store.getState().learnPlaying, store.getState().learnOnlyLosses]).toEqual([true, true]);
  });
});

/** A trace engine whose answers the test hands out one by one. */
function fakeTracer() {
  const asked: { request: TraceRequest; resolve: (t: LearnTrace) => void; reject: (e: Error) => void }[] = [];
  const tracer: TraceEngine = {
    trace: (request) => new Promise<LearnTrace>((resolve, reject) => void asked.push({ request, resolve, reject })),
    dispose: () => undefined,
  };
  return { tracer, asked };
}

const traceOf = (steps: number) => ({ steps }) as LearnTrace;
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

describe('learn slice traces', () => {
  it('asks the trace engine once per (params, seed, path) and keeps the answer in its slot', async () => {
    const { tracer, asked } = fakeTracer();
    const store = createAppStore({ run: idleEngine, trace: tracer });
    const params = legacyDefaultParams();
    store.getState().traceLearnPath('current', params, 7, 3);
    store.getState().traceLearnPath('current', params, 7, 3);
    expect(asked.map((a) => a.request)).toEqual([{ params, seed: 7, pathIndex: 3 }]);
    expect(traceStateOf(store.getState().learnTraces.current, params, 7, 3)).toEqual({ status: 'loading', trace: null });
    asked[0]!.resolve(traceOf(60));
    await settle();
    expect(traceStateOf(store.getState().learnTraces.current, params, 7, 3)).toEqual({ status: 'ready', trace: traceOf(60) });
    expect(store.getState().learnTraces.baseline).toBeNull();
  });

  it('keeps only the latest request: an older answer arriving late is dropped, the previous path shows while loading', async () => {
    const { tracer, asked } = fakeTracer();
    const store = createAppStore({ run: idleEngine, trace: tracer });
    const params = legacyDefaultParams();
    store.getState().traceLearnPath('current', params, 1, 0);
    asked[0]!.resolve(traceOf(10));
    await settle();
    store.getState().traceLearnPath('current', params, 1, 1);
    store.getState().traceLearnPath('current', params, 1, 2);
    expect(traceStateOf(store.getState().learnTraces.current, params, 1, 2)).toEqual({ status: 'loading', trace: traceOf(10) });
    asked[2]!.resolve(traceOf(30));
    await settle();
    asked[1]!.resolve(traceOf(20));
    await settle();
    expect(traceStateOf(store.getState().learnTraces.current, params, 1, 2)).toEqual({ status: 'ready', trace: traceOf(30) });
    // Asked about a path the slot does not hold: loading, showing what it has.
    expect(traceStateOf(store.getState().learnTraces.current, params, 1, 9)).toEqual({ status: 'loading', trace: traceOf(30) });
  });

  it('reports a failed trace in words, and empties a slot asked with no params (no baseline)', async () => {
    const { tracer, asked } = fakeTracer();
    const store = createAppStore({ run: idleEngine, trace: tracer });
    const params = legacyDefaultParams();
    store.getState().traceLearnPath('baseline', params, 1, 0);
    asked[0]!.reject(new Error('Tracing path 1 took too long'));
    await settle();
    expect(traceStateOf(store.getState().learnTraces.baseline, params, 1, 0)).toEqual({ status: 'error', error: 'Tracing path 1 took too long', trace: null });
    store.getState().traceLearnPath('baseline', null, 1, 0);
    expect(store.getState().learnTraces.baseline).toBeNull();
    expect(traceStateOf(null, null, 1, 0)).toBeNull();
    expect(asked).toHaveLength(1);
  });

  it('without a trace engine, says so as the trace\'s error', async () => {
    const store = createAppStore({ run: idleEngine });
    const params = legacyDefaultParams();
    store.getState().traceLearnPath('current', params, 1, 0);
    await settle();
    expect(traceStateOf(store.getState().learnTraces.current, params, 1, 0)).toEqual({ status: 'error', error: 'This store has no trace engine.', trace: null });
  });
});
