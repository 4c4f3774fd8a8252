// The page's measured time per path (issue 21 item 3): the last finished run's wall time over its paths, kept
// across runs so the precision planner and the planner's sweep can say how long a run of N paths will take
// before it starts. A run with a pinned baseline simulates both sides, so the time per path covers both.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RunProgress, RunStatus } from './runContract';

export interface PathTiming {
  /** Wall time per path of the last finished run, ms (both sides when a baseline was pinned). */
  msPerPath: number;
  paths: number;
  /** 1, or 2 with a pinned baseline. */
  sides: number;
}

export interface PathTimingState {
  last: PathTiming | null;
}

export const pathTimingStore: StoreApi<PathTimingState> = createStore<PathTimingState>()(() => ({ last: null }));

interface RunView {
  status: RunStatus;
  progress: RunProgress;
  baseline: unknown;
}

/** The timing of a run that has just finished, or null (no paths, no time measured). */
export function timingOf(run: RunView): PathTiming | null {
  const { pathsTotal, pathsDone, elapsedMs } = run.progress;
  if (run.status !== 'done' || pathsTotal < 1 || pathsDone < pathsTotal || !(elapsedMs > 0)) return null;
  return { msPerPath: elapsedMs / pathsTotal, paths: pathsTotal, sides: run.baseline === null ? 1 : 2 };
}

const tracked = new WeakSet<object>();

/** Records each finished run of `app` into `target` (once per store, however often it is called). */
export function trackPathTiming<S extends RunView>(app: StoreApi<S>, target: StoreApi<PathTimingState> = pathTimingStore): void {
  if (tracked.has(app)) return;
  tracked.add(app);
  app.subscribe((state, previous) => {
    if (state.status !== 'done' || (previous.status === 'done' && previous.progress === state.progress)) return;
    const timing = timingOf(state);
    if (timing) target.setState({ last: timing });
  });
}
