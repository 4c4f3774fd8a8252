// The mitigation planner (issue #10): its results and the actions that drive the planner engine (sweeps, the
// solver, the lever comparison, attribution) and write what it reports here. A sweep whose inputs (sweepKey)
// have not changed is not run again. The 1-D sweep's spec itself is view.sweep (viewSlice), so it travels in the
// share link; its paths and seed are the run's (params slice), so a link re-runs the very same sweep. The 2-D
// grid, the solver and the comparison are not in the link.
import type { StateCreator } from 'zustand/vanilla';
import type { Attribution } from '../engine/metrics/attribution';
import type { RiskParams } from '../engine/params/riskParams';
import { DEFAULT_COST_ASSUMPTIONS, type CostAssumptions } from '../engine/planner/annualCost';
import type { CompareProgress, LeverComparison, LeverKind, SolveResult } from '../engine/planner/index';
import { withParam } from '../engine/params/sweepableParams';
import type { SweepSpec } from '../share/shareState';
import { missingEngine, type PlannerEngine, type PointAnswer, type SweepAxis } from './engines';
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
  /** What the lever comparison's options are priced with (costRanking.ts): stated and editable on the page. */
  costAssumptions: CostAssumptions;
  setCostAssumptions: (assumptions: CostAssumptions) => void;
  setPlannerSweep: (run: PlannerSweepRun | null) => void;
  setPlannerHeatmap: (run: PlannerSweepRun | null) => void;
  setHeatmapSpec: (spec: HeatmapSpec) => void;
  setSolverLever: (lever: LeverKind) => void;
  setSolverTarget: (target: number) => void;
  setSolverTask: (task: PlannerTask<SolveResult>) => void;
  setCompareTask: (task: PlannerTask<LeverComparison>) => void;
  /** Runs the 1-D sweep of `spec` on the current params, seed and paths (unless that exact sweep is shown, or `force`). */
  runSweep1d: (spec: SweepSpec, force?: boolean) => void;
  /** Runs the 2-D grid of heatmapSpec (unless that exact grid is shown, or `force`). */
  runHeatmap: (force?: boolean) => void;
  cancelSweeps: () => void;
  /** Searches the solver lever's value that meets the solver target. */
  runSolver: () => void;
  /** Every lever's solve, streamed (issue #21). */
  runCompare: () => void;
  cancelSolver: () => void;
  /**
   * Loads sweep values into the dashboard: the current params with each path set to its value (through the
   * engine's own withParam, so couplings such as the fund cap follow), at `paths` if given, then switches to the
   * dashboard. Returns the problems, empty when it was applied.
   */
  loadIntoDashboard: (values: readonly { path: string; valueText: string }[], paths?: number) => string[];
  /** Each change of the proposal alone and together against the baseline (issue #21), on the solver's worker. */
  runAttribution: (job: AttributionJob) => Promise<Attribution | null>;
}

export interface AttributionJob {
  baseline: RiskParams;
  proposal: RiskParams;
  fields: string[];
  seed: number;
  paths: number;
}

/** Probes start at the run's paths and may double to 4× where the interval straddles the target. */
export const SOLVER_MAX_PATHS_FACTOR = 4;

/**
 * What a sweep depends on, as a string: the params with the swept field(s) blanked (their value is overridden
 * at every point), seed, paths and axes. Equal keys → the same numbers, so no new run.
 */
