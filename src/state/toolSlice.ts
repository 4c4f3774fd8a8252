// One-off engine calls the page makes on demand and shows itself: a tape fit, and the per-path columns of the
// current run (as they are, or as the CSV export's text). Their answers are the caller's (a form's or a download's), not store state.
import type { StateCreator } from 'zustand/vanilla';
import type { PathColumns } from '../engine/index';
import { perPathCsv } from './pathsCsv';
import { missingEngine, type FitEngine, type PathColumnsReader, type TapeFit } from './engines';
import type { AppState } from './store';

export interface ToolSlice {
  /** Fits GBM and jump diffusion to a tape's prices (off the main thread on the page). */
  fitTape: (prices: Float64Array, stepSeconds: number) => Promise<TapeFit>;
  /** The current run's per-path columns; null when they are not available (no finished run, or a newer one). */
  readPathColumns: () => Promise<PathColumns | null>;
  /** The current run's per-path results as CSV text (pathsCsv.ts); null when its columns are not available. */
  readPathsCsv: () => Promise<string | null>;
}

export function createToolSlice(fit?: FitEngine, pathColumns?: PathColumnsReader): StateCreator<AppState, [], [], ToolSlice> {
  return (_set, get) => ({
    fitTape: (prices, stepSeconds) => (fit ? fit.fitTape(prices, stepSeconds) : Promise.reject(missingEngine('fit'))),
    readPathColumns: () => (pathColumns ? pathColumns(get().runId) : Promise.reject(missingEngine('path-columns'))),
    readPathsCsv: async () => {
      const columns = await get().readPathColumns();
      return columns ? perPathCsv(columns) : null;
    },
  });
}
