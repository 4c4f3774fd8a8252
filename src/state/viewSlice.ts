// How the results are shown (nothing here changes a number). The names match the share link's view
// (src/share/shareState.ts) so a link restores the same view.
import type { StateCreator } from 'zustand/vanilla';
import type { SweepSpec, ViewTab } from '../share/shareState';
import type { AppState } from './store';

export interface ViewSlice {
  tab: ViewTab;
  /** Socialized-loss histogram with a log-scale count axis. */
  logHistogram: boolean;
  /** The sample path shown in the path chart, 0-based, below `paths`. The run slice reads it. */
  pathIndex: number;
  /** The planner's parameter sweep, if any. */
  sweep: SweepSpec | null;
  /** Show VaR / expected shortfall next to the headline means. */
  showTailStats: boolean;
  /**
   * Show the P(socialized) interval that includes population resampling (one more run, started once the run is
   * done). A link field (run.populationCi) because it adds a number; off unless asked.
   */
  populationCi: boolean;
  setTab: (tab: ViewTab) => void;
  setLogHistogram: (log: boolean) => void;
  /** Sets the sample path if it is a whole number below `paths`; otherwise ignored. */
  setPathIndex: (pathIndex: number) => void;
  setSweep: (sweep: SweepSpec | null) => void;
  setShowTailStats: (show: boolean) => void;
  setPopulationCi: (on: boolean) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  tab: 'dashboard',
  logHistogram: false,
  pathIndex: 0,
  sweep: null,
  showTailStats: false,
  populationCi: false,
  setTab: (tab) => set({ tab }),
  setLogHistogram: (logHistogram) => set({ logHistogram }),
  setPathIndex: (pathIndex) => {
    if (Number.isSafeInteger(pathIndex) && pathIndex >= 0 && pathIndex < get().paths && pathIndex !== get().pathIndex) {
      set({ pathIndex });
    }
  },
  setSweep: (sweep) => set({ sweep }),
  setShowTailStats: (showTailStats) => set({ showTailStats }),
  setPopulationCi: (populationCi) => {
    if (get().populationCi !== populationCi) set({ populationCi });
  },
});
