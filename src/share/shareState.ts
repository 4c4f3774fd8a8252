/**
 * The state a share link carries (DESIGN.md §5 "The page"): the parameters, the run (paths, seed), the
 * baseline they are compared with, and the view. Opening a link must reproduce the same numbers, so
 * everything a number depends on is here; nothing else is.
 */
import type { RiskParams } from '../engine/params/riskParams';
import { DEFAULT_RUN, defaultParams } from '../engine/params/defaults';
import type { EstimatorMode } from '../engine/importance/rareEventChoice';

export const VIEW_TABS = ['dashboard', 'learn', 'planner'] as const;
export type ViewTab = (typeof VIEW_TABS)[number];

/** A parameter sweep for the planner: `points` evenly spaced values of one numeric parameter. */
export interface SweepSpec {
  /** Dotted path of a numeric parameter inside `params`, e.g. "margin.maintenanceMarginRatio". */
  param: string;
  from: number;
  to: number;
  /** Number of values, both ends included. */
  points: number;
}

export interface ViewState {
  tab: ViewTab;
  /** Loss histogram on a log scale. */
  logHistogram: boolean;
  /** The sample path shown in the path chart, 0-based, below run.paths. */
  pathIndex: number;
  sweep: SweepSpec | null;
}

export interface RunSpec {
  /** Monte Carlo paths, 1..100,000. */
  paths: number;
  /** Seed of every path's random streams, integer 0..2^53 − 1. */
  seed: number;
  /**
   * Rare-event mode (link v2 field, added later): 'auto' switches to importance sampling when the plain run saw
   * fewer than RARE_EVENT_THRESHOLD socialized paths and under IMPORTANCE_BELOW_P of them (chooseEstimator).
   * ABSENT means 'plain', what every older link showed.
   */
  estimator?: EstimatorMode;
  /**
   * The interval that includes population resampling is shown (link v2 field, added later): true = the page
   * computes it once the run is done. ABSENT means off, what every older link showed; false is never written.
   */
  populationCi?: true;
}

export interface ShareState {
  /** The proposal: the parameters being edited. */
  params: RiskParams;
  run: RunSpec;
  /** The parameters the proposal is compared with; null = no comparison. */
  baseline: RiskParams | null;
  view: ViewState;
}

/**
 * Whether and how each top-level key travels in a link. A new key of ShareState fails to compile here until
 * someone decides (STYLE.md §4, after excalidraw's `Record<keyof AppState, …>`); today all of them travel.
 */
export const SHARE_KEYS: Record<keyof ShareState, { inLink: true; describe: string }> = {
  params: { inLink: true, describe: 'the proposal: every risk parameter, validated by validateParams' },
  run: { inLink: true, describe: 'paths and seed, validated by validateRunOptions, the estimator mode (absent = plain) and the population interval (absent = off)' },
  baseline: { inLink: true, describe: 'the parameters compared with, or null; validated like params' },
  view: { inLink: true, describe: 'tab, chart toggles, shown path and sweep; nothing here changes a number' },
};

export const DEFAULT_VIEW: Readonly<ViewState> = Object.freeze({
  tab: 'dashboard',
  logHistogram: false,
  pathIndex: 0,
  sweep: null,
});

/**
 * The state the page opens with when the address has no link: the defaults with rare-event mode on 'auto'.
 * (defaultShareState has no estimator, which a link reads as plain sampling: what every older link showed.)
 */
export function freshPageState(): ShareState {
  const state = defaultShareState();
  return { ...state, run: { ...state.run, estimator: 'auto' } };
}

/** A fresh, editable copy of the defaults every link is read against (no estimator: plain sampling). */
export function defaultShareState(): ShareState {
  return {
    params: defaultParams(),
    run: { paths: DEFAULT_RUN.paths, seed: DEFAULT_RUN.seed },
    baseline: null,
    view: { ...DEFAULT_VIEW },
  };
}
