// The on-demand population-inclusive interval on P(socialized) (beside the path-only Wilson interval): one more
// run of the same paths on freshly drawn populations, in engine workers of its own, with progress and cancel.
// An answer belongs to the (params, seed, paths) it was computed for; views show it only while those hold.
// Asking for it turns on `populationCi` (viewSlice; a share-link field): while on, every finished run gets its
// interval, so a link made with it on opens showing it. Hide/Cancel turn it off; closing the panel only stops
// the request in flight.
import type { StateCreator } from 'zustand/vanilla';
import { canonicalJson } from '../engine/identity';
import type { RiskParams } from '../engine/params/riskParams';
import { missingEngine, type PopulationCiEngine, type PopulationInterval } from './engines';
import type { AppState } from './store';

export type PopulationCiState =
  | { kind: 'idle' }
  | { kind: 'running'; key: string; done: number; total: number }
  | { kind: 'done'; key: string; result: PopulationInterval }
  | { kind: 'error'; key: string; message: string };

export interface PopulationCiSlice {
  /** The request's progress and answer (`populationCi` itself is the on/off choice a link carries). */
  populationCiRun: PopulationCiState;
  /** The batch split for these params and paths; null when there is no population interval for them. */
  populationCiPlan: (params: RiskParams, paths: number) => { batches: number; perBatch: number } | null;
  /** Starts the interval for the current params, seed and paths, replacing one in flight. */
  startPopulationCi: () => void;
  /** Ends the one in flight (its workers too), forgets any answer and turns the interval off. */
  cancelPopulationCi: () => void;
  /** Ends the one in flight (its workers too) but keeps the choice: the panel showing it closed. Until it is
   * shown again (resumePopulationCi), finished runs do not start one by themselves. */
  abandonPopulationCi: () => void;
  /** The panel showing it opened: finished runs get their interval again while the choice is on. */
  resumePopulationCi: () => void;
  /** While the choice is on, starts the interval of a finished, current run that has none yet (once per run);
   * the store calls it when the run's status or the choice changes. */
  refreshPopulationCi: () => void;
}

/** What a population interval depends on. */
export const populationCiKey = (params: RiskParams, seed: number, paths: number): string => canonicalJson({ params, seed, paths });

const noPopulationCi: PopulationCiEngine = {
  plan: () => null,
  run: () => Promise.reject(missingEngine('population-interval')),
};

export function createPopulationCiSlice(engine: PopulationCiEngine = noPopulationCi): StateCreator<AppState, [], [], PopulationCiSlice> {
  return (set, get) => {
    let controller: AbortController | null = null;
    /** The panel is closed: what a closed panel cannot show is not computed. */
    let held = false;
    return {
      populationCiRun: { kind: 'idle' },
      populationCiPlan: (params, paths) => engine.plan(params, paths),
      startPopulationCi: () => {
        const { params, seed, paths } = get();
        const plan = engine.plan(params, paths);
        if (plan === null) return;
        controller?.abort(new Error('Replaced by a new request'));
        const abort = new AbortController();
        controller = abort;
        const key = populationCiKey(params, seed, paths);
        // Running before the choice turns on, so the refresh that the choice triggers finds this request.
        set({ populationCiRun: { kind: 'running', key, done: 0, total: plan.batches } });
        get().setPopulationCi(true);
        engine
          .run(
            { params, seed, paths },
            {
              signal: abort.signal,
              onProgress: (done, total) => {
                if (!abort.signal.aborted) set({ populationCiRun: { kind: 'running', key, done, total } });
              },
            },
          )
          .then(
            (result) => {
              if (!abort.signal.aborted && result) set({ populationCiRun: { kind: 'done', key, result } });
            },
            (error: unknown) => {
              if (!abort.signal.aborted) set({ populationCiRun: { kind: 'error', key, message: error instanceof Error ? error.message : String(error) } });
            },
          );
      },
      cancelPopulationCi: () => {
        controller?.abort(new Error('Cancelled'));
        controller = null;
        set({ populationCiRun: { kind: 'idle' } });
        get().setPopulationCi(false);
      },
      abandonPopulationCi: () => {
        held = true;
        controller?.abort(new Error('The results panel closed'));
        controller = null;
        set({ populationCiRun: { kind: 'idle' } });
      },
      resumePopulationCi: () => {
        held = false;
        get().refreshPopulationCi();
      },
      refreshPopulationCi: () => {
        const { populationCi, status, stale, params, seed, paths, populationCiRun } = get();
        if (held || !populationCi || status !== 'done' || stale) return;
        const current = populationCiRun.kind !== 'idle' && populationCiRun.key === populationCiKey(params, seed, paths);
        // An answer, a request in flight or an error for these inputs: each finished run asks once.
        if (!current && engine.plan(params, paths) !== null) get().startPopulationCi();
      },
    };
  };
}
