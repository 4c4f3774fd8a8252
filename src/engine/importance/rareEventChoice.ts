import type { RiskParams } from '../params/riskParams';

/**
 * How a run picks its estimator (the page's "Rare-event mode" and a share link's `run.estimator`):
 * 'plain' Monte Carlo only, 'importance' sampling always, or 'auto': plain first, then importance sampling
 * when plain sampling saw too few socialized paths to estimate their probability.
 */
export type EstimatorMode = 'auto' | 'plain' | 'importance';

export const ESTIMATOR_MODES: readonly EstimatorMode[] = ['auto', 'plain', 'importance'];

/**
 * 'auto' switches to importance sampling below this many socialized paths: at 20 events a binomial estimate's
 * relative 95 % half-width is about ±45 %, and it grows fast below (±90 % at 5 events).
 */
export const RARE_EVENT_THRESHOLD = 20;

/** Why importance sampling cannot run on these parameters, or null when it can (gbm and jump scenarios). */
export function importanceUnavailable(params: RiskParams): string | null {
  const kind = params.scenario.kind;
  if (kind === 'gbm' || kind === 'jump') return null;
  return `rare-event mode tilts a gbm or jump scenario; a ${kind} scenario has no tilt, so it is sampled plainly`;
}

export type EstimatorChoice =
  | { estimator: 'plain'; why: 'chosen' | 'enough-events' | 'unavailable'; note: string | null }
  | { estimator: 'importance'; why: 'chosen' | 'few-events' };

/**
 * The estimator a run uses, given its mode and how many of the plain run's paths had socialized loss (null
 * when no plain run was made; 'auto' then needs one first). The page and `simulate --link` both decide here.
 */
export function chooseEstimator(mode: EstimatorMode, params: RiskParams, plainSocializedPaths: number): EstimatorChoice {
  const unavailable = importanceUnavailable(params);
  if (mode === 'plain') return { estimator: 'plain', why: 'chosen', note: null };
  if (mode === 'importance') {
    if (unavailable) return { estimator: 'plain', why: 'unavailable', note: unavailable };
    return { estimator: 'importance', why: 'chosen' };
  }
  if (plainSocializedPaths >= RARE_EVENT_THRESHOLD) return { estimator: 'plain', why: 'enough-events', note: null };
  if (unavailable) return { estimator: 'plain', why: 'unavailable', note: unavailable };
  return { estimator: 'importance', why: 'few-events' };
}

/** Socialized paths of a plain run from its summary (pSocialized is a count over paths). */
export function socializedPathsOf(summary: { pSocialized: number; paths: number }): number {
  return Math.round(summary.pSocialized * summary.paths);
}
