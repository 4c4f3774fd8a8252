// Narrow reads for components, so each re-renders only when its own value changes. Run fields are read
// through the run contract (runContract.ts) and defensively: a field the run slice does not (yet) provide
// reads as null, never as a crash.
import type { ParamProblem } from '../engine/params/riskParams';
import type { RunProgress, RunSliceContract, SamplePath } from './runContract';
import type { AppState } from './store';

type RunFields = Partial<Omit<RunSliceContract, 'startRun' | 'cancelRun'>>;
const run = (s: AppState): RunFields => s as unknown as RunFields;

export const selectParams = (s: AppState) => s.params;
export const selectDraft = (s: AppState) => s.draft;
export const selectDraftProblems = (s: AppState): ParamProblem[] => s.draftProblems;
export const selectSeed = (s: AppState) => s.seed;
export const selectPaths = (s: AppState) => s.paths;
export const selectBaseline = (s: AppState) => s.baseline;
export const selectHasBaseline = (s: AppState) => s.baseline !== null;

export const selectStatus = (s: AppState) => run(s).status ?? 'idle';
export const selectSummary = (s: AppState) => run(s).summary ?? null;
export const selectBaselineSummary = (s: AppState) => run(s).baselineSummary ?? null;
export const selectComparison = (s: AppState) => run(s).comparison ?? null;
export const selectSamplePath = (s: AppState): SamplePath | null => run(s).samplePath ?? null;
export const selectProgress = (s: AppState): RunProgress | null => run(s).progress ?? null;
export const selectStale = (s: AppState) => run(s).stale ?? false;
export const selectError = (s: AppState) => run(s).error ?? null;
/** Paths of the run in flight, where the run slice says (the foundation slice calls it runPaths). */
export const selectRunPaths = (s: AppState): number | null => {
  const progress = run(s).progress;
  if (progress) return progress.pathsTotal;
  const legacy = (s as unknown as { runPaths?: number }).runPaths;
  return typeof legacy === 'number' ? legacy : null;
};
/** Wall time of the last finished run, ms, where the run slice reports it. */
export const selectElapsedMs = (s: AppState): number | null => {
  const legacy = (s as unknown as { elapsedMs?: number | null }).elapsedMs;
  if (typeof legacy === 'number') return legacy;
  return run(s).progress?.elapsedMs ?? null;
};

export const selectTab = (s: AppState) => s.tab;
export const selectLogHistogram = (s: AppState) => s.logHistogram;
export const selectPathIndex = (s: AppState) => s.pathIndex;
export const selectShowTailStats = (s: AppState) => s.showTailStats;

/** startRun of the run slice (the contract's or the foundation's), called without waiting. */
export function startRunOf(s: AppState): () => void {
  const start = (s as unknown as { startRun?: () => unknown }).startRun;
  return () => {
    void start?.();
  };
}
