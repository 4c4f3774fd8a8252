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

/**
 * Importance sampling is used only where P(socialized) is below this: the solver compares it with its target, the
 * page with the share of its plain paths that socialized. Measured as efficiency = 1 / (relative variance × CPU
 * per path), 4,000 paths each, on btc-binance and thin-alt (README "Rare events"): importance sampling was 1.2–3×
 * as efficient as plain at P ≈ 0.5–1 %, but on btc-binance only level with it at 1.3–1.7 % — its tilted paths
 * liquidate far more and cost 2–2.5× the CPU of a plain path — and plain wins above. So auto stops short of that.
 */
export const IMPORTANCE_BELOW_P = 0.015;

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
 * The estimator a run uses, given its mode and how many of the plain run's `paths` had socialized loss. 'auto'
 * importance-samples when fewer than RARE_EVENT_THRESHOLD of them and under IMPORTANCE_BELOW_P of them
 * socialized: plain sampling saw too few events to estimate their probability, and the probability is low
 * enough that importance sampling is the more efficient estimator. The page and `simulate --link` both decide
 * here.
 */
export function chooseEstimator(mode: EstimatorMode, params: RiskParams, plainSocializedPaths: number, paths: number): EstimatorChoice {
  const unavailable = importanceUnavailable(params);
  if (mode === 'plain') return { estimator: 'plain', why: 'chosen', note: null };
  if (mode === 'importance') {
    if (unavailable) return { estimator: 'plain', why: 'unavailable', note: unavailable };
    return { estimator: 'importance', why: 'chosen' };
  }
  if (!rareInPlainRun(plainSocializedPaths, paths)) return { estimator: 'plain', why: 'enough-events', note: null };
  if (unavailable) return { estimator: 'plain', why: 'unavailable', note: unavailable };
  return { estimator: 'importance', why: 'few-events' };
}

/** The 'auto' rule (see chooseEstimator): fewer than RARE_EVENT_THRESHOLD socialized paths, and under IMPORTANCE_BELOW_P of them. */
export function rareInPlainRun(plainSocializedPaths: number, paths: number): boolean {
  return plainSocializedPaths < RARE_EVENT_THRESHOLD && plainSocializedPaths < IMPORTANCE_BELOW_P * paths;
}

/** Socialized paths of a plain run from its summary (pSocialized is a count over paths). */
export function socializedPathsOf(summary: { pSocialized: number; paths: number }): number {
  return Math.round(summary.pSocialized * summary.paths);
}
