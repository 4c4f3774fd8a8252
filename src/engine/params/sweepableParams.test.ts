import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RiskParams } from './riskParams';
import { validateParams } from './validateParams';
import { buildPopulation } from '../population/buildPopulation';
import { LEVER_PATHS, SWEEPABLE_PARAMS, initialMarginMoved, paramPathProblem, readParam, roundToResolution, sweepableParam, withParam, type SweepableParam } from './sweepableParams';
// Written against the pre-preset defaults (100-quote market, no tiers, socialize), set explicitly since the defaults became btc-binance.
import { LEGACY_DEFAULT_PARAMS, legacyDefaultParams } from './defaults';

const jump = (): RiskParams => legacyDefaultParams();
const crash = (): RiskParams => ({
  ...legacyDefaultParams(),
  scenario: { kind: 'crash', preset: null, drawdown: 0.3, startMinute: 60, crashMinutes: 30, recovery: 0.5, recoveryMinutes: 120, volAnnual: 0.6 },
});
const replay = (): RiskParams => ({
  ...legacyDefaultParams(),
  market: { initialPrice: '100', steps: 3, stepSeconds: 60 },
  scenario: { kind: 'replay', prices: ['100', '90', '95.5'], noiseVolAnnual: 0 },
});

/** A valid world in which `path` exists. */
function worldFor(path: string): RiskParams {
  for (const make of [jump, crash, replay]) {
    const p = make();
    if (paramPathProblem(p, path) === null) return p;
  }
  throw new Error(`no test world has ${path}`);
}

function problemsOf(params: RiskParams): string[] {
  const v = validateParams(params);
  return v.ok ? [] : v.problems.map((p) => p.field);
}

/** A value just inside the field's bounds and one just outside each bound, as numbers. */
function beyond(spec: SweepableParam): number[] {
  const out: number[] = [];
  if (Number.isFinite(spec.max)) out.push(spec.maxExclusive ? spec.max : spec.max + Math.max(1, spec.max) * 1e-6);
  out.push(spec.minExclusive ? spec.min : spec.min - Math.max(1, Math.abs(spec.min)) * 1e-6);
  return out;
}

