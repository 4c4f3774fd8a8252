// The planner's actions in Node against a fake planner engine: sweeps stream into their slot and are not rerun
// for the same inputs, a newer sweep wins over reports of an older one, the solver and comparison are timed
// tasks, and loading an answer into the dashboard goes through the params slice's own checks.
import { describe, expect, it } from 'vitest';
import { legacyDefaultParams } from '../engine/params/defaults';
import type { LeverComparison, SolveResult } from '../engine/planner/index';
import type { PlannerEngine, PointAnswer, RunEngine, SweepListener, SweepRequest } from './engines';
import { sweepKey } from './plannerSlice';
import { createAppStore } from './store';

const idleEngine: RunEngine = { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };

function fakePlanner() {
  const sweeps: { request: SweepRequest; listener: SweepListener }[] = [];
  const calls: string[] = [];
  let solve: { resolve: (r: SolveResult | null) => void; reject: (e: Error) => void } | null = null;
  let compare: { listen: NonNullable<Parameters<PlannerEngine['compare']>[1]>; resolve: (r: LeverComparison | null) => void } | null = null;
  const planner: PlannerEngine = {
    runSweep: (request, listener) => void sweeps.push({ request, listener }),
    cancelSweep: () => void calls.push('cancelSweep'),
    solve: (options) => {
      calls.push(`solve ${options.lever} target ${options.target} paths ${options.initialPaths}..${options.maxPaths}`);
      return new Promise((resolve, reject) => (solve = { resolve, reject }));
    },
    compare: (_options, listen = {}) => new Promise((resolve) => (compare = { listen, resolve })),
    cancelSolve: () => void calls.push('cancelSolve'),
    attribute: (job) => Promise.resolve({ fields: job.fields } as never),
  };
  return { planner, sweeps, calls, solve: () => solve!, compare: () => compare! };
}

function setup() {
  const fake = fakePlanner();
  let clock = 1_000;
  const store = createAppStore({ run: idleEngine, planner: fake.planner }, { schedule: () => undefined, now: () => clock });
  return { ...fake, store, advance: (ms: number) => void (clock += ms) };
}

const spec = { param: 'insuranceFund.initial', from: 0, to: 1_000_000, points: 3 };
const answer = (pSocialized: number, provisional = false) => ({ ok: true, pSocialized, elapsedMs: 5, ...(provisional ? { provisional } : {}) }) as unknown as PointAnswer;
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

describe('planner slice: sweeps', () => {
  it('streams a 1-D sweep into plannerSweep: values, provisional then full points, done', () => {
    const { store, sweeps } = setup();
    store.getState().runSweep1d(spec);
    expect(sweeps).toHaveLength(1);
    const { request, listener } = sweeps[0]!;
    expect(request.axis).toEqual({ path: spec.param, from: 0, to: 1_000_000, points: 3 });
    expect(request.axis2).toBeNull();
    expect(store.getState().plannerSweep).toMatchObject({ status: 'running', path: spec.param, path2: null, total: 0 });
    listener.values(['0', '500000', '1000000'], null);
    expect(store.getState().plannerSweep?.points).toEqual([null, null, null]);
    listener.point(2, answer(0.1, true), 0, 3, 40);
    expect(store.getState().plannerSweep).toMatchObject({ done: 0, elapsedMs: 0, firstPointMs: 40 });
    listener.point(2, answer(0.12), 1, 3, 90);
    listener.point(0, answer(0.3), 2, 3, 120);
    listener.done(150);
    const run = store.getState().plannerSweep!;
    expect(run.points.map((p) => (p?.ok ? p.pSocialized : null))).toEqual([0.3, null, 0.12]);
    expect([run.status, run.done, run.total, run.elapsedMs, run.firstPointMs]).toEqual(['done', 2, 3, 150, 40]);
    expect(run.key).toBe(sweepKey(store.getState().params, store.getState().seed, store.getState().paths, [request.axis]));
  });

  it('does not rerun a sweep with the same inputs unless forced or it failed', () => {
    const { store, sweeps } = setup();
    store.getState().runSweep1d(spec);
    sweeps[0]!.listener.done(1);
    store.getState().runSweep1d(spec);
    expect(sweeps).toHaveLength(1);
    store.getState().runSweep1d(spec, true);
    expect(sweeps).toHaveLength(2);
    sweeps[1]!.listener.error('The planner worker failed');
    expect(store.getState().plannerSweep).toMatchObject({ status: 'error', error: 'The planner worker failed' });
    store.getState().runSweep1d(spec);
    expect(sweeps).toHaveLength(3);
  });

  it('a grid cancels the 1-D sweep in flight, whose late reports are then dropped', () => {
    const { store, sweeps } = setup();
    store.getState().runSweep1d(spec);
    store.getState().runHeatmap();
    expect(sweeps[1]!.request.axis2).not.toBeNull();
    expect(store.getState().plannerSweep?.status).toBe('cancelled');
    sweeps[0]!.listener.values(['0'], null);
    sweeps[0]!.listener.done(5);
    expect(store.getState().plannerSweep?.status).toBe('cancelled');
    expect(store.getState().plannerHeatmap?.status).toBe('running');
  });

  it('cancelSweeps stops the engine and marks what ran as cancelled', () => {
    const { store, calls } = setup();
    store.getState().runHeatmap();
    store.getState().cancelSweeps();
    expect(calls).toEqual(['cancelSweep']);
    expect(store.getState().plannerHeatmap?.status).toBe('cancelled');
  });
});

