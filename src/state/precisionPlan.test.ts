import { describe, expect, it } from 'vitest';
import { precisionProposal, sweepCost } from './precisionPlan';

describe('precisionProposal', () => {
  // ±0.2 on 1,000 paths, wanted ±0.1: four times the paths; at 5 ms per path 4,000 paths take 20 s.
  const input = { paths: 1000, estimate: 2, interval: [1.8, 2.2] as const, target: { kind: 'absolute' as const, halfWidth: 0.1 } };

  it('proposes the paths and their time at the measured ms per path', () => {
    const p = precisionProposal(input, { msPerPath: 5, paths: 1000, sides: 1 });
    expect(p.plan).toMatchObject({ ok: true, met: false, paths: 4000 });
    expect(p.seconds).toBeCloseTo(20, 9);
    expect(p.long).toBe(false);
    expect(precisionProposal(input, { msPerPath: 10, paths: 1000, sides: 2 })).toMatchObject({ long: true });
  });

  it('has no time before a run was timed, nor when the target is met already', () => {
    expect(precisionProposal(input, null)).toMatchObject({ seconds: null, long: false, plan: { paths: 4000 } });
    const met = precisionProposal({ ...input, target: { kind: 'absolute', halfWidth: 0.5 } }, { msPerPath: 5, paths: 1000, sides: 1 });
    expect(met).toMatchObject({ seconds: null, plan: { met: true, paths: 1000 } });
  });
});

describe('sweepCost', () => {
  it('counts points × paths at one side’s ms per path', () => {
    // 12 × 500 = 6,000 paths at 8 ms over 2 sides = 4 ms per path: 24 s.
    expect(sweepCost(12, 500, { msPerPath: 8, paths: 100, sides: 2 })).toEqual({ total: 6000, msPerPath: 4, seconds: 24, long: false });
    expect(sweepCost(12, 1000, { msPerPath: 8, paths: 100, sides: 2 })).toMatchObject({ seconds: 48, long: true });
    expect(sweepCost(3, 10, null)).toEqual({ total: 30, msPerPath: null, seconds: null, long: false });
  });

  it('is null until both counts are positive whole numbers', () => {
    expect(sweepCost(0, 10, null)).toBeNull();
    expect(sweepCost(2.5, 10, null)).toBeNull();
    expect(sweepCost(2, Number.NaN, null)).toBeNull();
  });
});
