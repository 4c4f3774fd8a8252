// The one bound store (STYLE.md §4): three slices combined with zustand/vanilla so the logic runs in Node
// tests with a fake engine; React reads it through useAppStore. The store keeps the run in step with its
// inputs: a change of params, seed, paths or baseline cancels the run in flight and starts a new one (changes
// made in one task start one run), and a change of the view's sample path asks the pool for that path.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RunEngine } from '../../workers/pool';
import { createLearnSlice, type LearnSlice } from './learnSlice';
import { createParamsSlice, type ParamsSlice } from './paramsSlice';
import { createPlannerSlice, type PlannerSlice } from './plannerSlice';
import { createRareEventSlice, type RareEventSlice } from './rareEventSlice';
import { createRunSlice, frameScheduler, type RunSlice, type Scheduler } from './runSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = ParamsSlice & RunSlice & ViewSlice & PlannerSlice & LearnSlice & RareEventSlice;
export type AppStore = StoreApi<AppState>;

export interface AppStoreOptions {
  /** When run reports are published (default: the next animation frame). */
  schedule?: Scheduler;
}

export function createAppStore(engine: RunEngine, options: AppStoreOptions = {}): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createParamsSlice(...a),
    ...createRunSlice(engine, options.schedule ?? frameScheduler)(...a),
    ...createViewSlice(...a),
    ...createPlannerSlice(...a),
    ...createLearnSlice(...a),
    ...createRareEventSlice(engine)(...a),
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
  });
  return store;
}
