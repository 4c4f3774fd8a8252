// The one bound store (STYLE.md §4): three slices combined with zustand/vanilla so the logic runs in Node
// tests with a fake engine; React reads it through useAppStore.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EngineClient } from '../../workers/engineClient';
import { createParamsSlice, type ParamsSlice } from './paramsSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = ParamsSlice & RunSlice & ViewSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(engine: EngineClient): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createParamsSlice(...a),
    ...createRunSlice(engine)(...a),
    ...createViewSlice(...a),
  }));
}
