import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATED_POPULATION, DEFAULT_PARAMS, DEFAULT_PRESET_NAME, DEFAULT_RUN, deepFreeze, defaultParams, FIELD_DEFAULTS, legacyDefaultParams } from './defaults';
import { marketPreset } from './marketPresets';
import { formatProblems, validateParams, validateRunOptions } from './validateParams';

describe('defaults', () => {
  it('DEFAULT_PARAMS validates and comes back unchanged', () => {
    const result = validateParams(DEFAULT_PARAMS);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.params).toEqual(DEFAULT_PARAMS);
  });

  it('are the major-market preset btc-binance (issue 15), every value with its source there', () => {
    expect(DEFAULT_PRESET_NAME).toBe('btc-binance');
    const preset = marketPreset(DEFAULT_PRESET_NAME)!;
    expect(preset.stress).toBe(false);
    expect(DEFAULT_PARAMS).toEqual(preset.params);
    expect(DEFAULT_PARAMS.lossMechanism.kind).toBe('adl');
    expect(DEFAULT_PARAMS.margin.tiers.length).toBe(9);
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
    expect(b.margin.tiers.length).toBe(9);
    expect(b).toEqual(DEFAULT_PARAMS);
    expect(marketPreset(DEFAULT_PRESET_NAME)!.params.market.steps).toBe(1440);
    expect(DEFAULT_PARAMS.market.steps).toBe(1440);
  });

  // A file that leaves population fields out keeps the meaning it had: those values are the pre-preset defaults'.
  it('the generated population a file may abbreviate is that of the pre-preset defaults, not the preset', () => {
    expect(legacyDefaultParams().population).toEqual(DEFAULT_GENERATED_POPULATION);
    expect(DEFAULT_GENERATED_POPULATION.openInterest).toBe('50000000');
    const abbreviated = validateParams({ ...DEFAULT_PARAMS, population: { kind: 'generated', accounts: 500 } });
    if (!abbreviated.ok) throw new Error(formatProblems(abbreviated.problems));
    expect(abbreviated.params.population).toEqual({ ...DEFAULT_GENERATED_POPULATION, accounts: 500 });
  });

  it('deepFreeze freezes nested objects and arrays and returns its argument', () => {
    const value = { a: { b: [1, { c: 2 }] } };
    expect(deepFreeze(value)).toBe(value);
    expect(Object.isFrozen(value.a.b[1])).toBe(true);
    expect(deepFreeze(null)).toBe(null);
    expect(deepFreeze(3)).toBe(3);
  });
});
