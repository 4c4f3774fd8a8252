// Narrow reads for components, so each re-renders only when its own value changes.
import type { AppState } from './store';

export const selectParams = (s: AppState) => s.params;
export const selectSeed = (s: AppState) => s.seed;
export const selectPaths = (s: AppState) => s.paths;
export const selectStatus = (s: AppState) => s.status;
export const selectRunPaths = (s: AppState) => s.runPaths;
export const selectSummary = (s: AppState) => s.summary;
export const selectElapsedMs = (s: AppState) => s.elapsedMs;
export const selectError = (s: AppState) => s.error;
export const selectShowTailStats = (s: AppState) => s.showTailStats;
