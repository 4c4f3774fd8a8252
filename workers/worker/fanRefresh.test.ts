import { describe, expect, it } from 'vitest';
import type { RangeResult, RunSummary } from '../../src/engine/index';
import { FAN_REFRESH_MS, emptyFanCache, summarizeWithCachedFan } from './fanRefresh';

/** A fake summarize that records whether bands were asked for and stamps them with a call number. */
function fake() {
  const calls: boolean[] = [];
  const summarize = (_view: RangeResult, fan: boolean) => {
    calls.push(fan);
    return { paths: calls.length, ...(fan ? { fan: { stepOfPoint: [calls.length] } } : {}) } as unknown as RunSummary;
  };
  return { calls, summarize };
}
const view = {} as RangeResult;
const accumulator = (prefix: number, total = 100) => ({ prefix, total, prefixView: () => view });

describe('summarizeWithCachedFan', () => {
  it('computes bands for the first partial, reuses them within FAN_REFRESH_MS, then refreshes', () => {
    const { calls, summarize } = fake();
    const cache = emptyFanCache();
    const first = summarizeWithCachedFan(accumulator(10), cache, 0, summarize);
    const second = summarizeWithCachedFan(accumulator(20), cache, FAN_REFRESH_MS - 1, summarize);
    const third = summarizeWithCachedFan(accumulator(30), cache, FAN_REFRESH_MS, summarize);
    expect(calls).toEqual([true, false, true]);
    expect(second.paths).toBe(2); // the rest of the summary is fresh
    expect(second.fan).toBe(first.fan);
    expect(third.fan?.stepOfPoint).toEqual([3]);
  });

  it('always gives the complete run its own bands', () => {
    const { calls, summarize } = fake();
    const cache = emptyFanCache();
    summarizeWithCachedFan(accumulator(50), cache, 0, summarize);
    const final = summarizeWithCachedFan(accumulator(100), cache, 1, summarize);
    expect(calls).toEqual([true, true]);
    expect(final.fan?.stepOfPoint).toEqual([2]);
  });
});
