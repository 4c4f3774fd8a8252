import { describe, expect, it } from 'vitest';
import { Dec } from '../money/money';
import { COMBINATION_TOLERANCE, LEVER_KINDS, compareLevers, type LeverComparison } from './compareLevers';
import { solveLever } from './solve';
import { LEVER_PATHS, readParam, withParam } from '../params/sweepableParams';
import { fixedDeficitWorld, stormyWorld, throughputWorld } from './testing/worlds';

const SETTINGS = { seed: 3, target: 0.01, initialPaths: 400, maxPaths: 1600 };

function expectCombinationHolds(r: LeverComparison, base: ReturnType<typeof throughputWorld>): void {
  const c = r.combination;
  expect(c.status, c.message).toBe('solved');
  expect(c.probes[0]?.fraction).toBe(0.5); // "half of each lever's change" is always evaluated
  expect(c.atAnswer?.passes).toBe(true);
  expect(c.atAnswer?.fraction).toBe(c.fraction);
  expect(c.fraction! - c.lastFailingFraction!).toBeLessThanOrEqual(COMBINATION_TOLERANCE);
  if (c.lastFailingFraction! > 0) expect(c.probes.find((p) => p.fraction === c.lastFailingFraction)?.passes).toBe(false);
  for (const k of LEVER_KINDS) {
    const v = c.values![k];
    const baseValue = readParam(base, LEVER_PATHS[k]);
    if (!v.moved) {
      expect(v.value).toBe(baseValue);
      continue;
    }
    const solo = r.levers[k].answer!;
    const expected = new Dec(baseValue!).plus(new Dec(solo).minus(baseValue!).times(c.fraction!)).toNumber();
    expect(v.value).toBeCloseTo(expected, 5);
    expect(v.value!).toBeGreaterThan(baseValue!);
    expect(v.value!).toBeLessThan(solo);
  }
  expect(c.cost?.fund.capitalQuote).toBe(c.values!.fund.value);
  expect(c.cost?.margin.maintenanceMarginRatio).toBe(c.values!.margin.value);
  expect(c.cost?.throughput.perStepQuote).toBe(c.values!.throughput.value);
}

describe('compareLevers', () => {
  it('runs each lever alone and one combination that moves all three by the same fraction', () => {
    const base = throughputWorld();
    const r = compareLevers({ ...SETTINGS, params: base });
    for (const k of LEVER_KINDS) {
      expect(r.levers[k].status).toBe('solved');
      expect(r.levers[k]).toEqual(solveLever({ ...SETTINGS, params: base, lever: k }));
    }
    expectCombinationHolds(r, base);
    expect(Object.values(r.combination.values!).every((v) => v.moved)).toBe(true);
    expect(r.evaluations).toBe(LEVER_KINDS.reduce((n, k) => n + r.levers[k].evaluations, 0) + r.combination.probes.length);
  });

  it('leaves a lever that cannot meet the target alone at its base value (stochastic world)', () => {
    const base = withParam(stormyWorld(), 'liquidation.maxNotionalPerStep', '50000');
    const r = compareLevers({ seed: 11, target: 0.05, initialPaths: 100, maxPaths: 800, params: base });
    expect(r.levers.throughput.status).toBe('not-reachable');
    expect(r.levers.throughput.message).toMatch(/unlimited/);
    expect(r.levers.fund.status).toBe('solved');
    expect(r.levers.margin.status).toBe('solved');
    expectCombinationHolds(r, base);
    expect(r.combination.values!.throughput).toEqual({ value: 50000, valueText: '50000', moved: false });
  });

  it('says so when the base already meets the target, or no lever does alone', () => {
    const met = compareLevers({ ...SETTINGS, params: withParam(fixedDeficitWorld('100'), 'insuranceFund.initial', '500') });
    expect(met.combination.status).toBe('already-met');
    expect(met.combination.probes).toEqual([]);
    const none = compareLevers({ ...SETTINGS, target: 0.001, params: fixedDeficitWorld('100') });
    expect(LEVER_KINDS.map((k) => none.levers[k].status)).toEqual(['not-reachable', 'not-reachable', 'not-reachable']);
    expect(none.combination.status).toBe('no-lever-alone');
  });
});
