import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../metrics/wilson';
import type { RiskParams } from '../params/riskParams';
import { validateParams } from '../params/validateParams';
import { createSimulator } from '../sim/simulateRange';
import { bestUpperBound, probeParams } from './probe';
import { solveLever, type SolveResult } from './solve';
import { sweepPoint, type SweepPoint } from './sweep';
import { withParam } from '../params/sweepableParams';
import { fixedDeficitWorld, marginThresholdWorld, stormyWorld, throughputWorld } from './testing/worlds';

/** 400 paths: 0 socialized paths of 400 has a Wilson upper bound of 0.0095, under a 1 % target. */
const SETTINGS = { seed: 3, target: 0.01, initialPaths: 400, maxPaths: 1600 };

function valid(params: RiskParams): RiskParams {
  const v = validateParams(params);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.params;
}

/** The checks every solved result must pass: the answer meets the target, the last failing value does not, one tolerance apart. */
function expectSolved(r: SolveResult): { answer: number; lastFailing: number } {
  expect(r.status, r.message).toBe('solved');
  const pass = r.bracket.firstPassing!;
  const fail = r.bracket.lastFailing!;
  expect(pass.value).toBe(r.answer);
  expect(pass.pSocializedCI[1]).toBeLessThanOrEqual(r.target);
  expect(pass.passes).toBe(true);
  expect(fail.passes).toBe(false);
  expect(fail.pSocializedCI[1]).toBeGreaterThan(r.target);
  expect(fail.value!).toBeLessThan(pass.value!);
  expect(pass.value! - fail.value!).toBeLessThanOrEqual(Math.max(r.relTolerance * pass.value!, 1e-6) + 1e-9);
  expect(r.evaluations).toBe(r.probes.length);
  expect(r.pathsSimulated).toBe(r.probes.reduce((n, p) => n + p.paths, 0));
  expect(r.ledgerBalanced).toBe(true);
  return { answer: pass.value!, lastFailing: fail.value! };
}

