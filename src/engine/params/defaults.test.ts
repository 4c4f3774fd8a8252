import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATED_POPULATION, DEFAULT_PARAMS, DEFAULT_RUN, deepFreeze, defaultParams, FIELD_DEFAULTS } from './defaults';
import { formatProblems, validateParams, validateRunOptions } from './validateParams';

describe('defaults', () => {
  it('DEFAULT_PARAMS validates and comes back unchanged', () => {
    const result = validateParams(DEFAULT_PARAMS);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.params).toEqual(DEFAULT_PARAMS);
  });

  it('holds the documented values', () => {
    expect(DEFAULT_PARAMS).toEqual({
      version: 1,
      market: { initialPrice: '100', steps: 1440, stepSeconds: 60 },
      scenario: { kind: 'jump', driftAnnual: 0, volAnnual: 0.8, jumpIntensityAnnual: 365, jumpMean: 0, jumpStdev: 0.07 },
      population: {
        kind: 'generated', accounts: 10000, openInterest: '50000000', longShare: 0.55, leverageMedian: 4,
        leverageSigma: 0.7, paretoAlpha: 1.6, entrySpread: 0.03, marketMakerLeverage: 2,
      },
      margin: { initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [] },
      liquidation: {
        penaltyRatio: 0.01, penaltyToFund: 1, partial: false, maxNotionalPerStep: '5000000', oracleDelaySteps: 0,
        impact: { model: 'sqrt', depth: '2000000', halfLifeSteps: 5, thinning: 20, permanentShare: 0 },
        markImpactWeight: 0.33,
        slice: { minNotional: '100000', fraction: 0.2, cooldownSteps: 0 },
      },
      insuranceFund: { initial: '250000', feeInflowPerStep: '0', cap: null, maxDrawPerStep: null },
      lossMechanism: { kind: 'socialize' },
    });
    expect(DEFAULT_RUN).toEqual({ paths: 1000, seed: 1 });
    expect(validateRunOptions(DEFAULT_RUN)).toEqual({ ok: true, options: DEFAULT_RUN });
  });

  it('cannot be mutated in place, however deep', () => {
    expect(() => {
      DEFAULT_PARAMS.market.steps = 5;
    }).toThrow(TypeError);
    expect(() => {
      DEFAULT_PARAMS.margin.tiers.push({ notionalFloor: '1', maintenanceMarginRatio: 0.1, initialMarginRatio: 0.2 });
    }).toThrow(TypeError);
    expect(() => {
      (DEFAULT_PARAMS.liquidation.impact as { depth: string }).depth = '1';
    }).toThrow(TypeError);
    expect(() => {
      (DEFAULT_RUN as { seed: number }).seed = 2;
    }).toThrow(TypeError);
    expect(Object.isFrozen(DEFAULT_GENERATED_POPULATION)).toBe(true);
    expect(Object.isFrozen(FIELD_DEFAULTS.marginTiers)).toBe(true);
    expect(DEFAULT_PARAMS.market.steps).toBe(1440);
  });

  it('defaultParams() gives a fresh, editable copy each time', () => {
    const a = defaultParams();
    const b = defaultParams();
    a.margin.tiers.push({ notionalFloor: '1', maintenanceMarginRatio: 0.1, initialMarginRatio: 0.2 });
    a.market.steps = 10;
    expect(b.margin.tiers).toEqual([]);
    expect(b).toEqual(DEFAULT_PARAMS);
    expect(DEFAULT_PARAMS.market.steps).toBe(1440);
  });

  it('the generated population defaults are those of DEFAULT_PARAMS', () => {
    expect(DEFAULT_PARAMS.population).toEqual(DEFAULT_GENERATED_POPULATION);
  });

  it('deepFreeze freezes nested objects and arrays and returns its argument', () => {
    const value = { a: { b: [1, { c: 2 }] } };
    expect(deepFreeze(value)).toBe(value);
    expect(Object.isFrozen(value.a.b[1])).toBe(true);
    expect(deepFreeze(null)).toBe(null);
    expect(deepFreeze(3)).toBe(3);
  });
});
