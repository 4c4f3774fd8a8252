/**
 * How far the lever comparison has got, and how many probes it still expects (issue #21: results stream as each
 * probe finishes, with progress and an estimate of time left). The count left is an estimate read off the
 * searches' brackets, not a promise: bisection halves [last failing, first passing] per probe until the bracket
 * is within the tolerance; a bracket not yet closed above is assumed to close at the next doubling. The page turns
 * it into time with the run's own measured seconds per probe (the engine has no clock).
 */
import type { LeverKind } from '../params/sweepableParams';

/** A probe as the estimate sees it: its value (null: the field was null, e.g. unlimited throughput) and verdict. */
export interface ProbeMark {
  value: number | null;
  passes: boolean;
}

/** Probes expected for a solo search not started yet, until one has finished (then their mean is used). */
export const UNSTARTED_SOLO_PROBES = 9;

/** Probes expected for the combination before it starts: ½, perhaps 1, then bisection of a half to 1/64. */
export const UNSTARTED_COMBINATION_PROBES = 6;

/** Bisection steps that take a bracket of `width` to at most `tolerance` (0 when it is already there). */
export function bisectionStepsLeft(width: number, tolerance: number): number {
  if (!(width > tolerance) || !(tolerance > 0)) return 0;
  return Math.ceil(Math.log2(width / tolerance));
}

/**
 * Probes a solo search (solve.ts) still expects after `probes`: bisection of the current bracket to
 * max(relTolerance · hi, resolution); with no passing value yet, one more doubling and then bisection of
 * [lo, 2·lo]; with no failing value yet (today's value passes), the floor and a bisection to relTolerance.
 */
export function soloProbesLeft(probes: readonly ProbeMark[], relTolerance: number, resolution: number): number {
  const finite = probes.filter((p): p is ProbeMark & { value: number } => p.value !== null);
  const failing = finite.filter((p) => !p.passes).map((p) => p.value);
  const lo = failing.length > 0 ? Math.max(...failing) : null;
  const passing = finite.filter((p) => p.passes && (lo === null || p.value > lo)).map((p) => p.value);
  const hi = passing.length > 0 ? Math.min(...passing) : null;
  if (lo !== null && hi !== null) return bisectionStepsLeft(hi - lo, Math.max(relTolerance * hi, resolution));
  if (lo !== null) return 1 + bisectionStepsLeft(lo, Math.max(relTolerance * 2 * lo, resolution));
  if (hi !== null) return 1 + bisectionStepsLeft(hi, Math.max(relTolerance * hi, resolution));
  return UNSTARTED_SOLO_PROBES;
}

/** Probes the combination (compareLevers.ts) still expects after probing these fractions λ. */
export function combinationProbesLeft(probes: readonly { fraction: number; passes: boolean }[], tolerance: number): number {
  if (probes.length === 0) return UNSTARTED_COMBINATION_PROBES;
  const failing = probes.filter((p) => !p.passes).map((p) => p.fraction);
  const lo = Math.max(0, ...failing);
  const passing = probes.filter((p) => p.passes && p.fraction > lo).map((p) => p.fraction);
  if (passing.length === 0) return lo >= 1 ? 0 : 1 + bisectionStepsLeft(1 - lo, tolerance);
  return bisectionStepsLeft(Math.min(...passing) - lo, tolerance);
}

/** The comparison's stage: a lever's solo search, or the combination. */
export type CompareStage = LeverKind | 'combination';

/** Reported after every probe of the comparison. */
export interface CompareProgress {
  stage: CompareStage;
  /** Probes finished in the whole comparison so far. */
  probesDone: number;
  /** Probes still expected in the whole comparison (an estimate; see the module comment). */
  probesLeft: number;
  pathsSimulated: number;
  /** The probe that just finished: its stage's value (λ for the combination), P and verdict. */
  last: { value: number | null; pSocialized: number; passes: boolean; paths: number };
}

/**
 * Probes left in the whole comparison: the current stage's estimate, plus, for each solo search not started, the
 * mean probe count of the finished ones (UNSTARTED_SOLO_PROBES before any has finished), plus the combination's.
 */
export function compareProbesLeft(current: number, finishedSoloProbes: readonly number[], soloNotStarted: number, combinationStarted: boolean): number {
  const perSolo = finishedSoloProbes.length > 0 ? finishedSoloProbes.reduce((a, b) => a + b, 0) / finishedSoloProbes.length : UNSTARTED_SOLO_PROBES;
  return Math.round(current + soloNotStarted * perSolo + (combinationStarted ? 0 : UNSTARTED_COMBINATION_PROBES));
}
