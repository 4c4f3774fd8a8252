// The parameters being edited and how many paths to run them on. Defaults come from the engine's parameter
// module (data only — the page never imports simulation code).
import type { StateCreator } from 'zustand/vanilla';
import type { RiskParams } from '../engine/params/riskParams';
import { DEFAULT_RUN, defaultParams } from '../engine/params/defaults';
import type { AppState } from './store';

/**
 * Paths per run in this foundation: one worker call does the whole run, so it stays small enough to finish in
 * a few seconds on a laptop. DEFAULT_RUN.paths returns once runs are split across a worker pool.
 */
export const FOUNDATION_PATHS = Math.min(200, DEFAULT_RUN.paths);

export interface ParamsSlice {
  params: RiskParams;
  seed: number;
  paths: number;
  setParams: (params: RiskParams) => void;
  setSeed: (seed: number) => void;
  setPaths: (paths: number) => void;
  resetParams: () => void;
}

export const createParamsSlice: StateCreator<AppState, [], [], ParamsSlice> = (set) => ({
  params: defaultParams(),
  seed: DEFAULT_RUN.seed,
  paths: FOUNDATION_PATHS,
  setParams: (params) => set({ params }),
  setSeed: (seed) => set({ seed }),
  setPaths: (paths) => set({ paths }),
  resetParams: () => set({ params: defaultParams(), seed: DEFAULT_RUN.seed, paths: FOUNDATION_PATHS }),
});
