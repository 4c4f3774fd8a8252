import { describe, expect, it } from 'vitest';
import { ADL_OVERSHOOT_ESTIMATES, adlPolicyComparison } from './adlPolicies';
import type { AdlWave } from './adlWaves';

function wave(n: number, needed: number, capacity: number | null, production: number, maxProd: number): AdlWave {
  return {
    wave: n,
    tStart: '2025-10-10 21:16:04.831000+00:00',
    tStartMs: 0,
    budgetNeeded: needed,
    budgetProduction: production,
    budgetProRata: needed,
    overshootProductionPublished: production - needed,
    overshootProRataPublished: 0,
    maxHaircutProduction: maxProd,
    maxHaircutProRata: capacity === null ? 0 : needed / capacity,
    winnerCapacity: capacity,
  };
}

// Hand-worked: wave 1 needs 30 from winners whose profits total 120; production took 80 (closing at mark, over-closing).
// Wave 2 needs 50 but winners only have 40 of profit.
const W1 = wave(1, 30, 120, 80, 1);
const W2 = wave(2, 50, 40, 45, 0.6);
const FULL = { overshoot: 500, residual: 7 };

const byPolicy = (c: ReturnType<typeof adlPolicyComparison>) => Object.fromEntries(c.results.map((r) => [r.policy, r]));

describe('adlPolicyComparison', () => {
  it('on one small wave: queue and pro-rata take exactly what is needed, production overshoots by 50', () => {
    const c = byPolicy(adlPolicyComparison([W1, W2], 1, FULL));
    // Queue, needed, at bankruptcy: min(30, 120) = 30 taken, concentrated on the top-ranked winners (up to 100 %).
    expect(c['queue-needed']).toEqual({ policy: 'queue-needed', taken: 30, overshoot: 0, residual: 0, maxWinnerHaircut: 1, maxWinnerHaircutIsBound: true });
    // Pro-rata: every winner loses 30 / 120 = 25 % of profit.
    expect(c['pro-rata']).toEqual({ policy: 'pro-rata', taken: 30, overshoot: 0, residual: 0, maxWinnerHaircut: 0.25, maxWinnerHaircutIsBound: false });
    expect(c['production']).toMatchObject({ taken: 80, overshoot: 50, maxWinnerHaircut: 1 });
    // Full-size per wave needs winner positions, which are not public.
    expect(c['full-size']).toMatchObject({ taken: null, overshoot: null, maxWinnerHaircut: null });
  });

  it('caps at the winners’ capacity and leaves the rest as residual; totals add over waves', () => {
    const w2 = byPolicy(adlPolicyComparison([W1, W2], 2, FULL));
    expect(w2['queue-needed']).toMatchObject({ taken: 40, overshoot: -10, residual: 10 });
    expect(w2['pro-rata']).toMatchObject({ taken: 40, overshoot: -10, residual: 10, maxWinnerHaircut: 1 });
    const all = adlPolicyComparison([W1, W2], 'all', FULL);
    expect(all.needed).toBe(80);
    const t = byPolicy(all);
    expect(t['queue-needed']).toMatchObject({ taken: 70, overshoot: -10, residual: 10 });
    expect(t['pro-rata']).toMatchObject({ taken: 70, residual: 10, maxWinnerHaircut: 1 });
    expect(t['production']).toMatchObject({ taken: 125, overshoot: 45, maxWinnerHaircut: 1 });
    expect(t['full-size']).toMatchObject({ overshoot: 500, residual: 7, maxWinnerHaircut: 1 });
  });

  it('without the capacity column the pro-rata share is unknown, not guessed', () => {
    const c = byPolicy(adlPolicyComparison([wave(1, 30, null, 80, 1)], 'all', FULL));
    expect(c['pro-rata']).toMatchObject({ taken: null, overshoot: null, maxWinnerHaircut: null });
    expect(c['queue-needed']).toMatchObject({ taken: 30, overshoot: 0 });
  });

  it('refuses no waves and an unknown wave', () => {
    expect(() => adlPolicyComparison([], 'all')).toThrow(/no waves/);
    expect(() => adlPolicyComparison([W1], 3)).toThrow(/no wave 3/);
  });
});

describe('ADL_OVERSHOOT_ESTIMATES', () => {
  it('is a range spanning ~$45M to ~$650M, each with a method and a source link', () => {
    const lows = ADL_OVERSHOOT_ESTIMATES.map((e) => e.low);
    expect(Math.min(...lows)).toBe(45e6);
    expect(Math.max(...ADL_OVERSHOOT_ESTIMATES.map((e) => e.high))).toBeCloseTo(653.55e6, -4);
    for (const e of ADL_OVERSHOOT_ESTIMATES) {
      expect(e.low).toBeLessThanOrEqual(e.high);
      expect(e.method.length).toBeGreaterThan(20);
      expect(e.url).toMatch(/^https:\/\//);
    }
  });
});
