// The page's gate for heavy runs from links (issue 18 §6): a link whose run is estimated above
// HEAVY_RUN_SECONDS is held, not applied, until the visitor agrees; meanwhile the page keeps what it showed.
// urlSync calls `admit`; the prompt (ui/share/HeavyRunPrompt.tsx) reads heavyRunStore.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ShareState } from '../share/shareState';
import { HEAVY_RUN_SECONDS, estimateRunCost, type RunCost } from './runCost';

export interface HeavyRunState {
  /** A link held for the visitor's go-ahead, or null. */
  pending: { cost: RunCost; apply: () => void } | null;
  /** Applies the held link (its run starts). */
  accept: () => void;
  /** Drops the held link; the page keeps what it showed. */
  decline: () => void;
}

export function createHeavyRunStore(): StoreApi<HeavyRunState> {
  return createStore<HeavyRunState>()((set, get) => ({
    pending: null,
    accept: () => {
      const pending = get().pending;
      set({ pending: null });
      pending?.apply();
    },
    decline: () => set({ pending: null }),
  }));
}

export const heavyRunStore = createHeavyRunStore();

/** urlSync's `admit`: applies light links at once, holds heavy ones in `store` for the visitor to decide. */
export function heavyRunGate(workers: number, store: StoreApi<HeavyRunState> = heavyRunStore) {
  return (share: ShareState, apply: () => void): boolean => {
    const cost = estimateRunCost(share, workers);
    if (cost.seconds <= HEAVY_RUN_SECONDS) {
      store.setState({ pending: null });
      return true;
    }
    store.setState({ pending: { cost, apply } });
    return false;
  };
}
