// One run at a time: what was asked, where it stands, and what came back from the worker. Every run has an
// id; an answer for an older id is dropped, so a slow run can never overwrite a newer one.
import type { StateCreator } from 'zustand/vanilla';
import type { EngineClient } from '../../workers/engineClient';
import type { RunSummary } from '../../workers/protocol';
import type { AppState } from './store';

export type RunStatus = 'idle' | 'running' | 'done' | 'error';

export interface RunSlice {
  runId: number;
  status: RunStatus;
  /** Paths requested by the run in flight (or the last run). */
  runPaths: number;
  /** Summary of the last run that finished; kept while a new run is in flight. */
  summary: RunSummary | null;
  elapsedMs: number | null;
  /** Why the last run failed, in words for the page. */
  error: string | null;
  /** Starts a run of the current parameters; resolves when it has settled (never rejects). */
  startRun: () => Promise<void>;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export function createRunSlice(engine: EngineClient): StateCreator<AppState, [], [], RunSlice> {
  return (set, get) => ({
    runId: 0,
    status: 'idle',
    runPaths: 0,
    summary: null,
    elapsedMs: null,
    error: null,
    startRun: async () => {
      const { params, seed, paths } = get();
      const runId = get().runId + 1;
      set({ runId, status: 'running', runPaths: paths, error: null });
      try {
        const response = await engine.runSummary({ runId, params, seed, paths });
        if (get().runId !== runId) return;
        set({ status: 'done', summary: response.summary, elapsedMs: response.elapsedMs });
      } catch (error) {
        if (get().runId !== runId) return;
        set({ status: 'error', error: messageOf(error) });
      }
    },
  });
}
