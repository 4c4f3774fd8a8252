import { describe, expect, it } from 'vitest';
import type { ScenarioParams } from '../params/riskParams';
import { prepareScenario } from './prepareScenario';

const market = { initialPrice: 100, steps: 1440, stepSeconds: 60 }; // 1 day of 1-minute steps
const dt = 60 / (365 * 86_400); // years per step

function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

describe('prepareScenario: per-step constants', () => {
  it.each([
    ['gbm drift is (μ − σ²/2)·dt and vol σ·√dt', { kind: 'gbm', driftAnnual: 0.1, volAnnual: 0.8 }, (0.1 - 0.32) * dt],
    ['gbm with zero vol keeps the whole drift', { kind: 'gbm', driftAnnual: 0.5, volAnnual: 0 }, 0.5 * dt],
    [
      'jump drift is compensated by λk with k = exp(m + s²/2) − 1',
      { kind: 'jump', driftAnnual: 0.1, volAnnual: 0.8, jumpIntensityAnnual: 50, jumpMean: -0.05, jumpStdev: 0.05 },
      (0.1 - 50 * (Math.exp(-0.05 + 0.00125) - 1) - 0.32) * dt,
    ],
  ] as const)('%s', (_name, scenario, logDriftPerStep) => {
    const prepared = prepareScenario(scenario as ScenarioParams, market);
    if (prepared.kind !== 'gbm' && prepared.kind !== 'jump') throw new Error('wrong kind');
    expectClose(prepared.logDriftPerStep, logDriftPerStep);
    expectClose(prepared.volPerStep, scenario.volAnnual * Math.sqrt(dt));
    expect(prepared.stepYears).toBe(dt);
  });

  it('builds the jump-count table for λ·dt, and a no-jump table when λ is 0', () => {
    const withJumps = prepareScenario(
      { kind: 'jump', driftAnnual: 0, volAnnual: 0.5, jumpIntensityAnnual: 1000, jumpMean: 0, jumpStdev: 0.1 },
      market,
    );
    const none = prepareScenario(
      { kind: 'jump', driftAnnual: 0, volAnnual: 0.5, jumpIntensityAnnual: 0, jumpMean: 0, jumpStdev: 0.1 },
      market,
    );
    if (withJumps.kind !== 'jump' || none.kind !== 'jump') throw new Error('wrong kind');
    expectClose(withJumps.jumpCountCdf[0]!, Math.exp(-1000 * dt)); // P(no jump in a step)
    expect(Array.from(none.jumpCountCdf)).toEqual([1]);
  });

  it('gives crash the shape as log price and as prices, and driftless noise constants', () => {
    const shape = { drawdown: 0.5, startMinute: 10, crashMinutes: 20, recovery: 0, recoveryMinutes: 0 };
    const prepared = prepareScenario({ kind: 'crash', preset: null, ...shape, volAnnual: 0.8 }, market);
    if (prepared.kind !== 'crash') throw new Error('wrong kind');
    expect(prepared.logSkeleton).toHaveLength(1440);
    expect(prepared.skeletonPrices).toHaveLength(1440);
    expect(prepared.logSkeleton[30]).toBe(Math.log(0.5));
    expectClose(prepared.skeletonPrices[30]!, 50);
    expect(prepared.skeletonPrices[0]).toBe(100);
    expectClose(prepared.noise.logDriftPerStep, -0.32 * dt);
    expectClose(prepared.noise.volPerStep, 0.8 * Math.sqrt(dt));
  });

  it('parses replay prices from decimal strings', () => {
    const prices = ['100', '99.5', '1e2', '0.000123', ' 42 '];
    const prepared = prepareScenario({ kind: 'replay', prices, noiseVolAnnual: 0 }, { ...market, steps: 5 });
    if (prepared.kind !== 'replay') throw new Error('wrong kind');
    expect(Array.from(prepared.prices)).toEqual([100, 99.5, 100, 0.000123, 42]);
    expect(prepared.noise.volPerStep).toBe(0);
  });

  it('clamps a malformed or non-positive replay price to the floor instead of NaN', () => {
    const prepared = prepareScenario(
      { kind: 'replay', prices: ['100', 'abc', '0', '-3'], noiseVolAnnual: 0 },
      { ...market, steps: 4 },
    );
    if (prepared.kind !== 'replay') throw new Error('wrong kind');
    expect(Array.from(prepared.prices)).toEqual([100, 1e-10, 1e-10, 1e-10]);
  });

  it('refuses a replay series whose length is not market.steps', () => {
    expect(() => prepareScenario({ kind: 'replay', prices: ['100', '101'], noiseVolAnnual: 0 }, market)).toThrow(
      RangeError,
    );
  });

  it('refuses an impossible market shape', () => {
    expect(() => prepareScenario({ kind: 'gbm', driftAnnual: 0, volAnnual: 0.8 }, { ...market, steps: 0 })).toThrow(
      RangeError,
    );
  });
});