describe('solveLever on worlds with a known answer', () => {
  it.each([['100'], ['123.456789'], ['7000.5']])('fund: a deficit of exactly %s on every path needs a fund of exactly that much', (deficit) => {
    const d = Number(deficit);
    const r = solveLever({ ...SETTINGS, params: fixedDeficitWorld(deficit), lever: 'fund' });
    const { answer, lastFailing } = expectSolved(r);
    expect(answer).toBeGreaterThanOrEqual(d);
    expect(answer).toBeLessThanOrEqual(d * 1.01);
    expect(lastFailing).toBeLessThan(d);
    // Brute force one tolerance step below the answer: every path socializes a loss.
    const below = sweepPoint(fixedDeficitWorld(deficit), SETTINGS.seed, 50, 'insuranceFund.initial', String(answer * (1 - r.relTolerance))) as SweepPoint;
    expect(below.pSocialized).toBe(1);
    // And today's fund (0) was probed and failed on every path.
    expect(r.current).toMatchObject({ value: 0, pSocialized: 1, passes: false });
    expect(r.cost?.fund.capitalQuote).toBe(answer);
    const openInterest = 100 * Math.max(10, Math.ceil(d / 10)); // fixedDeficitWorld: 100 · S per side
    expect(r.cost?.openInterestQuote).toBe(openInterest);
    expect(r.cost?.fund.shareOfOpenInterest).toBeCloseTo(answer / openInterest, 12);
  });

  it('fund: a tighter tolerance brackets the deficit tighter', () => {
    const r = solveLever({ ...SETTINGS, params: fixedDeficitWorld('123.456789'), lever: 'fund', relTolerance: 1e-6 });
    const { answer, lastFailing } = expectSolved(r);
    expect(answer).toBeGreaterThanOrEqual(123.456789);
    expect(answer).toBeLessThanOrEqual(123.456789 * (1 + 1e-6) + 1e-6);
    expect(lastFailing).toBeLessThan(123.456789);
  });

  it('fund: today\'s fund already enough — the search goes down to the smallest that is', () => {
    const r = solveLever({ ...SETTINGS, params: withParam(fixedDeficitWorld('100'), 'insuranceFund.initial', '500'), lever: 'fund' });
    const { answer } = expectSolved(r);
    expect(r.current.passes).toBe(true);
    expect(answer).toBeGreaterThanOrEqual(100);
    expect(answer).toBeLessThanOrEqual(101);
    expect(r.cost?.fund.changeQuote).toBeCloseTo(answer - 500, 9);
  });

  it('fund: with no deficit at all the floor (0) is the answer', () => {
    const calm = withParam(fixedDeficitWorld('100'), 'margin.maintenanceMarginRatio', 0.3); // liquidated at 100 with equity 100 ≥ 0
    const r = solveLever({ ...SETTINGS, params: calm, lever: 'fund' });
    expect(r.status).toBe('met-at-lower-bound');
    expect(r.answer).toBe(0);
    expect(r.bracket.lastFailing).toBeNull();
  });

  it('margin: liquidated at 95 only above 50 / 950, so that is the smallest maintenance ratio', () => {
    const threshold = 50 / 950;
    const r = solveLever({ ...SETTINGS, params: marginThresholdWorld(), lever: 'margin' });
    const { answer, lastFailing } = expectSolved(r);
    expect(answer).toBeGreaterThan(threshold);
    expect(answer).toBeLessThanOrEqual(threshold * 1.01 + 1e-6);
    expect(lastFailing).toBeLessThanOrEqual(threshold);
    const cost = r.cost!.margin;
    expect(cost.maintenanceMarginRatio).toBe(answer);
    expect(cost.initialMarginRatio).toBe(0.1); // the lever moves maintenance alone: initial stays below it
    expect(cost.maxLeverage).toBeCloseTo(10, 9);
    expect(cost.baseMaxLeverage).toBe(10);
    // At 100 the long has equity 100 ≥ answer × 1000 and the short 1000: nobody must add collateral.
    expect(cost.extraCollateralQuote).toBe(0);
    // Keeping both liquidation prices where they are costs (answer − 0.05) × 1000 each.
    expect(cost.bufferCollateralQuote).toBeCloseTo((answer - 0.05) * 2000, 6);
    expect(cost.simulatedCollateralChangeQuote).toBe(0); // an explicit snapshot is taken as given
  });

  it('throughput: closing enough of both longs at 96 needs 1800 quote per step', () => {
    const r = solveLever({ ...SETTINGS, params: throughputWorld(), lever: 'throughput' });
    const { answer, lastFailing } = expectSolved(r);
    expect(answer).toBeGreaterThanOrEqual(1800);
    expect(answer).toBeLessThanOrEqual(1800 * 1.01);
    expect(lastFailing).toBeLessThan(1800);
    expect(r.current).toMatchObject({ value: 500, passes: false });
    expect(r.cost!.throughput).toEqual({ perStepQuote: answer, perMinuteQuote: answer, shareOfOpenInterestPerMinute: answer / 2000, basePerMinuteQuote: 500 });
  });

  it('throughput: unlimited capacity that still fails is reported as not reachable, after one probe', () => {
    const r = solveLever({ ...SETTINGS, params: fixedDeficitWorld('100'), lever: 'throughput' });
    expect(r.status).toBe('not-reachable');
    expect(r.message).toMatch(/fails even with liquidation\.maxNotionalPerStep = unlimited/);
    expect(r.answer).toBeNull();
    expect(r.evaluations).toBe(1);
  });
});