describe('withParam', () => {
  it.each(SWEEPABLE_PARAMS.map((s) => [s.path, s] as const))('%s: the typical range is valid and reads back exactly', (path, spec) => {
    const world = worldFor(path);
    for (const v of spec.typical) {
      const text = roundToResolution(spec, v);
      const next = withParam(world, path, text);
      expect(problemsOf(next)).toEqual([]);
      expect(readParam(next, path)).toBe(Number(text));
    }
  });

  it.each(SWEEPABLE_PARAMS.map((s) => [s.path, s] as const))('%s: a value beyond its bounds is refused by validateParams, naming the field', (path, spec) => {
    const world = worldFor(path);
    for (const v of beyond(spec)) {
      const written = spec.kind === 'integer' ? Math.round(v) + (v > spec.min ? 1 : -1) : v;
      expect(problemsOf(withParam(world, path, written))).toContain(path);
    }
  });

  it('writes decimal strings exactly, with no exponent, from numbers and strings', () => {
    const p = legacyDefaultParams();
    expect(withParam(p, 'insuranceFund.initial', 1e21).insuranceFund.initial).toBe('1000000000000000000000');
    expect(withParam(p, 'insuranceFund.initial', 1e45).insuranceFund.initial).toBe(`1${'0'.repeat(45)}`); // beyond decimal.js's exponent threshold
    expect(withParam(p, 'insuranceFund.initial', 1e-7).insuranceFund.initial).toBe('0.0000001');
    expect(withParam(p, 'insuranceFund.initial', '1234567.890123').insuranceFund.initial).toBe('1234567.890123');
    expect(withParam(p, 'liquidation.maxNotionalPerStep', 250000).liquidation.maxNotionalPerStep).toBe('250000');
    expect(withParam(p, 'liquidation.impact.depth', '0.5').liquidation.impact.depth).toBe('0.5');
    // A number field reads a plain decimal string as a number.
    expect(withParam(p, 'liquidation.penaltyRatio', '0.015').liquidation.penaltyRatio).toBe(0.015);
  });

  it('leaves a bad value for validateParams to refuse with the field name', () => {
    const p = legacyDefaultParams();
    expect(problemsOf(withParam(p, 'insuranceFund.initial', Number.NaN))).toEqual(['insuranceFund.initial']);
    expect(problemsOf(withParam(p, 'insuranceFund.initial', '1e6'))).toEqual(['insuranceFund.initial']);
    expect(problemsOf(withParam(p, 'liquidation.penaltyRatio', 'abc'))).toEqual(['liquidation.penaltyRatio']);
    expect(problemsOf(withParam(p, 'liquidation.oracleDelaySteps', 1.5))).toEqual(['liquidation.oracleDelaySteps']);
  });

  it('never changes its input (works on the frozen defaults) and shares untouched sections', () => {
    const next = withParam(LEGACY_DEFAULT_PARAMS, 'insuranceFund.initial', 123);
    expect(LEGACY_DEFAULT_PARAMS.insuranceFund.initial).toBe('250000');
    expect(next.insuranceFund.initial).toBe('123');
    expect(next.population).toBe(LEGACY_DEFAULT_PARAMS.population);
    const deep = withParam(LEGACY_DEFAULT_PARAMS, 'liquidation.impact.depth', 5);
    expect(LEGACY_DEFAULT_PARAMS.liquidation.impact.depth).toBe('2000000');
    expect(deep.liquidation.impact).not.toBe(LEGACY_DEFAULT_PARAMS.liquidation.impact);
  });

  it('refuses unknown paths and paths this world does not have, naming them', () => {
    const p = legacyDefaultParams();
    expect(() => withParam(p, 'insuranceFund.nope', 1)).toThrow(/insuranceFund\.nope: not a sweepable parameter/);
    expect(() => withParam(p, 'version', 1)).toThrow(/version: not a sweepable parameter/);
    expect(() => withParam(p, '__proto__.polluted', 1)).toThrow(/not a sweepable parameter/);
    expect(() => withParam(p, 'scenario.drawdown', 0.2)).toThrow(/scenario\.drawdown: does not apply to scenario of kind 'jump'/);
    expect(() => readParam(replay(), 'scenario.volAnnual')).toThrow(/does not apply to scenario of kind 'replay'/);
    const explicit: RiskParams = { ...p, population: { kind: 'explicit', accounts: [{ id: 'a', side: 'long', size: '1', entryPrice: '100', collateral: '10' }] } };
    expect(paramPathProblem(explicit, 'population.leverageMedian')).toMatch(/does not apply to population of kind 'explicit'/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('null writes null where it means something (unlimited throughput) and reads back as null', () => {
    const p = withParam(legacyDefaultParams(), 'liquidation.maxNotionalPerStep', 1000);
    const unlimited = withParam(p, 'liquidation.maxNotionalPerStep', null);
    expect(unlimited.liquidation.maxNotionalPerStep).toBeNull();
    expect(problemsOf(unlimited)).toEqual([]);
    expect(readParam(unlimited, 'liquidation.maxNotionalPerStep')).toBeNull();
  });
});

describe('couplings', () => {
  it('raises a fund cap below the new starting fund to it, and leaves a higher cap alone', () => {
    const capped = { ...legacyDefaultParams(), insuranceFund: { ...legacyDefaultParams().insuranceFund, cap: '300000' } };
    const raised = withParam(capped, 'insuranceFund.initial', '500000.5');
    expect(raised.insuranceFund.cap).toBe('500000.5');
    expect(problemsOf(raised)).toEqual([]);
    expect(withParam(capped, 'insuranceFund.initial', 100).insuranceFund.cap).toBe('300000');
  });

  it('moves maintenance margin alone: tiers scale with it, initial margin stays unless maintenance would reach it', () => {
    const p: RiskParams = {
      ...legacyDefaultParams(),
      margin: {
        initialMarginRatio: 0.1,
        maintenanceMarginRatio: 0.05,
        tiers: [
          { notionalFloor: '1000000', maintenanceMarginRatio: 0.08, initialMarginRatio: 0.15 },
          { notionalFloor: '5000000', maintenanceMarginRatio: 0.12, initialMarginRatio: 0.2 },
        ],
      },
    };
    const up = withParam(p, 'margin.maintenanceMarginRatio', 0.07);
    expect(up.margin).toEqual({
      maintenanceMarginRatio: 0.07,
      initialMarginRatio: 0.1,
      tiers: [
        { notionalFloor: '1000000', maintenanceMarginRatio: 0.112, initialMarginRatio: 0.15 },
        { notionalFloor: '5000000', maintenanceMarginRatio: 0.168, initialMarginRatio: 0.2 },
      ],
    });
    expect(initialMarginMoved(p, up)).toBe(false);
    expect(problemsOf(up)).toEqual([]);
    // Lowering keeps the initial ratios (leverage caps) where they were.
    const down = withParam(p, 'margin.maintenanceMarginRatio', 0.025);
    expect(down.margin.initialMarginRatio).toBe(0.1);
    expect(down.margin.tiers.map((t) => [t.maintenanceMarginRatio, t.initialMarginRatio])).toEqual([[0.04, 0.15], [0.06, 0.2]]);
    expect(problemsOf(down)).toEqual([]);
    // Where maintenance would reach initial, initial rises in proportion (2×), and says so through initialMarginMoved.
    const high = withParam(p, 'margin.maintenanceMarginRatio', 0.11);
    expect(high.margin.initialMarginRatio).toBe(0.22);
    const [t1, t2] = high.margin.tiers.map((t) => t.initialMarginRatio);
    expect(t1).toBeCloseTo(0.33, 12);
    expect(t2).toBeCloseTo(0.44, 12);
    expect(initialMarginMoved(p, high)).toBe(true);
    expect(problemsOf(high)).toEqual([]);
    // Initial margin stops at 1; a maintenance ratio that reaches it is refused by name.
    const top = withParam(legacyDefaultParams(), 'margin.maintenanceMarginRatio', 0.8);
    expect(top.margin.initialMarginRatio).toBe(1);
    expect(problemsOf(top)).toEqual([]);
    expect(problemsOf(withParam(legacyDefaultParams(), 'margin.maintenanceMarginRatio', 1))).toContain('margin.maintenanceMarginRatio');
  });

  it('scales no tier above half the notional, so a wide sweep over a venue tier table stays valid', () => {
    const p: RiskParams = {
      ...legacyDefaultParams(),
      margin: {
        initialMarginRatio: 0.008,
        maintenanceMarginRatio: 0.004,
        tiers: [
          { notionalFloor: '1000000', maintenanceMarginRatio: 0.1, initialMarginRatio: 0.2 },
          { notionalFloor: '5000000', maintenanceMarginRatio: 0.5, initialMarginRatio: 1 },
        ],
      },
    };
    // 15× the base ratio: 0.1 → 1.5 and 0.5 → 7.5 unchecked; capped at 0.5, the first tier's initial ratio keeps its proportion (1).
    const wide = withParam(p, 'margin.maintenanceMarginRatio', 0.06);
    expect(wide.margin.tiers.map((t) => [t.maintenanceMarginRatio, t.initialMarginRatio])).toEqual([[0.5, 1], [0.5, 1]]);
    expect(problemsOf(wide)).toEqual([]);
    // A tier already above the cap is left where it is, never lowered by a rise of the base ratio.
    const high: RiskParams = { ...p, margin: { ...p.margin, tiers: [{ notionalFloor: '1000000', maintenanceMarginRatio: 0.6, initialMarginRatio: 0.9 }] } };
    expect(withParam(high, 'margin.maintenanceMarginRatio', 0.006).margin.tiers[0]!.maintenanceMarginRatio).toBe(0.6);
  });

  it('the margin lever never changes the generated traders while initial margin stays', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.099, noNaN: true }), (mmr) => {
        const base = legacyDefaultParams();
        const moved = withParam(base, 'margin.maintenanceMarginRatio', mmr);
        expect(moved.margin.initialMarginRatio).toBe(base.margin.initialMarginRatio);
        const a = buildPopulation(base, 7);
        const b = buildPopulation(moved, 7);
        expect(Array.from(b.collateralUnits)).toEqual(Array.from(a.collateralUnits));
        expect(Array.from(b.sizeBase)).toEqual(Array.from(a.sizeBase));
      }),
      { numRuns: 8 },
    );
  });
});

describe('the table', () => {
  it('has the three levers, each growing towards safety, and unique paths', () => {
    expect(Object.values(LEVER_PATHS).map((path) => sweepableParam(path)?.lever)).toEqual(['fund', 'margin', 'throughput']);
    expect(SWEEPABLE_PARAMS.filter((s) => s.lever !== null).map((s) => s.path).sort()).toEqual(Object.values(LEVER_PATHS).sort());
    expect(new Set(SWEEPABLE_PARAMS.map((s) => s.path)).size).toBe(SWEEPABLE_PARAMS.length);
    expect(sweepableParam('liquidation.maxNotionalPerStep')?.nullMeans).toBe('unlimited');
  });

  it('rounds to the resolution, half to even, as exact text', () => {
    const fund = sweepableParam('insuranceFund.initial') as SweepableParam;
    expect(roundToResolution(fund, '52631.5789473684210526')).toBe('52631.578947');
    expect(roundToResolution(fund, '0.0000005')).toBe('0');
    expect(roundToResolution(fund, '0.0000015')).toBe('0.000002');
    const delay = sweepableParam('liquidation.oracleDelaySteps') as SweepableParam;
    expect(roundToResolution(delay, 2.5)).toBe('2');
  });
});
