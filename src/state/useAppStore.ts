// The page's store instance and its React hook. The engine worker starts on the first run, not on import.
import { useStore } from 'zustand';
import { createEngineClient } from '../../workers/engineClient';
import { createAppStore, type AppState } from './store';

export const appStore = createAppStore(createEngineClient());

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
