import { describe, expect, it } from 'vitest';
import type { RiskParams } from '../params/riskParams';
import { validateParams } from '../params/validateParams';
import { createSimulator, fundLadderApplies } from '../sim/simulateRange';
import { fundLadder } from './fundLadder';
import { sweep1d, sweepPoint } from './sweep';
import { fixedDeficitWorld, stormyWorld } from './testing/worlds';

const Q = 1_000_000;

function valid(params: RiskParams): RiskParams {
  const v = validateParams(params);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.params;
}

const withFund = (params: RiskParams, fund: Partial<RiskParams['insuranceFund']>): RiskParams => valid({ ...params, insuranceFund: { ...params.insuranceFund, ...fund } });

/** fixedDeficitWorld: one deficit of exactly 100 quote, at step 1 of one path. */
const deficitWorld = (fund: Partial<RiskParams['insuranceFund']> = {}) => withFund(fixedDeficitWorld('100'), fund);

function boundsAt(params: RiskParams, fundUnits: number) {
  const r = createSimulator(params, 1).runAtFund(0, 1, fundUnits);
  return { required: r.fund.requiredUnits[0], ceiling: r.fund.ceilingUnits[0], depleted: r.paths.fundDepletedStep[0], socialized: r.paths.socializedLossUnits[0] };
}

describe('Simulator.runAtFund', () => {
  it('is the run of a simulator built with that starting fund', () => {
    const world = valid(stormyWorld());
    const atFund = createSimulator(world, 7).runAtFund(0, 5, 12_345 * Q);
    const direct = createSimulator(withFund(world, { initial: '12345' }), 7).run(0, 5);
    const { fund, ...rest } = atFund;
    expect(rest).toEqual(direct);
    expect(fund.initialUnits).toBe(12_345 * Q);
  });

  it('a path with no deficit holds at every starting fund', () => {
    const calm = valid({ ...fixedDeficitWorld('100'), scenario: { kind: 'replay', prices: ['100', '100'], noiseVolAnnual: 0 } });
    expect(boundsAt(calm, 5 * Q)).toMatchObject({ required: -Infinity, ceiling: Infinity });
  });

  it('needs the fund to cover the deficit: from 100 quote up, and only its own fund when the fund was the limit', () => {
    expect(boundsAt(deficitWorld(), 150 * Q)).toMatchObject({ required: 100 * Q, ceiling: Infinity, socialized: 0 });
    expect(boundsAt(deficitWorld(), 60 * Q)).toMatchObject({ required: 60 * Q, ceiling: 60 * Q });
  });

  it('with a draw limit the fund must not end at exactly 0 (fundDepletedStep): one unit more than the draw', () => {
    const limited = deficitWorld({ maxDrawPerStep: '40' });
    expect(boundsAt(limited, 41 * Q)).toMatchObject({ required: 40 * Q + 1, depleted: -1 });
    // At exactly the draw the fund empties while a remainder is left: the path is its own.
    expect(boundsAt(limited, 40 * Q)).toMatchObject({ required: 40 * Q, ceiling: 40 * Q, depleted: 1 });
    const { results } = fundLadder(createSimulator(limited, 1), [41 * Q, 40 * Q, 40 * Q + 1], 0, 1);
    expect(Array.from(results, (r) => r.paths.fundDepletedStep[0])).toEqual([-1, 1, -1]);
  });

  it('falls back to the run fund alone with a fund cap (inflows clipped by the balance)', () => {
    const capped = deficitWorld({ cap: '1000000', feeInflowPerStep: '1' });
    expect(fundLadderApplies(capped)).toBe(false);
    expect(boundsAt(capped, 150 * Q)).toMatchObject({ required: 150 * Q, ceiling: 150 * Q });
    expect(boundsAt(deficitWorld({ feeInflowPerStep: '1' }), 150 * Q)).toMatchObject({ required: 99 * Q, ceiling: Infinity });
  });

  it('falls back with the ADL drawdown trigger (its floor is a share of the balance), not with fund-empty', () => {
    const adl = (trigger: { kind: 'fund-empty' } | { kind: 'fund-drawdown'; share: number; windowSteps: number }) =>
      valid({ ...fixedDeficitWorld('100'), lossMechanism: { kind: 'adl', ranking: 'pnl-leverage', size: 'needed', closePrice: 'bankruptcy', trigger } });
    const drawdown = adl({ kind: 'fund-drawdown', share: 0.3, windowSteps: 5 });
    expect(fundLadderApplies(drawdown)).toBe(false);
    expect(boundsAt(drawdown, 500 * Q)).toMatchObject({ required: 500 * Q, ceiling: 500 * Q });
    expect(fundLadderApplies(adl({ kind: 'fund-empty' }))).toBe(true);
    expect(boundsAt(adl({ kind: 'fund-empty' }), 500 * Q).required).toBeLessThan(500 * Q);
  });

  it('ADL deleverages while the fund cannot pay the sale: a row reaches up only to one unit below that', () => {
    const adl = valid({ ...fixedDeficitWorld('100'), lossMechanism: { kind: 'adl', ranking: 'pnl-leverage', size: 'needed', closePrice: 'bankruptcy', trigger: { kind: 'fund-empty' } } });
    const low = boundsAt(adl, 30 * Q);
    expect(low.socialized).toBeGreaterThan(0);
    expect(low.ceiling).toBeLessThan(Infinity);
    // Just above the ceiling the sale is paid by the fund: a different path.
    const above = createSimulator(adl, 1).runAtFund(0, 1, low.ceiling! + 1);
    expect(above.paths.socializedLossUnits[0]).not.toBe(low.socialized);
  });
});

describe('sweep1d of the starting fund', () => {
  it('with a cap (no ladder) is still each point run on its own', () => {
    const capped = withFund(valid(stormyWorld()), { cap: '3000', feeInflowPerStep: '5' });
    const values = ['0', '1000', '2500'];
    const points = sweep1d(capped, 3, 8, 'insuranceFund.initial', values);
    values.forEach((v, k) => expect(points[k]).toEqual(sweepPoint(capped, 3, 8, 'insuranceFund.initial', v)));
  });

  it('on the ladder equals each point run on its own, invalid points in place', () => {
    const world = valid(stormyWorld());
    const values = ['4000', '0', '-5', '250.5', '4000'];
    const points = sweep1d(world, 9, 10, 'insuranceFund.initial', values);
    expect(points[2]!.ok).toBe(false);
    values.forEach((v, k) => expect(points[k]).toEqual(sweepPoint(world, 9, 10, 'insuranceFund.initial', v)));
  });
});
