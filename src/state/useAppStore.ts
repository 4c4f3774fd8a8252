// The page's store instance and its React hook, and the one place the page meets real workers: every engine the
// store drives is built here. Workers start on first use, not on import. `?workers=N` in the page URL forces N
// simulation workers (1–16; default one per core, at most 8).
import { useStore } from 'zustand';
import { fitTapeInWorker } from '../../workers/client/fitClient';
import { PlannerClient } from '../../workers/client/plannerClient';
import { EnginePool } from '../../workers/client/pool';
import { workerCountFrom } from '../../workers/client/poolConfig';
import { populationCiPlan, runPopulationCi } from '../../workers/client/populationCiClient';
import { spawnEngineWorker } from '../../workers/client/spawnEngineWorker';
import { createTraceClient } from '../../workers/client/traceClient';
import type { PlannerEngine } from './engines';
import { createAppStore, type AppState } from './store';

const workers = workerCountFrom(location.search, navigator.hardwareConcurrency);

const enginePool = new EnginePool({ workers, spawn: spawnEngineWorker });

/** Simulation workers of the page's pool (the heavy-run gate scales its limit with them). */
export const poolWorkerCount = enginePool.workerCount;

/** Planner workers: a sweep point is ~1 s of one core at 1,000 paths; more workers than cores only contend. */
const MAX_PLANNER_WORKERS = 8;

let plannerClient: PlannerClient | null = null;
const planner = (): PlannerClient => (plannerClient ??= new PlannerClient(Math.min(workers, MAX_PLANNER_WORKERS)));
/** The planner client is made on the first planner call; cancelling before then has nothing to stop. */
const lazyPlanner: PlannerEngine = {
  runSweep: (request, listener) => planner().runSweep(request, listener),
  cancelSweep: () => plannerClient?.cancelSweep(),
  solve: (options) => planner().solve(options),
  compare: (options, listen) => planner().compare(options, listen),
  cancelSolve: () => plannerClient?.cancelSolve(),
  attribute: (job) => planner().attribute(job),
};

export const appStore = createAppStore({
  run: enginePool,
  // Learn mode's own engine worker: stepping through a path never waits behind a Monte Carlo run.
  trace: createTraceClient(spawnEngineWorker),
  planner: lazyPlanner,
  fit: { fitTape: fitTapeInWorker },
  populationCi: {
    plan: populationCiPlan,
    run: (request, options) => runPopulationCi(spawnEngineWorker, request, { ...options, workers }),
  },
  pathColumns: (runId) => enginePool.pathColumns(runId),
});

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
