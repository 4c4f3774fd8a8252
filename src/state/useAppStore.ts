// The page's store instance and its React hook. The engine pool starts its workers on the first run, not on
// import. `?workers=N` in the page URL forces N simulation workers (1–16; default one per core, at most 8).
import { useStore } from 'zustand';
import { EnginePool } from '../../workers/pool';
import { workerCountFrom } from '../../workers/poolConfig';
import { spawnEngineWorker } from '../../workers/spawnEngineWorker';
import { createAppStore, type AppState } from './store';

export const enginePool = new EnginePool({
  workers: workerCountFrom(location.search, navigator.hardwareConcurrency),
  spawn: spawnEngineWorker,
});

export const appStore = createAppStore(enginePool);

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