export function sweepKey(params: RiskParams, seed: number, paths: number, axes: readonly { path: string; from: number; to: number; points: number }[]): string {
  const blank = (root: unknown, segments: string[]): unknown => {
    if (segments.length === 0 || typeof root !== 'object' || root === null) return root;
    const [head, ...rest] = segments as [string, ...string[]];
    const obj = root as Record<string, unknown>;
    if (!Object.hasOwn(obj, head)) return root;
    return { ...obj, [head]: rest.length === 0 ? '(swept)' : blank(obj[head], rest) };
  };
  let p: unknown = params;
  for (const a of axes) p = blank(p, a.path.split('.'));
  return JSON.stringify({ p, seed, paths, axes: axes.map((a) => [a.path, a.from, a.to, a.points]) });
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

const noPlanner: PlannerEngine = {
  runSweep: (_request, listener) => listener.error(missingEngine('planner').message),
  cancelSweep: () => undefined,
  solve: () => Promise.reject(missingEngine('planner')),
  compare: () => Promise.reject(missingEngine('planner')),
  cancelSolve: () => undefined,
  attribute: () => Promise.reject(missingEngine('planner')),
};

type Which = 'plannerSweep' | 'plannerHeatmap';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `now` times the tasks (ms); performance.now on the page. */
export function createPlannerSlice(planner: PlannerEngine = noPlanner, now: () => number = () => performance.now()): StateCreator<AppState, [], [], PlannerSlice> {
  return (set, get) => {
    const setRun = (which: Which, run: PlannerSweepRun) => set(which === 'plannerSweep' ? { plannerSweep: run } : { plannerHeatmap: run });

    const runSweep = (which: Which, axis: SweepAxis, axis2: SweepAxis | null, force: boolean): void => {
      const state = get();
      const axes = axis2 ? [axis, axis2] : [axis];
      const key = sweepKey(state.params, state.seed, state.paths, axes);
      const existing = state[which];
      if (!force && existing && existing.key === key && existing.status !== 'error' && existing.status !== 'cancelled') return;
      let run: PlannerSweepRun = {
        key,
        path: axis.path,
        path2: axis2?.path ?? null,
        paths: state.paths,
        rows: [],
        columns: null,
        points: [],
        status: 'running',
        error: null,
        done: 0,
        total: 0,
        elapsedMs: 0,
        firstPointMs: null,
      };
      setRun(which, run);
      // One sweep at a time on the planner workers: a new 1-D sweep cancels a grid in flight and vice versa.
      const other: Which = which === 'plannerSweep' ? 'plannerHeatmap' : 'plannerSweep';
      const otherRun = get()[other];
      if (otherRun?.status === 'running') setRun(other, { ...otherRun, status: 'cancelled' });
      const mine = () => get()[which] === run;
      const update = (next: PlannerSweepRun) => {
        run = next;
        setRun(which, run);
      };
      planner.runSweep(
        { params: state.params, seed: state.seed, paths: state.paths, axis, axis2 },
        {
          values(rows, columns) {
            if (!mine()) return;
            const total = rows.length * (columns?.length ?? 1);
            update({ ...run, rows, columns, total, points: Array.from({ length: total }, () => null) });
          },
          point(index, answer, done, _total, elapsedMs) {
            if (!mine()) return;
            const points = run.points.slice();
            points[index] = answer;
            // A provisional answer (the point's first paths) is drawn at once and replaced by the full one.
            update({ ...run, points, done, elapsedMs: answer.provisional ? run.elapsedMs : elapsedMs, firstPointMs: run.firstPointMs ?? elapsedMs });
          },
          done(elapsedMs) {
            if (!mine()) return;
            update({ ...run, status: 'done', elapsedMs });
          },
          error(message) {
            if (!mine()) return;
            update({ ...run, status: 'error', error: message });
          },
        },
      );
    };

    const solverSettings = () => {
      const s = get();
      return { params: s.params, seed: s.seed, target: s.solverTarget, initialPaths: s.paths, maxPaths: Math.min(100_000, SOLVER_MAX_PATHS_FACTOR * s.paths) };
    };

    const task = <T>(write: (t: PlannerTask<T>) => void, work: () => Promise<T | null>): void => {
      const startedAt = now();
      write({ status: 'running', result: null, error: null, elapsedMs: 0, startedAt });
      work().then(
        (result) => {
          if (result !== null) write({ status: 'done', result, error: null, elapsedMs: now() - startedAt, startedAt });
        },
        (error: unknown) => write({ status: 'error', result: null, error: messageOf(error), elapsedMs: now() - startedAt, startedAt }),
      );
    };

    const runningCompare = () => {
      const t = get().compareTask;
      return t.status === 'running' ? t : null;
    };

    return {
      plannerSweep: null,
      plannerHeatmap: null,
      heatmapSpec: DEFAULT_HEATMAP,
      solverLever: 'fund',
      solverTarget: 0.01,
      solverTask: IDLE_TASK,
      compareTask: IDLE_TASK,
      costAssumptions: { ...DEFAULT_COST_ASSUMPTIONS },
      setPlannerSweep: (plannerSweep) => set({ plannerSweep }),
      setPlannerHeatmap: (plannerHeatmap) => set({ plannerHeatmap }),
      setHeatmapSpec: (heatmapSpec) => set({ heatmapSpec }),
      setSolverLever: (solverLever) => set({ solverLever }),
      setSolverTarget: (solverTarget) => set({ solverTarget }),
      setSolverTask: (solverTask) => set({ solverTask }),
      setCompareTask: (compareTask) => set({ compareTask }),
      setCostAssumptions: (costAssumptions) => set({ costAssumptions }),
      runSweep1d: (spec, force = false) => runSweep('plannerSweep', { path: spec.param, from: spec.from, to: spec.to, points: spec.points }, null, force),
      runHeatmap: (force = false) => {
        const h = get().heatmapSpec;
        runSweep('plannerHeatmap', { path: h.param, from: h.from, to: h.to, points: h.points }, { path: h.param2, from: h.from2, to: h.to2, points: h.points2 }, force);
      },
      cancelSweeps: () => {
        planner.cancelSweep();
        const s = get();
        if (s.plannerSweep?.status === 'running') set({ plannerSweep: { ...s.plannerSweep, status: 'cancelled' } });
        if (s.plannerHeatmap?.status === 'running') set({ plannerHeatmap: { ...s.plannerHeatmap, status: 'cancelled' } });
      },
      runSolver: () => {
        const s = get();
        if (s.compareTask.status === 'running') set({ compareTask: { ...s.compareTask, status: 'cancelled' } });
        const lever = s.solverLever;
        task<SolveResult>((solverTask) => set({ solverTask }), () => planner.solve({ ...solverSettings(), lever }));
      },
      runCompare: () => {
        const s = get();
        if (s.solverTask.status === 'running') set({ solverTask: { ...s.solverTask, status: 'cancelled' } });
        // Streams (issue #21): every probe updates the progress line, every finished lever shows its card at once.
        task<LeverComparison>(
          (t) => set({ compareTask: t.status === 'running' ? { ...t, progress: { latest: null, latestAtMs: null, levers: [] } } : t }),
          () =>
            planner.compare(solverSettings(), {
              progress(latest) {
                const t = runningCompare();
                if (t) set({ compareTask: { ...t, progress: { levers: t.progress?.levers ?? [], latest, latestAtMs: now() - (t.startedAt ?? 0) } } });
              },
              lever(result) {
                const t = runningCompare();
                if (t) set({ compareTask: { ...t, progress: { latest: t.progress?.latest ?? null, latestAtMs: t.progress?.latestAtMs ?? null, levers: [...(t.progress?.levers ?? []), result] } } });
              },
            }),
        );
      },
      cancelSolver: () => {
        planner.cancelSolve();
        const s = get();
        if (s.solverTask.status === 'running') set({ solverTask: { ...s.solverTask, status: 'cancelled' } });
        if (s.compareTask.status === 'running') set({ compareTask: { ...s.compareTask, status: 'cancelled' } });
      },
      loadIntoDashboard: (values, paths) => {
        let params = get().params;
        for (const v of values) params = withParam(params, v.path, v.valueText);
        const problems = get().setParams(params);
        if (problems.length > 0) return problems.map((p) => `${p.field}: ${p.message}`);
        // An answer is shown at the paths that verified it (issue #21): fewer paths would widen its interval past the target.
        if (paths !== undefined && paths !== get().paths) {
          const pathProblems = get().setPaths(paths);
          if (pathProblems.length > 0) return pathProblems.map((p) => `${p.field}: ${p.message}`);
        }
        get().setTab('dashboard');
        return [];
      },
      runAttribution: (job) => planner.attribute(job),
    };
  };
}
