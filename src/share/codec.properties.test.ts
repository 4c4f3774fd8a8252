// Properties of the codec (STYLE.md §6): decode(encode(s)) = s for valid states, and decode never throws, on
// anything from raw strings to valid links with one character changed. A failure prints fast-check's seed
// and path; replay with fc.assert(..., { seed, path }).
import { withLossMechanismDefaults } from '../engine/params/lossMechanism';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../engine/params/defaults';
import type { ExplicitAccount, MarginParams, RiskParams, ScenarioParams } from '../engine/params/riskParams';
import { CRASH_PRESET_IDS } from '../engine/params/riskParams';
import { idProblem } from '../engine/params/schema';
import { validateParams } from '../engine/params/validateParams';
import { encodeBase64url } from './base64url';
import { INTERNAL_ERROR, decodeShareState, encodeShareState, type DecodeResult } from './codec';
import { diffJson, type Json } from './jsonPatch';
import { V1_BASE } from './linkFormatV1';
import { LINK_VERSIONS } from './migrations';
import { VIEW_TABS, defaultShareState, type ShareState, type SweepSpec, type ViewState } from './shareState';
import { validateShareState } from './validateShareState';

const V1_DICTIONARY = LINK_VERSIONS.formats[1]!.dictionary;
const pack = (text: string): string => encodeBase64url(deflateSync(new TextEncoder().encode(text), { dictionary: V1_DICTIONARY }));

// ---- valid states, by perturbing the defaults ----------------------------------------------------------

/** A plain decimal string in [min, max] with up to `decimals` fraction digits ('0.5', '123', '99.125'). */
const decimal = (min: number, max: number, decimals = 4): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min, max }), fc.integer({ min: 0, max: decimals }), fc.nat()).map(([int, places, frac]) => {
    if (places === 0 || int === max) return String(int);
    return `${int}.${String(frac % 10 ** places).padStart(places, '0')}`;
  });
const positiveDecimal = (max: number): fc.Arbitrary<string> => decimal(1, max);
const real = (min: number, max: number): fc.Arbitrary<number> => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
/** A double strictly inside (min, max]. */
const above = (min: number, max: number): fc.Arbitrary<number> => real(min, max).filter((n) => n > min);

const scenarioArb: fc.Arbitrary<Exclude<ScenarioParams, { kind: 'replay' }>> = fc.oneof(
  fc.record({ kind: fc.constant('gbm' as const), driftAnnual: real(-10, 10), volAnnual: real(0, 10) }),
  fc.record({
    kind: fc.constant('jump' as const),
    driftAnnual: real(-10, 10),
    volAnnual: real(0, 10),
    jumpIntensityAnnual: real(0, 100_000),
    jumpMean: real(-10, 10),
    jumpStdev: real(0, 10),
  }),
  fc.record({
    kind: fc.constant('crash' as const),
    preset: fc.constantFrom(null, ...CRASH_PRESET_IDS),
    drawdown: above(0, 0.9999),
    startMinute: real(0, 1e6),
    crashMinutes: real(0, 1e6),
    recovery: real(0, 1),
    recoveryMinutes: real(0, 1e6),
    volAnnual: real(0, 10),
  }),
);

/** Market and scenario together: a replay's prices must number market.steps and start at market.initialPrice. */
const marketAndScenarioArb: fc.Arbitrary<Pick<RiskParams, 'market' | 'scenario'>> = fc.oneof(
  fc.record({
    market: fc.record({ initialPrice: positiveDecimal(1_000_000), steps: fc.integer({ min: 2, max: 100_000 }), stepSeconds: above(0, 86_400) }),
    scenario: scenarioArb,
  }),
  fc.tuple(fc.array(positiveDecimal(100_000), { minLength: 2, maxLength: 40 }), real(0, 10), above(0, 86_400)).map(
    ([prices, noiseVolAnnual, stepSeconds]) => ({
      market: { initialPrice: prices[0]!, steps: prices.length, stepSeconds },
      scenario: { kind: 'replay' as const, prices, noiseVolAnnual },
    }),
  ),
);

