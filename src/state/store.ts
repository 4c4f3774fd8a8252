// The one bound store (STYLE.md §4): slices combined with zustand/vanilla so the logic runs in Node tests with
// fake engines; React reads it through useAppStore, and the store is the page's one door to every engine
// (engines.ts): the UI reads state and dispatches actions. The store keeps the run in step with its
// inputs: a change of params, seed, paths or baseline cancels the run in flight and starts a new one (changes
// made in one task start one run), and a change of the view's sample path asks the pool for that path.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAdlReportSlice, type AdlReportSlice } from './adlReportSlice';
import { createCrashPresetSlice, type CrashPresetSlice } from './crashPresetSlice';
import type { AppEngines } from './engines';
import { createLearnSlice, type LearnSlice } from './learnSlice';
import { createParamsSlice, type ParamsSlice } from './paramsSlice';
import { createPlannerSlice, type PlannerSlice } from './plannerSlice';
import { createPopulationCiSlice, type PopulationCiSlice } from './populationCiSlice';
import { createPositionsSlice, type PositionsSlice } from './positionsSlice';
import { createRareEventSlice, type IdleScheduler, type RareEventSlice } from './rareEventSlice';
import { createRunSlice, frameScheduler, type RunSlice, type Scheduler } from './runSlice';
import { createShareSlice, type ShareSlice } from './shareSlice';
import { createTapeSlice, type TapeSlice } from './tapeSlice';
import { createToolSlice, type ToolSlice } from './toolSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = ParamsSlice & RunSlice & ViewSlice & PlannerSlice & LearnSlice & RareEventSlice & PopulationCiSlice & ToolSlice & ShareSlice & AdlReportSlice & TapeSlice & PositionsSlice & CrashPresetSlice;
export type AppStore = StoreApi<AppState>;

export interface AppStoreOptions {
  /** When run reports are published (default: the next animation frame). */
  schedule?: Scheduler;
  /** The clock the planner's tasks are timed with, ms (default performance.now). */
  now?: () => number;
  /** When rare-event mode starts its estimate after a run is done (default: the next idle moment, rareEventSlice.ts). */
  whenIdle?: IdleScheduler;
}

/** Engines left out (a Node test that does not drive them) answer every call with an error that names them. */
export function createAppStore(engines: AppEngines, options: AppStoreOptions = {}): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createParamsSlice(...a),
    ...createRunSlice(engines.run, options.schedule ?? frameScheduler)(...a),
    ...createViewSlice(...a),
    ...createPlannerSlice(engines.planner, options.now)(...a),
    ...createLearnSlice(engines.trace)(...a),
    ...createRareEventSlice(engines.run, options.whenIdle)(...a),
    ...createPopulationCiSlice(engines.populationCi)(...a),
    ...createToolSlice(engines.fit, engines.pathColumns)(...a),
    ...createShareSlice(...a),
    ...createAdlReportSlice(...a),
    ...createTapeSlice(...a),
    ...createPositionsSlice(...a),
    ...createCrashPresetSlice(...a),
  }));

  let rerunQueued = false;
  store.subscribe((state, prev) => {
    if (state.params !== prev.params || state.seed !== prev.seed || state.paths !== prev.paths || state.baseline !== prev.baseline) {
      if (!rerunQueued) {
        rerunQueued = true;
        queueMicrotask(() => {
          rerunQueued = false;
          store.getState().rerunIfChanged();
        });
      }
    }
    if (state.pathIndex !== prev.pathIndex) state.showPath(state.pathIndex);
    // Rare-event mode follows the plain run: decided when it is done, dropped when a new one starts.
    if (state.status !== prev.status || state.runId !== prev.runId || state.estimator !== prev.estimator) state.refreshRareEvent();
    // So does the population interval while it is on: every finished run gets its own.
    if (state.status !== prev.status || state.stale !== prev.stale || state.runId !== prev.runId || state.populationCi !== prev.populationCi) {
      state.refreshPopulationCi();
    }
  });
  return store;
}
