// Learn mode's cursor: which step of the traced path is shown, whether it plays, and the event log's filter.
// Nothing here changes a number; the trace itself lives with the view that asked for it (src/ui/learn).
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';

export interface LearnSlice {
  /** The step shown, 0-based; views clamp it to the traced path's length. */
  learnStep: number;
  learnPlaying: boolean;
  /** Event log shows only events that move money (bad debt, fund draws, socialized, vault, uncovered). */
  learnOnlyLosses: boolean;
  /** Sets the step if it is a whole number ≥ 0; otherwise ignored. */
  setLearnStep: (step: number) => void;
  setLearnPlaying: (playing: boolean) => void;
  setLearnOnlyLosses: (only: boolean) => void;
}

export const createLearnSlice: StateCreator<AppState, [], [], LearnSlice> = (set, get) => ({
  learnStep: 0,
  learnPlaying: false,
  learnOnlyLosses: false,
  setLearnStep: (step) => {
    if (Number.isSafeInteger(step) && step >= 0 && step !== get().learnStep) set({ learnStep: step });
  },
  setLearnPlaying: (learnPlaying) => set({ learnPlaying }),
  setLearnOnlyLosses: (learnOnlyLosses) => set({ learnOnlyLosses }),
});
