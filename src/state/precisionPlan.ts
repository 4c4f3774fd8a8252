// What more paths would buy, and what they would cost, before a run starts (issue 21 item 3): the paths a
// target precision needs (pathsForPrecision) and the time of a run or a sweep at the page's measured time per
// path (pathTiming.ts). Plain functions of a run's summary and the timing, so the page only formats them.
import { expectedSeconds, pathsForPrecision, type PrecisionPlan, type PrecisionTarget } from '../engine/metrics/pathsForPrecision';
import type { PathTiming } from './pathTiming';
import { HEAVY_RUN_SECONDS } from './runCost';

export interface PrecisionProposal {
  plan: PrecisionPlan;
  /** Time of a run of the proposed paths at the last run's ms per path (both sides with a baseline), s; null
   * when no run has been timed yet, or when no run is proposed (the target is met, or there is no plan). */
  seconds: number | null;
  /** Past the point where the page asks before a run (runCost.ts). */
  long: boolean;
}

/** The paths for `target` on a number estimated at `estimate` with `interval` over `paths` paths, and their time. */
export function precisionProposal(
  input: { paths: number; estimate: number; interval: readonly [number, number]; target: PrecisionTarget },
  timing: PathTiming | null,
): PrecisionProposal {
  const plan = pathsForPrecision(input);
  const seconds = plan.ok && !plan.met && timing ? expectedSeconds(plan.paths, timing.msPerPath) : null;
  return { plan, seconds, long: seconds !== null && seconds > HEAVY_RUN_SECONDS };
}

export interface SweepCost {
  /** Simulated paths: points × paths per point. */
  total: number;
  /** ms per path of one side (a sweep point runs one side), null before a dashboard run was timed. */
  msPerPath: number | null;
  seconds: number | null;
  long: boolean;
}

/** What a sweep of `points` × `paths` will cost; null until both are positive whole numbers. */
export function sweepCost(points: number, paths: number, timing: PathTiming | null): SweepCost | null {
  if (!(Number.isInteger(points) && points > 0 && Number.isInteger(paths) && paths > 0)) return null;
  const total = points * paths;
  if (!timing) return { total, msPerPath: null, seconds: null, long: false };
  // The dashboard's time per path covers both sides when it had a baseline.
  const msPerPath = timing.msPerPath / timing.sides;
  const seconds = expectedSeconds(total, msPerPath);
  return { total, msPerPath, seconds, long: seconds > HEAVY_RUN_SECONDS };
}
