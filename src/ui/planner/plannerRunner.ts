// Drives the planner workers from the page (issue #10): one PlannerClient (two workers by default — one per
// core, capped at 2 beside the dashboard's pool; `?workers=N` forces N), whose reports are written into the
// planner slice. A sweep whose inputs (sweepKey) have not changed is not run again.
import { LEVER_PATHS, withParam, type LeverKind } from '../../engine/params/sweepableParams';
import type { Attribution } from '../../engine/metrics/attribution';
import type { RiskParams } from '../../engine/params/riskParams';
import type { SweepSpec } from '../../share/shareState';
import type { PlannerSweepRun, PlannerTask } from '../../state/plannerSlice';
import { appStore } from '../../state/useAppStore';
import { PlannerClient, type SweepAxis } from '../../../workers/plannerClient';
import { workerCountFrom } from '../../../workers/poolConfig';
import { sweepKey } from './plannerRows';

let client: PlannerClient | null = null;

function plannerClient(): PlannerClient {
  client ??= new PlannerClient(Math.min(workerCountFrom(location.search, navigator.hardwareConcurrency), MAX_PLANNER_WORKERS));
  return client;
}

/** Planner workers: a sweep point is ~1 s of one core at 1,000 paths; more workers than cores only contend. */
const MAX_PLANNER_WORKERS = 8;

type Which = 'plannerSweep' | 'plannerHeatmap';

