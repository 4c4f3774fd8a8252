import fc from 'fast-check';
import type { RiskParams } from '../params/riskParams';
import { aWorld } from './builders';
import { pow } from '../rng/fdlibmPow';
import type { LossMechanismInput } from '../params/lossMechanism';

/**
 * fast-check arbitraries for tests: small explicit worlds on replayed random walks with every engine feature
 * switched on or off at random (mechanism, partial, throughput cap, oracle delay, impact, fund limits, tiers,
 * mark weight, book thinning, permanent impact, slicing).
 */
const decimal = (min: number, max: number, places = 2) => {
  const scale = pow(10, places);
  return fc.integer({ min: Math.round(min * scale), max: Math.round(max * scale) }).map((k) => (k / scale).toFixed(places));
};

const accountArb = (i: number) =>
  fc.record({
    id: fc.constant(`a${i}`),
    side: fc.constantFrom('long' as const, 'short' as const),
    size: decimal(0.1, 50),
    entryPrice: decimal(80, 120),
    collateral: decimal(1, 600),
  });

/** Every loss mechanism with every option of DESIGN.md §5 (round two) drawn at random, legacy shapes included. */
export const lossMechanismArb: fc.Arbitrary<LossMechanismInput> = fc.oneof(
  fc.constantFrom({ kind: 'socialize' as const }, { kind: 'socialize' as const, base: 'open-interest' as const }, { kind: 'bad-debt' as const }),
  fc.record({
    kind: fc.constant('adl' as const),
    ranking: fc.constantFrom('pnl-leverage' as const, 'random' as const, 'hyperliquid' as const),
    size: fc.constantFrom('needed' as const, 'full' as const),
    closePrice: fc.constantFrom('bankruptcy' as const, 'mark' as const),
    trigger: fc.oneof(
      fc.constant({ kind: 'fund-empty' as const }),
      fc.record({ kind: fc.constant('fund-drawdown' as const), share: fc.constantFrom(0.1, 0.3, 0.75), windowSteps: fc.integer({ min: 1, max: 20 }) }),
    ),
  }),
  fc.constantFrom({ kind: 'adl' as const, ranking: 'pnl-leverage' as const }, { kind: 'backstop' as const }),
  fc.record({ kind: fc.constant('backstop' as const), takeoverEquityShare: fc.constantFrom(0, 0.3, 2 / 3, 1), unwindSteps: fc.integer({ min: 1, max: 12 }) }),
);

export const smallWorldArb: fc.Arbitrary<RiskParams> = fc
  .record({
    count: fc.integer({ min: 2, max: 14 }),
    steps: fc.integer({ min: 2, max: 40 }),
    walk: fc.array(fc.double({ min: -0.08, max: 0.08, noNaN: true }), { minLength: 40, maxLength: 40 }),
    mechanism: lossMechanismArb,
    partial: fc.boolean(),
    penaltyRatio: fc.constantFrom(0, 0.005, 0.02),
    penaltyToFund: fc.constantFrom(0, 0.5, 1),
    cap: fc.option(decimal(50, 3000, 0), { nil: null }),
    delay: fc.integer({ min: 0, max: 3 }),
    impact: fc.constantFrom('none' as const, 'linear' as const, 'sqrt' as const),
    depth: decimal(500, 20000, 0),
    halfLife: fc.constantFrom(1, 3, 10),
    fund: decimal(0, 500),
    fee: decimal(0, 5),
    fundCap: fc.option(decimal(500, 1000, 0), { nil: null }),
    maxDraw: fc.option(decimal(1, 200), { nil: null }),
    tiers: fc.boolean(),
    markWeight: fc.constantFrom(1, 0.5, 0),
    thinning: fc.constantFrom(0, 5, 30),
    permanentShare: fc.constantFrom(0, 0.5),
    slice: fc.option(
      fc.record({ minNotional: decimal(100, 2000, 0), fraction: fc.constantFrom(0.2, 0.5), cooldownSteps: fc.integer({ min: 0, max: 2 }) }),
      { nil: null },
    ),
  })
  .chain((w) =>
    fc.tuple(fc.constant(w), fc.tuple(...Array.from({ length: w.count }, (_, i) => accountArb(i)))),
  )
  .map(([w, accounts]) => {
    const prices = ['100'];
    let p = 100;
    for (let t = 1; t < w.steps; t++) {
      p = Math.max(1, p * (1 + w.walk[t]!));
      prices.push(p.toFixed(4));
    }
    return aWorld({
      prices,
      accounts,
      lossMechanism: w.mechanism,
      liquidation: {
        penaltyRatio: w.penaltyRatio,
        penaltyToFund: w.penaltyToFund,
        partial: w.partial,
        maxNotionalPerStep: w.cap,
        oracleDelaySteps: Math.min(w.delay, w.steps - 1),
        impact: { model: w.impact, depth: w.depth, halfLifeSteps: w.halfLife, thinning: w.thinning, permanentShare: w.permanentShare },
        markImpactWeight: w.markWeight,
        slice: w.slice,
      },
      fund: { initial: w.fund, feeInflowPerStep: w.fee, cap: w.fundCap === null ? null : String(Math.max(Number(w.fundCap), Number(w.fund))), maxDrawPerStep: w.maxDraw },
      margin: w.tiers
        ? { tiers: [{ notionalFloor: '2000', maintenanceMarginRatio: 0.08, initialMarginRatio: 0.15 }, { notionalFloor: '4000', maintenanceMarginRatio: 0.12, initialMarginRatio: 0.2 }] }
        : {},
    });
  });

