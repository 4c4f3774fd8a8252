import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { RunProgress, RunStatus } from './runContract';
import { timingOf, trackPathTiming, type PathTimingState } from './pathTiming';

type Run = { status: RunStatus; progress: RunProgress; baseline: unknown };
const progress = (pathsDone: number, pathsTotal: number, elapsedMs: number): RunProgress => ({ pathsDone, pathsTotal, elapsedMs, etaMs: null });

describe('pathTiming', () => {
  it('measures a finished run only: time per path, and both sides with a baseline', () => {
    expect(timingOf({ status: 'done', progress: progress(1000, 1000, 5000), baseline: null })).toEqual({ msPerPath: 5, paths: 1000, sides: 1 });
    expect(timingOf({ status: 'done', progress: progress(1000, 1000, 5000), baseline: {} })?.sides).toBe(2);
    expect(timingOf({ status: 'running', progress: progress(500, 1000, 2000), baseline: null })).toBeNull();
    expect(timingOf({ status: 'done', progress: progress(400, 1000, 2000), baseline: null })).toBeNull();
  });

  it('records each finished run of a store and keeps it while the next one runs', () => {
    const app = createStore<Run>()(() => ({ status: 'idle', progress: progress(0, 0, 0), baseline: null }));
    const target = createStore<PathTimingState>()(() => ({ last: null }));
    trackPathTiming(app, target);
    trackPathTiming(app, target); // a second call adds no second listener
    app.setState({ status: 'running', progress: progress(100, 200, 300) });
    expect(target.getState().last).toBeNull();
    app.setState({ status: 'done', progress: progress(200, 200, 800) });
    expect(target.getState().last).toEqual({ msPerPath: 4, paths: 200, sides: 1 });
    app.setState({ status: 'running', progress: progress(0, 400, 0) });
    expect(target.getState().last?.msPerPath).toBe(4);
  });
});
