import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../metrics/summarizeRun';
import { mergeRangeResults } from '../results/mergeRangeResults';
import { createSimulator } from '../sim/simulateRange';
import { validateParams } from '../params/validateParams';
import type { RiskParams } from '../params/riskParams';
import { preparePoint, summarizePoint, sweep1d, sweep2d, sweepPoint, sweepValues, type SweepPoint } from './sweep';
import { withParam } from '../params/sweepableParams';
import { stormyWorld } from './testing/worlds';

const PATHS = 40;
const SEED = 7;

function valid(params: RiskParams): RiskParams {
  const v = validateParams(params);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.params;
}

describe('sweepValues', () => {
  it('spaces values evenly in exact decimals, rounds to the field resolution and keeps both ends exact', () => {
    const fund = sweepValues('insuranceFund.initial', 0, 1_000_000, 20);
    expect(fund).toHaveLength(20);
    expect(fund.slice(0, 3)).toEqual(['0', '52631.578947', '105263.157895']);
    expect(fund[19]).toBe('1000000');
    expect(sweepValues('margin.maintenanceMarginRatio', '0.05', '0.1', 11)).toEqual(['0.05', '0.055', '0.06', '0.065', '0.07', '0.075', '0.08', '0.085', '0.09', '0.095', '0.1']);
    expect(sweepValues('liquidation.penaltyRatio', 0.02, 0, 3)).toEqual(['0.02', '0.01', '0']);
    expect(sweepValues('insuranceFund.initial', '5', '9', 1)).toEqual(['5']);
  });

  it('gives a whole-number field each integer once', () => {
    expect(sweepValues('liquidation.oracleDelaySteps', 0, 3, 7)).toEqual(['0', '1', '2', '3']);
  });

  it('refuses unknown fields, bad bounds and point counts', () => {
    expect(() => sweepValues('nope', 0, 1, 3)).toThrow(/nope: not a sweepable parameter/);
    expect(() => sweepValues('insuranceFund.initial', '1e6', 1, 3)).toThrow(/plain number/);
    expect(() => sweepValues('insuranceFund.initial', Number.POSITIVE_INFINITY, 1, 3)).toThrow(/plain number/);
    expect(() => sweepValues('insuranceFund.initial', 0, 1, 0)).toThrow(/points/);
    expect(() => sweepValues('insuranceFund.initial', 0, 1, 201)).toThrow(/points/);
  });
});

describe('common random numbers', () => {
  /** Every point's price series, captured as sweep1d computes it. */
  function pricesOfSweep(params: RiskParams, seed: number, path: string, values: string[]): number[][] {
    const prices: number[][] = [];
    const points = sweep1d(params, seed, 12, path, values, { onPoint: (index, _point, result) => (prices[index] = Array.from(result.series.price)) });
    expect(points.every((p) => p.ok)).toBe(true);
    return prices;
  }

  it('every point of a fund sweep sees the same price paths (impact none), and another seed other paths', () => {
    const world = stormyWorld();
    const prices = pricesOfSweep(world, SEED, 'insuranceFund.initial', ['0', '20000', '80000', '400000']);
    expect(prices).toHaveLength(4);
    for (const p of prices) expect(p).toEqual(prices[0]);
    expect(pricesOfSweep(world, SEED + 1, 'insuranceFund.initial', ['0'])[0]).not.toEqual(prices[0]);
  });

  it('a margin sweep rebuilds the population but keeps the price paths', () => {
    const prices = pricesOfSweep(stormyWorld(), SEED, 'margin.maintenanceMarginRatio', ['0.02', '0.05', '0.2']);
    for (const p of prices) expect(p).toEqual(prices[0]);
  });

  it('sweep1d is sweepPoint at each value (same seed, same paths, same numbers)', () => {
    const world = stormyWorld();
    const values = ['0', '30000'];
    const points = sweep1d(world, SEED, PATHS, 'insuranceFund.initial', values);
    values.forEach((v, i) => expect(points[i]).toEqual(sweepPoint(world, SEED, PATHS, 'insuranceFund.initial', v)));
  });
});

