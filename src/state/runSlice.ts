// The run slice (the contract in runContract.ts): one run at a time, streamed from the worker pool. Every run
// has an id; whatever the pool reports is published at most once per animation frame, and only for the run
// in flight, so a cancelled or older run can never overwrite a newer one. While a new run starts, the last
// summary stays on screen marked `stale` until the new run's first partial summary replaces it.
import type { StateCreator } from 'zustand/vanilla';
import type { RunEngine, RunListener } from './engines';
import type { RiskParams } from '../engine/params/riskParams';
import type { RunProgress, RunSliceContract, RunStatus } from './runContract';
import type { AppState } from './store';

export type { RunStatus };

export interface RunSlice extends RunSliceContract {
  /** Starts a run if params, seed, paths or baseline differ from the last run's (the store calls it on changes). */
  rerunIfChanged: () => void;
  /** Reports path `pathIndex` of the current run as `samplePath` (the store calls it when the view's changes). */
  showPath: (pathIndex: number) => void;
}

/** Calls `flush` once, soon. */
export type Scheduler = (flush: () => void) => void;

/** The next animation frame, or 100 ms if frames do not come (a hidden tab), whichever is first. */
export const frameScheduler: Scheduler = (flush) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    flush();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
  setTimeout(once, 100);
};

/** Least time between two partial summaries on screen, ms; more when drawing one takes longer (see below). */
export const MIN_SUMMARY_INTERVAL_MS = 100;

/**
 * Least time between two updates of the store while a run streams, ms. Chunks finish every few ms on a fast
 * machine, and each update re-renders the run's status line: at most 20 a second keeps that cheap — the main
 * thread shares the cores with the simulation workers — and still reads as continuous progress.
 */
export const MIN_FLUSH_INTERVAL_MS = 50;

/** User-timing marks for benchmarks and the browser's performance panel: start, first partial summary, done. */
export const RUN_MARKS = { start: 'haircut:run-start', firstPartial: 'haircut:first-partial', done: 'haircut:run-done' } as const;

function mark(name: string, runId: number): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.clearMarks(name);
  performance.mark(name, { detail: { runId } });
}

interface RunInputs {
  params: RiskParams;
  seed: number;
  paths: number;
  baseline: RiskParams | null;
}

type RunPatch = Partial<Pick<RunSlice, 'status' | 'progress' | 'summary' | 'baselineSummary' | 'comparison' | 'samplePath' | 'stale' | 'error'>>;

export function createRunSlice(engine: RunEngine, schedule: Scheduler = frameScheduler): StateCreator<AppState, [], [], RunSlice> {
  return (set, get) => {
    /** The run whose reports are published; null after a cancel. */
    let active: number | null = null;
    let lastInputs: RunInputs | null = null;
    let pending: RunPatch | null = null;
    let scheduled = false;
    let firstPartialMarked = -1;
    // Back-pressure from the page: after a summary is published, the time until the next frame is roughly what
    // drawing it cost. The next partial summary waits at least twice that, so the charts never keep the main
    // thread (and with it the workers' dispatch) busy all the time.
    let nextSummaryAt = 0;
    let summaryGeneration = 0;
    const now = () => performance.now();

    const measureRender = () => {
      const generation = ++summaryGeneration;
      const publishedAt = now();
      nextSummaryAt = Infinity;
      schedule(() => {
        if (generation !== summaryGeneration) return;
        nextSummaryAt = publishedAt + Math.max(MIN_SUMMARY_INTERVAL_MS, 2 * (now() - publishedAt));
      });
    };

    let lastFlushAt = Number.NEGATIVE_INFINITY;

    const flush = () => {
      scheduled = false;
      const patch = pending;
      pending = null;
      if (!patch || active === null || get().runId !== active) return;
      lastFlushAt = now();
      set(patch);
      if (patch.summary && patch.status !== 'done') measureRender();
      if (patch.summary && firstPartialMarked !== active) {
        firstPartialMarked = active;
        mark(RUN_MARKS.firstPartial, active);
      }
      if (patch.status === 'done') mark(RUN_MARKS.done, active);
    };

    /** Merges a report into the next frame's update; `atOnce` publishes it now (the run's first summary, its end). */
    const publish = (runId: number, patch: RunPatch, atOnce = false) => {
      if (runId !== active) return;
      pending = { ...pending, ...patch };
      if (atOnce) flush();
      else if (!scheduled) {
        scheduled = true;
        const wait = lastFlushAt + MIN_FLUSH_INTERVAL_MS - now();
        if (wait > 0) setTimeout(() => schedule(flush), wait);
        else schedule(flush);
      }
    };

    const listenerFor = (runId: number): RunListener => ({
      progress: (progress) => publish(runId, { progress }),
      snapshot: (snapshot, final) =>
        publish(
          runId,
          {
            summary: snapshot.summary,
            baselineSummary: snapshot.baselineSummary,
            comparison: snapshot.comparison,
            stale: false,
            ...(final ? { status: 'done' as const } : {}),
          },
          // The run's first summary replaces the stale one at once rather than at the next frame: it is the
          // first sign the new parameters were taken, and nothing is queued behind it yet.
          final || firstPartialMarked !== runId,
        ),
      samplePath: (samplePath) => publish(runId, { samplePath }),
      error: (message) => publish(runId, { status: 'error', error: message }, true),
      readyForSnapshot: () => now() >= nextSummaryAt,
    });

    const startRun = () => {
      const { params, seed, paths, baseline, pathIndex, summary, runId: lastRunId } = get();
      const runId = lastRunId + 1;
      lastInputs = { params, seed, paths, baseline };
      active = runId;
      pending = null;
      summaryGeneration++;
      nextSummaryAt = 0;
      mark(RUN_MARKS.start, runId);
      const progress: RunProgress = { pathsDone: 0, pathsTotal: paths, elapsedMs: 0, etaMs: null };
      set({ runId, status: 'running', error: null, stale: summary !== null, progress });
      try {
        engine.start({ runId, params, seed, paths, baseline, pathIndex: Math.min(pathIndex, paths - 1) }, listenerFor(runId));
      } catch (error) {
        publish(runId, { status: 'error', error: error instanceof Error ? error.message : String(error) }, true);
      }
    };

    return {
      runId: 0,
      status: 'idle',
      progress: { pathsDone: 0, pathsTotal: 0, elapsedMs: 0, etaMs: null },
      summary: null,
      baselineSummary: null,
      comparison: null,
      samplePath: null,
      stale: false,
      error: null,
      startRun,
      cancelRun: () => {
        engine.cancel();
        active = null;
        pending = null;
        if (get().status === 'running') set({ status: 'idle' });
      },
      rerunIfChanged: () => {
        if (lastInputs === null) return; // nothing has run yet: the page starts the first run itself
        const { params, seed, paths, baseline } = get();
        if (params !== lastInputs.params || seed !== lastInputs.seed || paths !== lastInputs.paths || baseline !== lastInputs.baseline) startRun();
      },
      showPath: (pathIndex) => engine.showPath(get().runId, pathIndex),
    };
  };
}
