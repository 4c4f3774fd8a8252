// The mitigation planner's results (issue #10). Data only: the planner view drives the planner workers
// (workers/plannerClient.ts) and writes what they report here. The 1-D sweep's spec itself is view.sweep
// (viewSlice), so it travels in the share link; its paths and seed are the run's (params slice), so a link
// re-runs the very same sweep. The 2-D grid, the solver and the comparison are not in the link.
import type { StateCreator } from 'zustand/vanilla';
import type { CompareProgress, LeverComparison, LeverKind, SolveResult } from '../engine/planner/index';
import type { PointAnswer } from '../../workers/plannerClient';
import type { AppState } from './store';

export type PlannerRunStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** A sweep (1-D or 2-D) as it streams in. */
export interface PlannerSweepRun {
  /** What was asked (params, seed, paths, axes): a run with the same key is not started again. */
  key: string;
  path: string;
  path2: string | null;
  paths: number;
  rows: string[];
  columns: string[] | null;
  /** Row-major; null until that point has finished. */
  points: (PointAnswer | null)[];
  status: PlannerRunStatus;
  error: string | null;
  done: number;
  total: number;
  elapsedMs: number;
  /** When the first point arrived, ms after the start. */
  firstPointMs: number | null;
}

/** The 2-D grid's axes (rows: param, columns: param2). */
export interface HeatmapSpec {
  param: string;
  from: number;
  to: number;
  points: number;
  param2: string;
  from2: number;
  to2: number;
  points2: number;
}

export interface PlannerTask<T> {
  status: PlannerRunStatus;
  result: T | null;
  error: string | null;
  elapsedMs: number;
  startedAt: number | null;
  /** While the lever comparison runs (issue #21): its latest progress and the solo searches finished so far. */
  progress?: { latest: CompareProgress | null; latestAtMs: number | null; levers: SolveResult[] };
}

export interface PlannerSlice {
  plannerSweep: PlannerSweepRun | null;
  plannerHeatmap: PlannerSweepRun | null;
  heatmapSpec: HeatmapSpec;
  solverLever: LeverKind;
  solverTarget: number;
  solverTask: PlannerTask<SolveResult>;
  compareTask: PlannerTask<LeverComparison>;
  setPlannerSweep: (run: PlannerSweepRun | null) => void;
  setPlannerHeatmap: (run: PlannerSweepRun | null) => void;
  setHeatmapSpec: (spec: HeatmapSpec) => void;
  setSolverLever: (lever: LeverKind) => void;
  setSolverTarget: (target: number) => void;
  setSolverTask: (task: PlannerTask<SolveResult>) => void;
  setCompareTask: (task: PlannerTask<LeverComparison>) => void;
}

export const IDLE_TASK: PlannerTask<never> = Object.freeze({ status: 'idle', result: null, error: null, elapsedMs: 0, startedAt: null }) as PlannerTask<never>;

export const DEFAULT_HEATMAP: HeatmapSpec = Object.freeze({
  param: 'insuranceFund.initial',
  from: 0,
  to: 2_000_000,
  points: 5,
  param2: 'margin.maintenanceMarginRatio',
  from2: 0.02,
  to2: 0.1,
  points2: 5,
});

export const createPlannerSlice: StateCreator<AppState, [], [], PlannerSlice> = (set) => ({
  plannerSweep: null,
  plannerHeatmap: null,
  heatmapSpec: DEFAULT_HEATMAP,
  solverLever: 'fund',
  solverTarget: 0.01,
  solverTask: IDLE_TASK,
  compareTask: IDLE_TASK,
  setPlannerSweep: (plannerSweep) => set({ plannerSweep }),
  setPlannerHeatmap: (plannerHeatmap) => set({ plannerHeatmap }),
  setHeatmapSpec: (heatmapSpec) => set({ heatmapSpec }),
  setSolverLever: (solverLever) => set({ solverLever }),
  setSolverTarget: (solverTarget) => set({ solverTarget }),
  setSolverTask: (solverTask) => set({ solverTask }),
  setCompareTask: (compareTask) => set({ compareTask }),
});
