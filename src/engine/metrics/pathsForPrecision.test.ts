import { describe, expect, it } from 'vitest';
import { MAX_PATHS } from '../params/validateParams';
import { riskStats } from './riskStats';
import { expectedSeconds, pathsForPrecision, roundUpTwoDigits } from './pathsForPrecision';
import { bootstrapIntervals, mulberry32 } from './tailSummary';
import { wilsonInterval } from './wilson';

/** Losses: 0 on 80 % of paths, else Exp(1) × 1,000. */
function losses(n: number, seed: number): Float64Array {
  const next = mulberry32(seed);
  return Float64Array.from({ length: n }, () => (next() < 0.8 ? 0 : -1000 * Math.log(1 - next())));
}

describe('pathsForPrecision', () => {
  it('proposes the paths at which the bootstrap interval of a mean actually reaches ±5 % (measured, not assumed)', () => {
    const first = losses(1000, 1);
    const plan = pathsForPrecision({ paths: 1000, estimate: riskStats(first).mean, interval: bootstrapIntervals(first).mean, target: { kind: 'relative', share: 0.05 } });
    expect(plan.ok && !plan.met).toBe(true);
    if (!plan.ok) return;
    const again = losses(plan.paths, 2);
    const interval = bootstrapIntervals(again).mean;
    const reached = (interval[1] - interval[0]) / 2 / riskStats(again).mean;
    expect(reached).toBeGreaterThan(0.05 * 0.75);
    expect(reached).toBeLessThan(0.05 * 1.25);
  });

  it('works for a probability from its Wilson interval and for an absolute half-width', () => {
    const plan = pathsForPrecision({ paths: 1000, estimate: 0.05, interval: wilsonInterval(50, 1000), target: { kind: 'absolute', halfWidth: 0.005 } });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    // Wilson half-width at p = 5 %: 1.96·√(0.05·0.95/n) = 0.005 at n ≈ 7,300.
    expect(plan.paths).toBeGreaterThan(6_800);
    expect(plan.paths).toBeLessThan(8_000);
    const at = wilsonInterval(Math.round(0.05 * plan.paths), plan.paths);
    expect((at[1] - at[0]) / 2).toBeLessThanOrEqual(0.005 * 1.02);
  });

  it('says the target is met, caps at the largest run, and explains what it cannot scale', () => {
    expect(pathsForPrecision({ paths: 5000, estimate: 100, interval: [95, 105], target: { kind: 'relative', share: 0.1 } })).toMatchObject({ ok: true, met: true, paths: 5000 });
    expect(pathsForPrecision({ paths: 1000, estimate: 100, interval: [0, 200], target: { kind: 'relative', share: 0.01 } })).toMatchObject({ ok: true, capped: true, paths: MAX_PATHS });
    expect(pathsForPrecision({ paths: 1000, estimate: 0, interval: [0, 3], target: { kind: 'relative', share: 0.1 } })).toMatchObject({ ok: false, reason: expect.stringContaining('the number is 0') });
    expect(pathsForPrecision({ paths: 1000, estimate: 5, interval: [5, 5], target: { kind: 'relative', share: 0.1 } })).toMatchObject({ ok: false, reason: expect.stringContaining('no width') });
    expect(pathsForPrecision({ paths: 1000, estimate: 5, interval: [4, 6], target: { kind: 'relative', share: 0 } })).toMatchObject({ ok: false });
  });

  it('rounds up to two significant digits and times a run at the measured rate', () => {
    expect(roundUpTwoDigits(16_237)).toBe(17_000);
    expect(roundUpTwoDigits(17_000)).toBe(17_000);
    expect(roundUpTwoDigits(96.2)).toBe(97);
    expect(roundUpTwoDigits(101)).toBe(110);
    expect(expectedSeconds(20_000, 7.5)).toBe(150);
  });
});
