// How the results are shown (nothing here changes a number).
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';

export interface ViewSlice {
  /** Show VaR / expected shortfall next to the headline means. */
  showTailStats: boolean;
  setShowTailStats: (show: boolean) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  showTailStats: false,
  setShowTailStats: (showTailStats) => set({ showTailStats }),
});