describe('solveLever reports what it cannot do', () => {
  it('a bound below the answer: not reachable within that bound, with the last probe there', () => {
    const r = solveLever({ ...SETTINGS, params: fixedDeficitWorld('100'), lever: 'fund', limit: 50 });
    expect(r.status).toBe('not-reachable');
    expect(r.message).toMatch(/not reachable within bound 50 quote/);
    expect(r.answer).toBeNull();
    expect(r.bracket.lastFailing).toMatchObject({ value: 50, passes: false });
    expect(Math.max(...r.probes.map((p) => p.value!))).toBe(50);
  });

  it('a target below what maxPaths can ever show is refused before simulating', () => {
    const r = solveLever({ ...SETTINGS, target: 0.001, params: fixedDeficitWorld('100'), lever: 'fund' });
    expect(bestUpperBound(1600)).toBeGreaterThan(0.001);
    expect(r.status).toBe('not-reachable');
    expect(r.message).toMatch(/raise maxPaths/);
    expect(r.probes.map((p) => p.value)).toEqual([0]);
  });

  it('a value the contract refuses stops the search with the field named', () => {
    // fund + fee inflow × steps must stay within the exact-money limit (1e9): a 1e9 fund with fees is refused.
    const world: RiskParams = { ...fixedDeficitWorld('100'), insuranceFund: { initial: '0', feeInflowPerStep: '1000', cap: null, maxDrawPerStep: null } };
    const r = solveLever({ ...SETTINGS, params: world, lever: 'fund', lo: 999_999_999 });
    expect(r.status).toBe('invalid');
    expect(r.problems.map((p) => p.field)).toEqual(['insuranceFund.feeInflowPerStep']);
  });

  it('refuses bad settings', () => {
    const params = fixedDeficitWorld('100');
    expect(() => solveLever({ ...SETTINGS, target: 0, params, lever: 'fund' })).toThrow(/target/);
    expect(() => solveLever({ ...SETTINGS, target: 1, params, lever: 'fund' })).toThrow(/target/);
    expect(() => solveLever({ ...SETTINGS, maxPaths: 100, params, lever: 'fund' })).toThrow(/maxPaths/);
    expect(() => solveLever({ ...SETTINGS, relTolerance: 0, params, lever: 'fund' })).toThrow(/relTolerance/);
  });
});

describe('solveLever on a stochastic world', () => {
  const world = stormyWorld();
  const settings = { seed: 11, target: 0.05, initialPaths: 100, maxPaths: 800 };
  const r = solveLever({ ...settings, params: world, lever: 'fund' });

  it('meets the target at its answer and not one tolerance below, on common random numbers', () => {
    expectSolved(r);
    // Re-running the answer's parameters on the same paths gives the same count (common random numbers).
    const again = sweepPoint(world, settings.seed, r.bracket.firstPassing!.paths, 'insuranceFund.initial', r.answerText!) as SweepPoint;
    expect(again.pSocialized).toBe(r.bracket.firstPassing!.pSocialized);
    const failing = r.bracket.lastFailing!;
    const atFailing = sweepPoint(world, settings.seed, failing.paths, 'insuranceFund.initial', failing.valueText!) as SweepPoint;
    expect(atFailing.pSocializedCI[1]).toBeGreaterThan(settings.target);
  });

  it('adds paths only where the interval straddled the target, up to maxPaths', () => {
    const grown = r.probes.filter((p) => p.paths > settings.initialPaths);
    expect(grown.length).toBeGreaterThan(0);
    for (const p of r.probes) {
      expect(p.paths).toBeLessThanOrEqual(settings.maxPaths);
      const [lo, hi] = p.pSocializedCI;
      if (p.undecided) expect(p.paths === settings.maxPaths && lo <= settings.target && hi > settings.target).toBe(true);
      else expect(hi <= settings.target || lo > settings.target).toBe(true);
    }
    for (const p of grown) {
      // At half its final paths (the previous round) the interval must have straddled the target.
      const half = p.paths / 2;
      const params = valid(withParam(world, 'insuranceFund.initial', p.valueText));
      const cols = createSimulator(params, settings.seed).run(0, half).paths;
      const hits = cols.socializedLossUnits.filter((u) => u > 0).length;
      const [lo, hi] = wilsonInterval(hits, half);
      expect(lo <= settings.target && hi > settings.target, `probe at ${p.valueText}`).toBe(true);
    }
  });

  it('probeParams: decided at once when the interval clears the target; undecided (and failing) at maxPaths when it never does', () => {
    const params = valid(withParam(world, 'insuranceFund.initial', '10000'));
    const hits = createSimulator(params, settings.seed).run(0, 400).paths.socializedLossUnits.filter((u) => u > 0).length;
    expect(hits).toBeGreaterThan(0);
    expect(probeParams(params, { ...settings, target: 0.95, initialPaths: 50, maxPaths: 400 })).toMatchObject({ paths: 50, passes: true, undecided: false });
    expect(probeParams(params, { ...settings, target: 1e-9, initialPaths: 50, maxPaths: 400 })).toMatchObject({ paths: 50, passes: false, undecided: false });
    // A target equal to the share over 400 paths stays inside the interval: 50 → 100 → 200 → 400, then undecided.
    const straddled = probeParams(params, { ...settings, target: hits / 400, initialPaths: 50, maxPaths: 400 });
    expect(straddled).toMatchObject({ paths: 400, socializedPaths: hits, passes: false, undecided: true });
  });
});
