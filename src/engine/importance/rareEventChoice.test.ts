import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultParams } from '../params/defaults';
import type { RiskParams } from '../params/riskParams';
import { IMPORTANCE_BELOW_P, RARE_EVENT_THRESHOLD, chooseEstimator, socializedPathsOf } from './rareEventChoice';

function withScenario(kind: 'gbm' | 'jump' | 'crash'): RiskParams {
  const params = defaultParams();
  if (kind === 'gbm') params.scenario = { kind: 'gbm', driftAnnual: 0, volAnnual: 0.8 };
  if (kind === 'crash') params.scenario = { kind: 'crash', preset: null, drawdown: 0.3, startMinute: 10, crashMinutes: 30, recovery: 0.5, recoveryMinutes: 60, volAnnual: 0.8 };
  return params;
}

describe('chooseEstimator', () => {
  it("'auto' importance-samples exactly when fewer than RARE_EVENT_THRESHOLD and under IMPORTANCE_BELOW_P of the plain paths socialized", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 5000 }), fc.constantFrom<'gbm' | 'jump'>('gbm', 'jump'), (paths, events, kind) => {
        const socialized = Math.min(events, paths);
        const rare = socialized < RARE_EVENT_THRESHOLD && socialized / paths < IMPORTANCE_BELOW_P;
        const choice = chooseEstimator('auto', withScenario(kind), socialized, paths);
        expect(choice.estimator).toBe(rare ? 'importance' : 'plain');
        expect(choice.why).toBe(rare ? 'few-events' : 'enough-events');
      }),
    );
  });

  it("'auto' at the page's 1,000 paths: importance up to 14 socialized paths (1.4 %), plain from 15 (1.5 %)", () => {
    expect(IMPORTANCE_BELOW_P).toBe(0.015);
    expect(chooseEstimator('auto', withScenario('jump'), 0, 1000).estimator).toBe('importance');
    expect(chooseEstimator('auto', withScenario('jump'), 14, 1000).estimator).toBe('importance');
    expect(chooseEstimator('auto', withScenario('jump'), 15, 1000)).toEqual({ estimator: 'plain', why: 'enough-events', note: null });
    // With many paths the count decides: 19 of 4,000 (0.475 %) still switches, 20 does not.
    expect(chooseEstimator('auto', withScenario('jump'), 19, 4000).estimator).toBe('importance');
    expect(chooseEstimator('auto', withScenario('jump'), 20, 4000).estimator).toBe('plain');
  });

  it("'plain' and 'importance' ignore the count", () => {
    expect(chooseEstimator('plain', withScenario('jump'), 0, 1000)).toEqual({ estimator: 'plain', why: 'chosen', note: null });
    expect(chooseEstimator('importance', withScenario('jump'), 500, 1000)).toEqual({ estimator: 'importance', why: 'chosen' });
  });

  it('stays plain on a crash scenario and says why in words', () => {
    const choice = chooseEstimator('auto', withScenario('crash'), 0, 1000);
    expect(choice.estimator).toBe('plain');
    expect(choice.why).toBe('unavailable');
    expect(choice.estimator === 'plain' && choice.note).toMatch(/crash scenario has no tilt/);
    expect(chooseEstimator('importance', withScenario('crash'), 0, 1000).why).toBe('unavailable');
  });

  it('counts socialized paths from a summary', () => {
    expect(socializedPathsOf({ pSocialized: 7 / 1000, paths: 1000 })).toBe(7);
    expect(socializedPathsOf({ pSocialized: 19 / 3, paths: 3 })).toBe(19);
  });
});
