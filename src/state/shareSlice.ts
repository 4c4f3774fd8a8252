// Opening a whole shared state at once (a learn story, a saved proposal): the same state a link carries,
// applied to the store now, so it works whether or not the page is listening to the URL fragment.
import type { StateCreator } from 'zustand/vanilla';
import { validateParams } from '../engine/params/validateParams';
import type { ShareState } from '../share/shareState';
import type { AppState } from './store';
import { pageUrlSync, storePatchOf } from './urlSync';

export interface ShareSlice {
  /** A story: its parameters, run, baseline and view, from step 0, paused. */
  applyShareState: (state: ShareState) => void;
  /** A saved proposal: its parameters, seed, paths and baseline; the current tab stays. */
  openProposal: (state: ShareState) => void;
}

export const createShareSlice: StateCreator<AppState, [], [], ShareSlice> = (set, get) => ({
  applyShareState: (state) => {
    const s = get();
    s.setParams(state.params);
    s.setSeed(state.run.seed);
    s.setPaths(state.run.paths);
    const baseline = state.baseline === null ? null : validateParams(state.baseline);
    set({ baseline: baseline?.ok ? baseline.params : null });
    s.setPathIndex(state.view.pathIndex);
    s.setTab(state.view.tab);
    s.setLearnPlaying(false);
    set({ learnStep: 0 });
  },
  openProposal: (state) => {
    const share: ShareState = { ...state, view: { ...state.view, tab: get().tab } };
    const sync = pageUrlSync();
    if (sync) sync.apply(share);
    else set(storePatchOf(share));
  },
});
