import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultParams } from '../params/defaults';
import type { RiskParams } from '../params/riskParams';
import { RARE_EVENT_THRESHOLD, chooseEstimator, socializedPathsOf } from './rareEventChoice';

function withScenario(kind: 'gbm' | 'jump' | 'crash'): RiskParams {
  const params = defaultParams();
  if (kind === 'gbm') params.scenario = { kind: 'gbm', driftAnnual: 0, volAnnual: 0.8 };
  if (kind === 'crash') params.scenario = { kind: 'crash', preset: null, drawdown: 0.3, startMinute: 10, crashMinutes: 30, recovery: 0.5, recoveryMinutes: 60, volAnnual: 0.8 };
  return params;
}

describe('chooseEstimator', () => {
  it("'auto' importance-samples exactly when fewer than RARE_EVENT_THRESHOLD plain paths socialized", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.constantFrom<'gbm' | 'jump'>('gbm', 'jump'), (events, kind) => {
        const choice = chooseEstimator('auto', withScenario(kind), events);
        expect(choice.estimator).toBe(events < RARE_EVENT_THRESHOLD ? 'importance' : 'plain');
        expect(choice.why).toBe(events < RARE_EVENT_THRESHOLD ? 'few-events' : 'enough-events');
      }),
    );
  });

  it("'plain' and 'importance' ignore the count", () => {
    expect(chooseEstimator('plain', withScenario('jump'), 0)).toEqual({ estimator: 'plain', why: 'chosen', note: null });
    expect(chooseEstimator('importance', withScenario('jump'), 500)).toEqual({ estimator: 'importance', why: 'chosen' });
  });

  it('stays plain on a crash scenario and says why in words', () => {
    const choice = chooseEstimator('auto', withScenario('crash'), 0);
    expect(choice.estimator).toBe('plain');
    expect(choice.why).toBe('unavailable');
    expect(choice.estimator === 'plain' && choice.note).toMatch(/crash scenario has no tilt/);
    expect(chooseEstimator('importance', withScenario('crash'), 0).why).toBe('unavailable');
  });

  it('counts socialized paths from a summary', () => {
    expect(socializedPathsOf({ pSocialized: 7 / 1000, paths: 1000 })).toBe(7);
    expect(socializedPathsOf({ pSocialized: 19 / 3, paths: 3 })).toBe(19);
  });
});
