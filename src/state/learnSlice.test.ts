import { describe, expect, it } from 'vitest';
import type { RunEngine } from '../../workers/pool';
import { createAppStore } from './store';

const idleEngine: RunEngine = { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };

describe('learn slice', () => {
  it('starts at step 0, paused, every event shown', () => {
    const s = createAppStore(idleEngine).getState();
    expect([s.learnStep, s.learnPlaying, s.learnOnlyLosses]).toEqual([0, false, false]);
  });

  it('accepts whole steps ≥ 0 and ignores anything else', () => {
    const store = createAppStore(idleEngine);
    store.getState().setLearnStep(12);
    expect(store.getState().learnStep).toBe(12);
    for (const bad of [-1, 1.5, Number.NaN, Infinity]) store.getState().setLearnStep(bad);
    expect(store.getState().learnStep).toBe(12);
  });

  it('toggles play and the losses filter', () => {
    const store = createAppStore(idleEngine);
    store.getState().setLearnPlaying(true);
    store.getState().setLearnOnlyLosses(true);
    expect([store.getState().learnPlaying, store.getState().learnOnlyLosses]).toEqual([true, true]);
  });
});
