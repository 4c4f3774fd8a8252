import type { CrashScenario } from '../params/riskParams';
import type { PathRng } from '../rng/pathRng';
import { drawNoisyBase, noiseStep, type NoiseStep } from './driftlessNoise';
import { clampPrice, MIN_PRICE_RATIO, preparePathBase, type PreparedPathBase, type ScenarioMarket } from './pathBase';
import { exp, log } from '../rng/fdlibmExpLog';
import { log1p } from '../rng/fdlibmExpm1Log1p';

export interface PreparedCrash extends PreparedPathBase {
  readonly kind: 'crash';
  /** log(price / initialPrice) of the shape at each step, before noise. */
  readonly logSkeleton: Float64Array;
  /** initialPrice · exp(logSkeleton), clamped: the mean price path. */
  readonly skeletonPrices: Float64Array;
  readonly noise: NoiseStep;
}

/** The shape's parameters: the crash scenario without its noise. */
type CrashShape = Pick<CrashScenario, 'drawdown' | 'startMinute' | 'crashMinutes' | 'recovery' | 'recoveryMinutes' | 'gaps'>;

const FLOOR_LOG = log(MIN_PRICE_RATIO);

/** A drawdown ≥ 1 (refused by validation) would give −Infinity or NaN; the shape stops at the price floor. */
function atLeastFloorLog(level: number): number {
  return level >= FLOOR_LOG ? level : FLOOR_LOG;
}

/**
 * log(price / initialPrice) of the crash shape at a time in minutes. 0 before startMinute; from startMinute
 * it falls linearly in log price to log(1 − drawdown) at startMinute + crashMinutes; then rises linearly to
 * log(1 − drawdown + recovery·drawdown) over recoveryMinutes; then stays there. Optional gaps drop the level by
 * log(1 − drop) at startMinute + minute and the linear leg covers only what the gaps leave of the fall.
 * At a breakpoint the later leg applies, except that the trough minute itself is always at the trough: so a
 * 0-minute crash gaps down at startMinute, and a 0-minute recovery holds the trough for that one minute and
 * gaps up right after it (an instant gap).
 */
export function crashLogLevel(shape: CrashShape, minute: number): number {
  const { drawdown, startMinute, crashMinutes, recovery, recoveryMinutes } = shape;
  const troughMinute = startMinute + crashMinutes;
  const endMinute = troughMinute + recoveryMinutes;
  const troughLog = atLeastFloorLog(log1p(-drawdown));
  const endLog = atLeastFloorLog(log1p(-drawdown + recovery * drawdown));
  if (minute < startMinute) return 0;
  if (minute < troughMinute) {
    // Gaps carry part of the fall as single-minute steps; the linear leg carries the rest, so the trough holds.
    let gapsLog = 0;
    let passedLog = 0;
    for (const gap of shape.gaps ?? []) {
      const g = log1p(-gap.drop);
      gapsLog += g;
      if (startMinute + gap.minute <= minute) passedLog += g;
    }
    return ((troughLog - gapsLog) * (minute - startMinute)) / crashMinutes + passedLog;
  }
  if (minute === troughMinute) return troughLog;
  if (minute < endMinute) return troughLog + ((endLog - troughLog) * (minute - troughMinute)) / recoveryMinutes;
  return endLog;
}

/**
 * Precomputes the deterministic shape once per run (the same for every path) and the noise constants.
 * The shape is sampled at step times, minute = t · stepSeconds / 60, so with steps longer than a minute a
 * short crash can fall between two samples. Prices stay > 0 for any drawdown < 1 because the shape is in log
 * price.
 */
export function prepareCrash(scenario: CrashScenario, market: ScenarioMarket): PreparedCrash {
  const base = preparePathBase(market);
  const logSkeleton = new Float64Array(base.steps);
  const skeletonPrices = new Float64Array(base.steps);
  for (let t = 0; t < base.steps; t++) {
    const level = crashLogLevel(scenario, (t * base.stepSeconds) / 60);
    logSkeleton[t] = level;
    skeletonPrices[t] = clampPrice(base.initialPrice * exp(level), base.minPrice, base.maxPrice);
  }
  return { ...base, kind: 'crash', logSkeleton, skeletonPrices, noise: noiseStep(scenario.volAnnual, base.stepYears) };
}

/** price_t = initialPrice · exp(skeleton_t) · exp(noise_t), noise a driftless-in-expectation GBM with volAnnual. */
export function drawCrash(prepared: PreparedCrash, rng: PathRng, out: Float64Array): void {
  const { skeletonPrices, steps, noise, minPrice, maxPrice } = prepared;
  drawNoisyBase(skeletonPrices, steps, noise, minPrice, maxPrice, rng, out);
}