const SCARY_IDS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '__proto__', 'constructor', "'; DROP TABLE accounts;--", '👀 whale', '{{7*7}}', '$delete'];
const idArb = fc.oneof(
  fc.constantFrom(...SCARY_IDS),
  fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((s) => idProblem(s) === null),
);
const accountArb: fc.Arbitrary<ExplicitAccount> = fc.record({
  id: idArb,
  side: fc.constantFrom('long' as const, 'short' as const),
  size: positiveDecimal(1_000_000),
  entryPrice: positiveDecimal(1_000_000),
  collateral: fc.oneof(decimal(0, 1_000_000), decimal(1, 1000).map((d) => `-${d}`)),
});

const populationArb: fc.Arbitrary<RiskParams['population']> = fc.oneof(
  fc.record({
    kind: fc.constant('generated' as const),
    accounts: fc.integer({ min: 1, max: 1_000_000 }),
    openInterest: positiveDecimal(1_000_000_000),
    longShare: above(0, 0.999),
    leverageMedian: real(1, 100),
    leverageSigma: real(0, 3),
    paretoAlpha: real(1.05, 10),
    entrySpread: real(0, 1),
    marketMakerLeverage: real(1, 100),
  }),
  fc.record({
    kind: fc.constant('explicit' as const),
    accounts: fc.uniqueArray(accountArb, { minLength: 1, maxLength: 20, selector: (a) => a.id }),
  }),
);

const TIERED: MarginParams = {
  initialMarginRatio: 0.1,
  maintenanceMarginRatio: 0.05,
  tiers: [
    { notionalFloor: '1000000', maintenanceMarginRatio: 0.06, initialMarginRatio: 0.12 },
    { notionalFloor: '5000000.5', maintenanceMarginRatio: 0.1, initialMarginRatio: 0.2 },
  ],
};
const marginArb: fc.Arbitrary<MarginParams> = fc.oneof(
  above(0.001, 1).chain((imr) => above(0, imr * 0.999).map((mmr) => ({ initialMarginRatio: imr, maintenanceMarginRatio: mmr, tiers: [] }))),
  fc.constant(TIERED),
);

const liquidationArb: fc.Arbitrary<RiskParams['liquidation']> = fc.record({
  penaltyRatio: real(0, 0.5),
  penaltyToFund: real(0, 1),
  partial: fc.boolean(),
  maxNotionalPerStep: fc.option(positiveDecimal(1_000_000_000), { nil: null }),
  oracleDelaySteps: fc.integer({ min: 0, max: 1 }),
  impact: fc.record({
    model: fc.constantFrom('none' as const, 'linear' as const, 'sqrt' as const),
    depth: positiveDecimal(1_000_000_000),
    halfLifeSteps: above(0, 100_000),
    thinning: real(0, 1000),
    permanentShare: real(0, 1),
  }),
  markImpactWeight: real(0, 1),
  slice: fc.option(
    fc.record({ minNotional: decimal(0, 1_000_000), fraction: above(0, 1), cooldownSteps: fc.integer({ min: 0, max: 100 }) }),
    { nil: null },
  ),
});

const insuranceFundArb: fc.Arbitrary<RiskParams['insuranceFund']> = fc
  .record({ initial: fc.integer({ min: 0, max: 1_000_000 }), capExtra: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }) })
  .chain(({ initial, capExtra }) =>
    fc.record({
      initial: fc.constant(String(initial)),
      feeInflowPerStep: decimal(0, 1000),
      cap: fc.constant(capExtra === null ? null : String(initial + capExtra)),
      maxDrawPerStep: fc.option(positiveDecimal(1_000_000), { nil: null }),
    }),
  );