describe('planner slice: solver and comparison', () => {
  it('runs the solver lever on the run\'s params and paths (probes up to 4×), timed on the store\'s clock', async () => {
    const { store, calls, solve, advance } = setup();
    store.getState().setSolverLever('margin');
    store.getState().runSolver();
    expect(calls).toEqual([`solve margin target 0.01 paths ${store.getState().paths}..${4 * store.getState().paths}`]);
    expect(store.getState().solverTask).toMatchObject({ status: 'running', startedAt: 1_000 });
    advance(250);
    const result = { lever: 'margin', answer: 0.05 } as SolveResult;
    solve().resolve(result);
    await settle();
    expect(store.getState().solverTask).toEqual({ status: 'done', result, error: null, elapsedMs: 250, startedAt: 1_000 });
  });

  it('shows a failed solve in words; a null answer (replaced) leaves the task as it was', async () => {
    const { store, solve } = setup();
    store.getState().runSolver();
    solve().reject(new Error('The parameters were refused'));
    await settle();
    expect(store.getState().solverTask).toMatchObject({ status: 'error', error: 'The parameters were refused' });
    store.getState().runSolver();
    solve().resolve(null);
    await settle();
    expect(store.getState().solverTask.status).toBe('running');
  });

  it('streams the comparison\'s progress and finished levers; the solver cancels it, cancelSolver stops both', () => {
    const { store, compare, calls } = setup();
    store.getState().runCompare();
    expect(store.getState().compareTask.progress).toEqual({ latest: null, latestAtMs: null, levers: [] });
    const lever = { lever: 'fund' } as SolveResult;
    compare().listen.lever!(lever);
    expect(store.getState().compareTask.progress?.levers).toEqual([lever]);
    store.getState().runSolver();
    expect(store.getState().compareTask.status).toBe('cancelled');
    compare().listen.lever!(lever);
    expect(store.getState().compareTask.progress?.levers).toEqual([lever]);
    store.getState().cancelSolver();
    expect(store.getState().solverTask.status).toBe('cancelled');
    expect(calls.at(-1)).toBe('cancelSolve');
  });

  it('hands attribution to the planner engine', async () => {
    const { store } = setup();
    const params = legacyDefaultParams();
    await expect(store.getState().runAttribution({ baseline: params, proposal: params, fields: ['a'], seed: 1, paths: 10 })).resolves.toEqual({ fields: ['a'] });
  });
});

describe('planner slice: loading an answer into the dashboard', () => {
  it('sets the value through the params slice, at the answer\'s paths, and shows the dashboard', () => {
    const { store } = setup();
    store.getState().setTab('planner');
    expect(store.getState().loadIntoDashboard([{ path: 'insuranceFund.initial', valueText: '1234567' }], 2_000)).toEqual([]);
    // Money fields are exact decimal strings.
    expect(store.getState().params.insuranceFund.initial).toBe('1234567');
    expect(store.getState().paths).toBe(2_000);
    expect(store.getState().tab).toBe('dashboard');
  });

  it('refuses a value the params slice refuses, and changes nothing', () => {
    const { store } = setup();
    store.getState().setTab('planner');
    const before = store.getState().params;
    const problems = store.getState().loadIntoDashboard([{ path: 'margin.maintenanceMarginRatio', valueText: '-1' }]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^margin\.maintenanceMarginRatio: /);
    expect(store.getState().params).toBe(before);
    expect(store.getState().tab).toBe('planner');
  });
});
