import { describe, expect, it } from 'vitest';
import { Dec } from '../money/money';
import type { RiskParams } from '../params/riskParams';
import { withParam } from '../params/sweepableParams';
import { validateParams } from '../params/validateParams';
import { fundLadderApplies } from '../sim/simulateRange';
import { createFundProber } from './fundProber';
import { probeParams, type ProbeEstimator } from './probe';
import { solveLever, type SolveResult } from './solve';
import { fixedDeficitWorld, stormyWorld } from './testing/worlds';

const Q = 1_000_000;

function valid(params: RiskParams): RiskParams {
  const v = validateParams(params);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.params;
}

const atFund = (params: RiskParams, units: number) => valid(withParam(params, 'insuranceFund.initial', new Dec(units).dividedBy(Q).toFixed()));

describe('createFundProber', () => {
  // stormyWorld with a fee inflow and a draw limit: deficits on most paths, the fund the limit on some.
  const world = valid({ ...stormyWorld(), insuranceFund: { initial: '0', feeInflowPerStep: '2', cap: null, maxDrawPerStep: '20000' } });
  const funds = [0, 30_000 * Q, 4_000 * Q, 30_000 * Q, 120_000 * Q, 1 * Q, 9_000 * Q + 1, 0];

  it.each(['plain', 'importance'] as ProbeEstimator[])('gives probeParams’ outcome at every fund, in any order (%s)', (estimator) => {
    const settings = { seed: 4, target: 0.01, initialPaths: 50, maxPaths: 200, estimator };
    const prober = createFundProber(world, settings);
    let independentPaths = 0;
    for (const fund of funds) {
      const outcome = prober.probe(fund);
      const expected = probeParams(atFund(world, fund), settings);
      expect(outcome, `fund ${fund}`).toEqual(expected);
      expect(outcome.estimator).toBe(estimator);
      independentPaths += expected.paths;
    }
    // Not vacuous: the ladder ran fewer paths than the probes evaluated, and some probes failed while others passed.
    expect(prober.pathsRun).toBeLessThan(independentPaths);
  });
});

describe('solveLever for the fund on the ladder', () => {
  const strip = (r: SolveResult) => ({ ...r, pathsRun: 0 });

  it('gives the same answer, probes and costs as full runs (a cap that never binds turns the ladder off)', () => {
    // A deficit of 100 quote on every path plus stormy losses: the same search with the cap at 10^9 runs every probe in full.
    for (const params of [fixedDeficitWorld('123.456789'), stormyWorld()]) {
      const settings = { seed: 3, target: 0.05, initialPaths: 100, maxPaths: 400 };
      const laddered = solveLever({ ...settings, params: valid(params), lever: 'fund' });
      const uncapped = valid({ ...params, insuranceFund: { ...params.insuranceFund, cap: '1000000000' } });
      expect(fundLadderApplies(uncapped)).toBe(false);
      const full = solveLever({ ...settings, params: uncapped, lever: 'fund' });
      expect(full.pathsRun).toBe(full.pathsSimulated);
      expect(laddered.status).toBe('solved');
      expect(strip(laddered)).toEqual(strip(full));
      expect(laddered.pathsRun).toBeLessThan(laddered.pathsSimulated);
    }
  });
});