const lossMechanismArb: fc.Arbitrary<RiskParams['lossMechanism']> = fc.constantFrom(
  withLossMechanismDefaults({ kind: 'socialize' }),
  { kind: 'socialize' as const, base: 'open-interest' as const },
  withLossMechanismDefaults({ kind: 'adl', ranking: 'pnl-leverage' }),
  withLossMechanismDefaults({ kind: 'adl', ranking: 'random' }),
  { kind: 'adl' as const, ranking: 'hyperliquid' as const, size: 'full' as const, closePrice: 'mark' as const, trigger: { kind: 'fund-drawdown' as const, share: 0.3, windowSteps: 480 } },
  withLossMechanismDefaults({ kind: 'backstop' }),
  { kind: 'backstop' as const, takeoverEquityShare: 0.5, unwindSteps: 15 },
  withLossMechanismDefaults({ kind: 'bad-debt' }),
);

/** Each section either stays at its default or is drawn at random; the result is normalised by validateParams. */
const maybe = <T>(value: T, arb: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof(fc.constant(value), arb);
const D = defaultParams();
const paramsArb: fc.Arbitrary<RiskParams> = fc
  .record({
    marketAndScenario: maybe({ market: D.market, scenario: D.scenario }, marketAndScenarioArb),
    population: maybe(D.population, populationArb),
    margin: maybe(D.margin, marginArb),
    liquidation: maybe(D.liquidation, liquidationArb),
    insuranceFund: maybe(D.insuranceFund, insuranceFundArb),
    lossMechanism: maybe(D.lossMechanism, lossMechanismArb),
  })
  .map(({ marketAndScenario, ...rest }) => validateParams({ version: 1, ...marketAndScenario, ...rest }))
  .filter((result) => result.ok)
  .map((result) => (result.ok ? result.params : defaultParams()));

const SWEEPABLE = ['margin.maintenanceMarginRatio', 'margin.initialMarginRatio', 'liquidation.penaltyRatio', 'insuranceFund.initial', 'market.steps', 'market.initialPrice'];
const sweepArb: fc.Arbitrary<SweepSpec> = fc.record({
  param: fc.constantFrom(...SWEEPABLE),
  from: real(-1e6, 1e6),
  to: real(-1e6, 1e6),
  points: fc.integer({ min: 2, max: 100 }),
});
const viewArb = (paths: number): fc.Arbitrary<ViewState> =>
  fc.record({
    tab: fc.constantFrom(...VIEW_TABS),
    logHistogram: fc.boolean(),
    pathIndex: fc.integer({ min: 0, max: paths - 1 }),
    sweep: fc.option(sweepArb, { nil: null }),
  });

const S = defaultShareState();
const shareStateArb: fc.Arbitrary<ShareState> = fc
  .record({
    params: maybe(S.params, paramsArb),
    run: maybe(S.run, fc.record({ paths: fc.integer({ min: 1, max: 100_000 }), seed: fc.maxSafeNat() })),
    baseline: fc.oneof(fc.constant(null), fc.constant(defaultParams()), paramsArb),
  })
  .chain((s) => maybe(S.view, viewArb(s.run.paths)).map((view) => ({ ...s, view })))
  // fc.record may build null-prototype objects; a decoded state is plain JSON objects.
  .map((s) => JSON.parse(JSON.stringify(s)) as ShareState);

// ---- checks ---------------------------------------------------------------------------------------------

/** A decode result keeps its contract: defaults on failure, a valid state on success, no internal error. */
function expectWellFormed(result: DecodeResult): void {
  if (result.ok) {
    expect(validateShareState(JSON.parse(JSON.stringify(result.state)))).toStrictEqual({ ok: true, state: result.state });
  } else {
    expect(result.state).toStrictEqual(defaultShareState());
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(typeof problem).toBe('string');
      expect(problem.length).toBeGreaterThan(0);
      expect(problem).not.toContain(INTERNAL_ERROR);
    }
  }
}