function runSweep(which: Which, axis: SweepAxis, axis2: SweepAxis | null, force: boolean): void {
  const state = appStore.getState();
  const axes = axis2 ? [axis, axis2] : [axis];
  const key = sweepKey(state.params, state.seed, state.paths, axes);
  const existing = state[which];
  if (!force && existing && existing.key === key && existing.status !== 'error' && existing.status !== 'cancelled') return;
  const set = (run: PlannerSweepRun) => (which === 'plannerSweep' ? appStore.getState().setPlannerSweep(run) : appStore.getState().setPlannerHeatmap(run));
  const get = () => appStore.getState()[which];
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
  set(run);
  const c = plannerClient();
  // One sweep at a time on the planner workers: a new 1-D sweep cancels a grid in flight and vice versa.
  const other = which === 'plannerSweep' ? 'plannerHeatmap' : 'plannerSweep';
  const otherRun = appStore.getState()[other];
  if (otherRun?.status === 'running') {
    const cancelled = { ...otherRun, status: 'cancelled' as const };
    if (other === 'plannerSweep') appStore.getState().setPlannerSweep(cancelled);
    else appStore.getState().setPlannerHeatmap(cancelled);
  }
  const mine = () => get()?.key === key && get() === run;
  const update = (next: PlannerSweepRun) => {
    run = next;
    set(run);
  };
  c.runSweep(
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
}

/** Runs the 1-D sweep of view.sweep on the current params, seed and paths (unless that exact sweep is shown). */
export function runSweep1d(spec: SweepSpec, force = false): void {
  runSweep('plannerSweep', { path: spec.param, from: spec.from, to: spec.to, points: spec.points }, null, force);
}

export function runHeatmap(force = false): void {
  const h = appStore.getState().heatmapSpec;
  runSweep('plannerHeatmap', { path: h.param, from: h.from, to: h.to, points: h.points }, { path: h.param2, from: h.from2, to: h.to2, points: h.points2 }, force);
}

export function cancelSweeps(): void {
  client?.cancelSweep();
  const s = appStore.getState();
  if (s.plannerSweep?.status === 'running') s.setPlannerSweep({ ...s.plannerSweep, status: 'cancelled' });
  if (s.plannerHeatmap?.status === 'running') s.setPlannerHeatmap({ ...s.plannerHeatmap, status: 'cancelled' });
}

/** Probes start at the run's paths and may double to 4× where the interval straddles the target. */
export const SOLVER_MAX_PATHS_FACTOR = 4;

function solverSettings() {
  const s = appStore.getState();
  return {
    params: s.params,
    seed: s.seed,
    target: s.solverTarget,
    initialPaths: s.paths,
    maxPaths: Math.min(100_000, SOLVER_MAX_PATHS_FACTOR * s.paths),
  };
}

function task<T>(set: (t: PlannerTask<T>) => void, work: () => Promise<T | null>): void {
  const startedAt = performance.now();
  set({ status: 'running', result: null, error: null, elapsedMs: 0, startedAt });
  work().then(
    (result) => {
      if (result !== null) set({ status: 'done', result, error: null, elapsedMs: performance.now() - startedAt, startedAt });
    },
    (error: unknown) => set({ status: 'error', result: null, error: error instanceof Error ? error.message : String(error), elapsedMs: performance.now() - startedAt, startedAt }),
  );
}

export function runSolver(): void {
  const s = appStore.getState();
  if (s.compareTask.status === 'running') s.setCompareTask({ ...s.compareTask, status: 'cancelled' });
  const lever = s.solverLever;
  task((t) => appStore.getState().setSolverTask(t), () => plannerClient().solve({ ...solverSettings(), lever }));
}

export function runCompare(): void {
  const s = appStore.getState();
  if (s.solverTask.status === 'running') s.setSolverTask({ ...s.solverTask, status: 'cancelled' });
  // Streams (issue #21): every probe updates the progress line, every finished lever shows its card at once.
  const running = () => {
    const t = appStore.getState().compareTask;
    return t.status === 'running' ? t : null;
  };
  task(
    (t) => appStore.getState().setCompareTask(t.status === 'running' ? { ...t, progress: { latest: null, latestAtMs: null, levers: [] } } : t),
    () =>
      plannerClient().compare(solverSettings(), {
        progress(latest) {
          const t = running();
          if (t) appStore.getState().setCompareTask({ ...t, progress: { levers: t.progress?.levers ?? [], latest, latestAtMs: performance.now() - (t.startedAt ?? 0) } });
        },
        lever(result) {
          const t = running();
          if (t) appStore.getState().setCompareTask({ ...t, progress: { latest: t.progress?.latest ?? null, latestAtMs: t.progress?.latestAtMs ?? null, levers: [...(t.progress?.levers ?? []), result] } });
        },
      }),
  );
}

export function cancelSolver(): void {
  client?.cancelSolve();
  const s = appStore.getState();
  if (s.solverTask.status === 'running') s.setSolverTask({ ...s.solverTask, status: 'cancelled' });
  if (s.compareTask.status === 'running') s.setCompareTask({ ...s.compareTask, status: 'cancelled' });
}

/**
 * Loads sweep values into the dashboard: the current params with each path set to its value (through the
 * engine's own withParam, so couplings such as the fund cap follow), then switches to the dashboard.
 * Returns the problems, empty when it was applied.
 */
export function loadIntoDashboard(values: readonly { path: string; valueText: string }[], paths?: number): string[] {
  let params = appStore.getState().params;
  for (const v of values) params = withParam(params, v.path, v.valueText);
  const problems = appStore.getState().setParams(params);
  if (problems.length > 0) return problems.map((p) => `${p.field}: ${p.message}`);
  // An answer is shown at the paths that verified it (issue #21): fewer paths would widen its interval past the target.
  if (paths !== undefined && paths !== appStore.getState().paths) {
    const pathProblems = appStore.getState().setPaths(paths);
    if (pathProblems.length > 0) return pathProblems.map((p) => `${p.field}: ${p.message}`);
  }
  appStore.getState().setTab('dashboard');
  return [];
}

export function leverPath(lever: LeverKind): string {
  return LEVER_PATHS[lever];
}

/** Each change of the proposal alone and together against the baseline (issue #21), on the solver's worker. */
export function runAttribution(job: { baseline: RiskParams; proposal: RiskParams; fields: string[]; seed: number; paths: number }): Promise<Attribution | null> {
  return plannerClient().attribute(job);
}
