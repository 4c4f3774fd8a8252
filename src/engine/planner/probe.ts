/**
 * One solver evaluation: does a parameter set meet "P(socialized loss > 0) ≤ target" with confidence? It passes
 * when the upper end of the Wilson 95 % interval is at or below the target and fails when the lower end is above
 * it. While the interval straddles the target the probe doubles its paths (paths [n, 2n) of the same seed, so
 * the first n stay the common random numbers every probe shares) up to maxPaths; still straddling there, it
 * counts as failing and is marked `undecided` — the solver never claims a pass it has not shown.
 * For a target below 1.5 % (IMPORTANCE_BELOW_TARGET) on a gbm or jump market the paths are importance-sampled (src/engine/importance) and the
 * interval is the weighted one; every lever value then sees the same tilted paths and weights.
 */
import { MAX_PATHS } from '../params/validateParams';
import type { RiskParams } from '../params/riskParams';
import { wilsonInterval } from '../metrics/wilson';
import { createSimulator } from '../sim/simulateRange';
import type { PricePathStore } from '../scenario/pricePathStore';
import { createImportanceSimulator } from '../importance/importanceSimulator';
import { weightedProbability } from '../importance/weightedEstimates';
import { IMPORTANCE_BELOW_P } from '../importance/rareEventChoice';

/**
 * Below this target the probe samples by importance (when the scenario can be tilted): at P ≈ 1 % plain sampling
 * needs tens of thousands of paths to decide, and at 0.1 % it cannot (DESIGN.md; issue 20). It is the page's
 * IMPORTANCE_BELOW_P: from about 1.5 % plain sampling was as efficient on btc-binance (rareEventChoice.ts).
 */
export const IMPORTANCE_BELOW_TARGET = IMPORTANCE_BELOW_P;

export type ProbeEstimator = 'plain' | 'importance';

/** 'auto' (the default): importance sampling for a target below IMPORTANCE_BELOW_TARGET on a gbm or jump scenario. */
export function probeEstimator(params: RiskParams, target: number, choice: ProbeEstimator | 'auto' = 'auto'): ProbeEstimator {
  if (choice !== 'auto') return choice;
  const tiltable = params.scenario.kind === 'gbm' || params.scenario.kind === 'jump';
  return tiltable && target < IMPORTANCE_BELOW_TARGET ? 'importance' : 'plain';
}

export interface ProbeSettings {
  seed: number;
  /** Largest acceptable P(socialized loss > 0), in (0, 1). */
  target: number;
  initialPaths: number;
  maxPaths: number;
  /** Default 'auto' (probeEstimator). Every probe of a search must use the same, so all share their paths. */
  estimator?: ProbeEstimator | 'auto';
  /** Keeps the probes' paths (plain or tilted) for the next probe: every probe of a search draws the same ones. */
  pricePaths?: PricePathStore | undefined;
}

/** What a probe found at one parameter set. */
export interface ProbeOutcome {
  /** How P was estimated: with 'importance', pSocialized and its interval are the weighted estimates. */
  estimator: ProbeEstimator;
  paths: number;
  socializedPaths: number;
  pSocialized: number;
  pSocializedCI: [number, number];
  /** Upper end of the 95 % interval (Wilson; with importance sampling the weighted normal one) ≤ target. */
  passes: boolean;
  /** The interval still straddled the target at maxPaths (counted as failing). */
  undecided: boolean;
  /** True only if the ledger balanced exactly on every path. */
  ledgerBalanced: boolean;
}

/** Checks solver settings; throws an Error naming the first bad one. */
export function checkProbeSettings(s: ProbeSettings): void {
  if (!(Number.isSafeInteger(s.seed) && s.seed >= 0)) throw new Error(`seed must be an integer 0..2^53 − 1, got ${s.seed}`);
  if (!(s.target > 0 && s.target < 1)) throw new Error(`target must lie in (0, 1), got ${s.target}`);
  if (!(Number.isInteger(s.initialPaths) && s.initialPaths >= 1 && s.initialPaths <= MAX_PATHS)) {
    throw new Error(`initialPaths must be a whole number from 1 to ${MAX_PATHS}, got ${s.initialPaths}`);
  }
  if (!(Number.isInteger(s.maxPaths) && s.maxPaths >= s.initialPaths && s.maxPaths <= MAX_PATHS)) {
    throw new Error(`maxPaths must be a whole number from initialPaths (${s.initialPaths}) to ${MAX_PATHS}, got ${s.maxPaths}`);
  }
}

/**
 * The smallest Wilson upper bound any probe can reach: 0 socialized paths out of maxPaths. A target below it
 * can never be shown to hold, whatever the parameters.
 */
export function bestUpperBound(maxPaths: number): number {
  return wilsonInterval(0, maxPaths)[1];
}

/** Evaluates validated `params` as described above. `pathsSimulated` is the work done (= outcome.paths). */
export function probeParams(params: RiskParams, s: ProbeSettings): ProbeOutcome {
  const estimator = probeEstimator(params, s.target, s.estimator);
  const importance = estimator === 'importance' ? createImportanceSimulator(params, s.seed, { pricePaths: s.pricePaths }) : null;
  const plain = importance ? null : createSimulator(params, s.seed, { pricePaths: s.pricePaths });
  return probeWith(estimator, s, (from, to) => {
    if (importance) {
      const range = importance.run(from, to);
      return { socializedLossUnits: range.paths.socializedLossUnits, ledgerBalanced: range.paths.ledgerBalanced, weights: range.draws.weights };
    }
    const { paths } = plain!.run(from, to);
    return { socializedLossUnits: paths.socializedLossUnits, ledgerBalanced: paths.ledgerBalanced, weights: null };
  });
}

/** What a probe reads of paths [from, to) (index i − from): socialized loss, the ledger flag and, sampled by importance, the weights. */
export interface ProbePaths {
  socializedLossUnits: ArrayLike<number>;
  ledgerBalanced: ArrayLike<number>;
  weights: ArrayLike<number> | null;
}

/** The probe's decision on paths [0, n) as `run` gives them, n doubling from initialPaths (see the module comment). */
export function probeWith(estimator: ProbeEstimator, s: ProbeSettings, run: (from: number, to: number) => ProbePaths): ProbeOutcome {
  const weights = new Float64Array(s.maxPaths);
  const hit = new Float64Array(s.maxPaths);
  let n = 0;
  let hits = 0;
  let balanced = true;
  let next = s.initialPaths;
  for (;;) {
    const paths = run(n, next);
    const rangeWeights = paths.weights;
    for (let i = 0; i < next - n; i++) {
      if ((paths.socializedLossUnits[i] as number) > 0) {
        hits++;
        hit[n + i] = 1;
      }
      if (paths.ledgerBalanced[i] !== 1) balanced = false;
      weights[n + i] = rangeWeights ? (rangeWeights[i] as number) : 1;
    }
    n = next;
    const { estimate, ci95: ci } =
      estimator === 'importance' ? weightedProbability(weights.subarray(0, n), hit.subarray(0, n)) : { estimate: hits / n, ci95: wilsonInterval(hits, n) };
    const passes = ci[1] <= s.target;
    const fails = ci[0] > s.target;
    if (passes || fails || n >= s.maxPaths) {
      return { estimator, paths: n, socializedPaths: hits, pSocialized: estimate, pSocializedCI: ci, passes, undecided: !passes && !fails, ledgerBalanced: balanced };
    }
    next = Math.min(s.maxPaths, 2 * n);
  }
}
