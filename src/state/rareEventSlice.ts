// Rare-event mode on the page: the estimator mode (a link field), and — once the plain run is done — the
// importance-sampled estimate of the same paths count and seed when the mode asks for it ('importance') or the
// plain run saw too few socialized paths ('auto'). The plain run's charts stay; the headline shows the
// importance estimate with its interval and effective sample size, and says why.
import type { StateCreator } from 'zustand/vanilla';
import type { RunEngine } from './engines';
import type { ImportanceSummary } from '../engine/importance/summarizeImportance';
import { chooseEstimator, IMPORTANCE_BELOW_P, RARE_EVENT_THRESHOLD, socializedPathsOf, type EstimatorChoice, type EstimatorMode } from '../engine/importance/rareEventChoice';
import type { AppState } from './store';

export interface RareEventState {
  /** The plain run this belongs to (AppState.runId). */
  runId: number;
  status: 'off' | 'running' | 'done' | 'error';
  choice: EstimatorChoice;
  /** Socialized paths of the plain run, and its paths. */
  plainSocializedPaths: number;
  paths: number;
  summary: ImportanceSummary | null;
  error: string | null;
}

export interface RareEventSlice {
  /** Rare-event mode: 'auto' (the page's default), 'plain' or 'importance'. */
  estimator: EstimatorMode;
  setEstimator: (mode: EstimatorMode) => void;
  /** 'auto' switches to importance sampling when fewer plain paths than this socialized (the CLI's `threshold`). */
  rareEventThreshold: number;
  /** …and only when under this share of them socialized (IMPORTANCE_BELOW_P: above it plain sampling is as efficient). */
  rareEventBelowShare: number;
  /** The rare-event estimate of the last finished run, or null before one (or while a new run goes). */
  rareEvent: RareEventState | null;
  /** Decides (and starts) the rare-event estimate of the finished run; the store calls it. */
  refreshRareEvent: () => void;
}

/** Calls `start` once, when the page is idle enough for it (see idleScheduler). */
export type IdleScheduler = (start: () => void) => void;

/** The longest the rare-event estimate waits for an idle main thread, ms. */
export const RARE_EVENT_IDLE_TIMEOUT_MS = 1000;

/**
 * When the main thread next has nothing to do (requestIdleCallback, at most RARE_EVENT_IDLE_TIMEOUT_MS later), or
 * at once where there is no such callback (Node). A finished run's charts draw its final summary one card per task
 * just after "done"; the importance run started at the same moment kept every simulation worker busy, so on a
 * 2-core machine the chart tasks shared their core with it and stretched past 50 ms (issue 20). Waiting for idle
 * also keeps a seed or parameter change made right after "done" from queueing behind the importance simulator's
 * build in every worker.
 */
export const idleScheduler: IdleScheduler = (start) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => start(), { timeout: RARE_EVENT_IDLE_TIMEOUT_MS });
  else start();
};

export function createRareEventSlice(engine: RunEngine, whenIdle: IdleScheduler = idleScheduler): StateCreator<AppState, [], [], RareEventSlice> {
  return (set, get) => {
    /** What the estimate in flight or shown was made for: a repeated refresh of the same inputs does nothing. */
    let made: { runId: number; estimator: EstimatorMode } | null = null;
    return {
      estimator: 'auto',
      rareEventThreshold: RARE_EVENT_THRESHOLD,
      rareEventBelowShare: IMPORTANCE_BELOW_P,
      rareEvent: null,
      setEstimator: (mode) => {
        if (get().estimator !== mode) set({ estimator: mode });
      },
      refreshRareEvent: () => {
        const { status, summary, runId, estimator, params, seed, paths } = get();
        if (status !== 'done' || !summary) {
          if (get().rareEvent !== null) set({ rareEvent: null });
          made = null;
          return;
        }
        if (made && made.runId === runId && made.estimator === estimator) return;
        made = { runId, estimator };
        const plainSocializedPaths = socializedPathsOf(summary);
        const choice = chooseEstimator(estimator, params, plainSocializedPaths, summary.paths);
        const base = { runId, choice, plainSocializedPaths, paths, summary: null, error: null };
        if (choice.estimator === 'plain' || !engine.runImportance) {
          set({ rareEvent: { ...base, status: 'off' } });
          return;
        }
        set({ rareEvent: { ...base, status: 'running' } });
        const request = made;
        const runImportance = engine.runImportance.bind(engine);
        const current = () => made === request && get().runId === runId && get().estimator === estimator && get().status === 'done';
        whenIdle(() => {
          // A new run, another estimator or a cancel since "done": this estimate is no longer wanted.
          if (!current()) return;
          runImportance({ params, seed, paths }).then(
            (result) => {
              if (result && current()) set({ rareEvent: { ...base, status: 'done', summary: result } });
            },
            (error: unknown) => {
              if (current()) set({ rareEvent: { ...base, status: 'error', error: error instanceof Error ? error.message : String(error) } });
            },
          );
        });
      },
    };
  };
}
