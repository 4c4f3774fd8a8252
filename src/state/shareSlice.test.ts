// Opening a whole shared state at once (a learn story, a saved proposal) through the store's actions.
import { describe, expect, it } from 'vitest';
import { legacyDefaultParams } from '../engine/params/defaults';
import type { RunEngine } from './engines';
import { createAppStore } from './store';
import { shareStateOf } from './urlSync';

const idleEngine: RunEngine = { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };

describe('share slice', () => {
  it('applies a story: params, run, baseline and view, from step 0, paused', () => {
    const store = createAppStore({ run: idleEngine }, { schedule: () => undefined });
    store.getState().setLearnStep(40);
    store.getState().setLearnPlaying(true);
    const legacy = legacyDefaultParams();
    const story = { ...shareStateOf(store.getState()), params: legacy, run: { seed: 9, paths: 300 }, baseline: legacy };
    store.getState().applyShareState({ ...story, view: { ...story.view, tab: 'learn', pathIndex: 4 } });
    const s = store.getState();
    expect([s.params, s.seed, s.paths, s.tab, s.pathIndex, s.learnStep, s.learnPlaying]).toEqual([legacy, 9, 300, 'learn', 4, 0, false]);
    expect(s.baseline).toEqual(legacy);
  });

  it('drops a story\'s baseline that does not validate instead of comparing with it', () => {
    const store = createAppStore({ run: idleEngine }, { schedule: () => undefined });
    const broken = { ...legacyDefaultParams(), margin: { ...legacyDefaultParams().margin, maintenanceMarginRatio: -1 } };
    store.getState().applyShareState({ ...shareStateOf(store.getState()), baseline: broken });
    expect(store.getState().baseline).toBeNull();
  });

  it('opens a proposal on the current tab (no page URL sync in Node: the store is patched directly)', () => {
    const store = createAppStore({ run: idleEngine }, { schedule: () => undefined });
    store.getState().setTab('planner');
    const legacy = legacyDefaultParams();
    const proposal = { ...shareStateOf(store.getState()), params: legacy, run: { seed: 3, paths: 500 }, view: { ...shareStateOf(store.getState()).view, tab: 'learn' as const } };
    store.getState().openProposal(proposal);
    const s = store.getState();
    expect([s.params, s.draft, s.seed, s.paths, s.tab]).toEqual([legacy, legacy, 3, 500, 'planner']);
  });
});