describe('decode(encode(s)) = s', () => {
  it('for valid states made by perturbing the defaults', () => {
    fc.assert(
      fc.property(shareStateArb, (state) => {
        const link = encodeShareState(state);
        expect(link).toMatch(/^v=2&s=[A-Za-z0-9_-]+&c=[0-9a-f]{12}$/);
        expect(decodeShareState(`#${link}`)).toStrictEqual({ ok: true, state, notes: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('and the generator reaches every kind and option', () => {
    const seen = new Set<string>();
    fc.sample(shareStateArb, { numRuns: 400, seed: 1 }).forEach((s) => {
      seen.add(`scenario:${s.params.scenario.kind}`).add(`population:${s.params.population.kind}`).add(`loss:${s.params.lossMechanism.kind}`);
      seen.add(`baseline:${s.baseline === null ? 'none' : 'some'}`).add(`sweep:${s.view.sweep === null ? 'none' : 'some'}`);
    });
    for (const kind of ['gbm', 'jump', 'crash', 'replay']) expect(seen).toContain(`scenario:${kind}`);
    for (const kind of ['generated', 'explicit']) expect(seen).toContain(`population:${kind}`);
    for (const kind of ['socialize', 'adl', 'backstop', 'bad-debt']) expect(seen).toContain(`loss:${kind}`);
    for (const v of ['baseline:none', 'baseline:some', 'sweep:none', 'sweep:some']) expect(seen).toContain(v);
  });
});

describe('decodeShareState never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (hash) => expectWellFormed(decodeShareState(hash))), { numRuns: 1000 });
  });

  it('on arbitrary strings after a valid-looking envelope', () => {
    const tail = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=&%#'.split('')), maxLength: 200 });
    fc.assert(fc.property(fc.constantFrom('v=1&s=', 'v=1&', 's=', 'v=0&s=', '#v=1&s='), tail, (head, rest) => expectWellFormed(decodeShareState(head + rest))), { numRuns: 1000 });
  });

  it('on arbitrary bytes, base64url encoded', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => expectWellFormed(decodeShareState(`v=1&s=${encodeBase64url(bytes)}`))), { numRuns: 1000 });
  });

  it('on arbitrary JSON, compressed in a valid envelope', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expectWellFormed(decodeShareState(`v=1&s=${pack(JSON.stringify(value))}`))), { numRuns: 500 });
  });

  it('on arbitrary JS values serialised as JSON', () => {
    const text = fc.anything({ withObjectString: true, withNullPrototype: true }).map((v) => JSON.stringify(v)).filter((t): t is string => typeof t === 'string');
    fc.assert(fc.property(text, (t) => expectWellFormed(decodeShareState(`v=1&s=${pack(t)}`))), { numRuns: 500 });
  });

  it('on valid states with one value anywhere replaced by arbitrary JSON', () => {
    const pathsOf = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
      typeof value !== 'object' || value === null
        ? []
        : Object.entries(value).flatMap(([k, v]) => {
            const path = [...prefix, Array.isArray(value) ? Number(k) : k];
            return [path, ...pathsOf(v, path)];
          });
    const arb = shareStateArb.chain((state) => fc.tuple(fc.constant(state), fc.constantFrom(...pathsOf(state)), fc.jsonValue({ maxDepth: 3 })));
    fc.assert(
      fc.property(arb, ([state, path, value]) => {
        const doc = JSON.parse(JSON.stringify(state)) as Record<string | number, unknown>;
        let node = doc;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        node[path[path.length - 1]!] = value;
        const patch = diffJson(V1_BASE as Json, doc as Json) ?? {};
        expectWellFormed(decodeShareState(`v=1&s=${pack(JSON.stringify(patch))}`));
      }),
      { numRuns: 300 },
    );
  });

  it('on valid links with characters changed, inserted, deleted or cut off', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(), char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), char: fc.constant('') }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), char: fc.constant('') }),
    );
    fc.assert(
      fc.property(shareStateArb, fc.array(edit, { minLength: 1, maxLength: 3 }), (state, edits) => {
        let link = encodeShareState(state);
        for (const e of edits) {
          const at = e.at % (link.length + 1);
          if (e.kind === 'set') link = link.slice(0, at) + e.char + link.slice(at + 1);
          else if (e.kind === 'insert') link = link.slice(0, at) + e.char + link.slice(at);
          else if (e.kind === 'delete') link = link.slice(0, at) + link.slice(at + 1);
          else link = link.slice(0, at);
        }
        expectWellFormed(decodeShareState(link));
      }),
      { numRuns: 500 },
    );
  });
});