describe('sweepPoint', () => {
  it('reports what a plain run of those parameters reports', () => {
    const world = stormyWorld();
    const point = sweepPoint(world, SEED, PATHS, 'insuranceFund.initial', 20_000) as SweepPoint;
    const params = valid(withParam(world, 'insuranceFund.initial', '20000'));
    const s = summarizeRun(createSimulator(params, SEED).run(0, PATHS), { explicit: false });
    expect(point.pSocialized).toBeGreaterThan(0);
    expect(point).toEqual({
      ok: true,
      value: 20000,
      valueText: '20000',
      paths: PATHS,
      pSocialized: s.pSocialized,
      pSocializedCI: s.pSocializedCI,
      socializedLossMean: s.socializedLoss.mean,
      socializedLossEs99: s.socializedLoss.es99,
      badDebtMean: s.badDebt.mean,
      fundDrawMean: s.fundDraw.mean,
      liquidationsMean: s.liquidations,
      ledgerBalanced: true,
    });
  });

  it('summarizes chunks run separately (as workers would) exactly like one run', () => {
    const world = stormyWorld();
    const prepared = preparePoint(world, 'insuranceFund.initial', '15000');
    if (!prepared.ok) throw new Error('point should be valid');
    const simulator = createSimulator(prepared.params, SEED);
    const merged = mergeRangeResults([simulator.run(25, PATHS), simulator.run(0, 9), simulator.run(9, 25)]);
    expect(summarizePoint(prepared, merged)).toEqual(sweepPoint(world, SEED, PATHS, 'insuranceFund.initial', '15000'));
  });

  it('reports an invalid point in place with the field and the problem, and runs the valid ones', () => {
    const points = sweep1d(stormyWorld(), SEED, 5, 'margin.maintenanceMarginRatio', sweepValues('margin.maintenanceMarginRatio', 0.5, 1, 2));
    expect(points).toHaveLength(2);
    expect(points[0]?.ok).toBe(true);
    expect(points[1]).toEqual({ ok: false, value: 1, valueText: '1', problems: [{ field: 'margin.maintenanceMarginRatio', message: 'must be below 1, got 1' }] });
  });

  it('throws for a path the world does not have (a programming error, not a sweep point)', () => {
    expect(() => sweepPoint(stormyWorld(), SEED, 5, 'scenario.drawdown', 0.2)).toThrow(/scenario\.drawdown: does not apply/);
  });
});

describe('sweep2d', () => {
  it('is row-major over (path, path2) and each cell is that pair on the same paths', () => {
    const world = stormyWorld({ accounts: 60, steps: 40 });
    const grid = sweep2d(world, SEED, 10, { path: 'insuranceFund.initial', values: ['0', '50000'], path2: 'liquidation.penaltyRatio', values2: ['0', '0.02', '0.9'] });
    expect(grid.rows).toEqual(['0', '50000']);
    expect(grid.columns).toEqual(['0', '0.02', '0.9']);
    expect(grid.cells.map((c) => [c.valueText, c.valueText2, c.ok])).toEqual([
      ['0', '0', true], ['0', '0.02', true], ['0', '0.9', false],
      ['50000', '0', true], ['50000', '0.02', true], ['50000', '0.9', false],
    ]);
    const both = valid(withParam(withParam(world, 'insuranceFund.initial', '50000'), 'liquidation.penaltyRatio', '0.02'));
    const expected = sweepPoint(both, SEED, 10, 'insuranceFund.initial', '50000');
    expect(grid.cells[4]).toEqual({ ...expected, value2: 0.02, valueText2: '0.02' });
    const bad = grid.cells[2];
    expect(bad?.ok === false && bad.problems.map((p) => p.field)).toEqual(['liquidation.penaltyRatio']);
  });

  it('refuses the same field twice and grids over the cell limit', () => {
    const world = stormyWorld();
    expect(() => sweep2d(world, SEED, 1, { path: 'insuranceFund.initial', values: ['0'], path2: 'insuranceFund.initial', values2: ['1'] })).toThrow(/two different/);
    const many = Array.from({ length: 51 }, (_, i) => String(i));
    expect(() => sweep2d(world, SEED, 1, { path: 'insuranceFund.initial', values: many, path2: 'liquidation.oracleDelaySteps', values2: many })).toThrow(/at most 2500 cells/);
  });
});
