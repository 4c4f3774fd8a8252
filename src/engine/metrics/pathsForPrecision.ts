/**
 * How many paths a run needs for the precision a user asks for (issue 21 item 3): from a run's 95 % interval on
 * a number, the paths at which that interval's half-width would reach a target — a half-width in the number's
 * unit, or a share of the number itself (±10 % of the mean).
 *
 * Method: Monte Carlo intervals narrow as 1/√n (normal approximation, Wilson and bootstrap alike), so
 * n_needed = n · (h / h_target)², rounded UP to two significant digits (a number a person would type) and capped
 * at MAX_PATHS. It is an estimate from one run: a rare event seen on few paths makes h itself noisy, which is why
 * the page re-measures after the run and offers the next step. A number whose interval has no width, or a relative
 * target of a number that is 0, gives a reason instead of a count.
 */
import { MAX_PATHS } from '../params/validateParams';

export type PrecisionTarget = { kind: 'relative'; share: number } | { kind: 'absolute'; halfWidth: number };

export type PrecisionPlan =
  | {
      ok: true;
      /** Half-width of the run's interval and the target's, in the number's unit. */
      halfWidth: number;
      targetHalfWidth: number;
      /** Paths proposed (≥ the run's when the target is not met yet; the run's when it is). */
      paths: number;
      /** True when the run already meets the target. */
      met: boolean;
      /** True when MAX_PATHS is not enough: `paths` is MAX_PATHS and the target will not be met. */
      capped: boolean;
    }
  | { ok: false; reason: string };

/** Rounds up to two significant digits: 16,237 → 17,000; 96 → 96. */
export function roundUpTwoDigits(n: number): number {
  if (n <= 100) return Math.ceil(n);
  // A tenth of the largest power of ten ≤ n, by exact multiplication (log10 is not the same bits everywhere).
  let unit = 1;
  while (unit * 100 <= n) unit *= 10;
  return Math.ceil(n / unit - 1e-9) * unit;
}

export function pathsForPrecision(input: { paths: number; estimate: number; interval: readonly [number, number]; target: PrecisionTarget }): PrecisionPlan {
  const { paths, estimate, interval, target } = input;
  if (!Number.isSafeInteger(paths) || paths < 1) return { ok: false, reason: `paths must be a positive whole number, got ${paths}` };
  const halfWidth = (interval[1] - interval[0]) / 2;
  if (!Number.isFinite(halfWidth) || halfWidth < 0) return { ok: false, reason: 'the interval is not a finite range' };
  let targetHalfWidth: number;
  if (target.kind === 'relative') {
    if (!(target.share > 0 && target.share < 10)) return { ok: false, reason: `the target must be a share above 0 (e.g. 0.1 for ±10 %), got ${target.share}` };
    if (estimate === 0) return { ok: false, reason: 'the number is 0 on these paths, so a precision relative to it has no meaning; run more paths or give a half-width' };
    targetHalfWidth = target.share * Math.abs(estimate);
  } else {
    if (!(target.halfWidth > 0 && Number.isFinite(target.halfWidth))) return { ok: false, reason: `the target half-width must be a number above 0, got ${target.halfWidth}` };
    targetHalfWidth = target.halfWidth;
  }
  if (halfWidth === 0) return { ok: false, reason: 'the interval has no width on these paths (every path gave the same value), so it cannot say how it narrows' };
  if (halfWidth <= targetHalfWidth) return { ok: true, halfWidth, targetHalfWidth, paths, met: true, capped: false };
  const needed = roundUpTwoDigits(paths * (halfWidth / targetHalfWidth) ** 2);
  const capped = needed > MAX_PATHS;
  return { ok: true, halfWidth, targetHalfWidth, paths: capped ? MAX_PATHS : Math.max(needed, paths + 1), met: false, capped };
}

/** Expected seconds of a run of `paths` at a measured time per path. */
export function expectedSeconds(paths: number, msPerPath: number): number {
  return (paths * msPerPath) / 1000;
}
