// Fan bands for partial summaries, at most every FAN_REFRESH_MS. The bands cost one sort per series point
// (4 series × 144 points × up to 1,000 paths): measured in issue 20, 35–150 ms of the aggregator's core per
// summary against 1–6 ms for everything else — on a 2-core machine that core is also simulating. Charts redraw
// at most every second while a run streams (LIVE_REDRAW_MS) (src/ui/charts), so fresher bands would not be seen; the final summary
// (every path in) always gets its own.
import type { RangeResult, RunSummary } from '../../src/engine/index';
import type { RunAccumulator } from './runAccumulator';

export const FAN_REFRESH_MS = 1000;

export interface FanCache {
  fan: RunSummary['fan'];
  computedAt: number;
}

export function emptyFanCache(): FanCache {
  return { fan: undefined, computedAt: Number.NEGATIVE_INFINITY };
}

/**
 * A detailed summary of the accumulator's prefix whose `fan` is fresh when the run is complete or the cached one
 * is FAN_REFRESH_MS old, and otherwise the cached bands (over fewer paths than the rest of the summary).
 * `summarize(view, fan)` is summarizeRun with detail and `fan` as given.
 */
export function summarizeWithCachedFan(
  accumulator: Pick<RunAccumulator, 'prefix' | 'total' | 'prefixView'>,
  cache: FanCache,
  now: number,
  summarize: (view: RangeResult, fan: boolean) => RunSummary,
): RunSummary {
  const fresh = accumulator.prefix === accumulator.total || cache.fan === undefined || now - cache.computedAt >= FAN_REFRESH_MS;
  const summary = summarize(accumulator.prefixView(), fresh);
  if (fresh) {
    cache.fan = summary.fan;
    cache.computedAt = now;
    return summary;
  }
  return cache.fan ? { ...summary, fan: cache.fan } : summary;
}
