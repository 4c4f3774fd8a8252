import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UNITS_PER_QUOTE } from '../money/money';
import type { GeneratedPopulation, MarginParams, RiskParams } from '../params/riskParams';
import { formatProblems, validateParams } from '../params/validateParams';
import { buildPopulation } from './buildPopulation';
import type { Population } from './population';
import { tierRatiosFor } from './tierRatios';
// Written against the pre-preset defaults (100-quote market, no tiers, socialize), set explicitly since the defaults became btc-binance.
import { legacyDefaultParams } from '../params/defaults';

const P0 = 100;

/** Default params with a generated population changed as given (validated, so every case is a legal file). */
function generated(overrides: Partial<GeneratedPopulation> = {}, margin?: MarginParams, openInterest?: string): RiskParams {
  const params = legacyDefaultParams();
  params.population = { ...(params.population as GeneratedPopulation), accounts: 2000, ...overrides };
  if (openInterest !== undefined) (params.population as GeneratedPopulation).openInterest = openInterest;
  if (margin) params.margin = margin;
  const result = validateParams(params);
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result.params;
}

const TIERED: MarginParams = {
  initialMarginRatio: 0.1,
  maintenanceMarginRatio: 0.05,
  tiers: [
    { notionalFloor: '20000', maintenanceMarginRatio: 0.1, initialMarginRatio: 0.2 },
    { notionalFloor: '200000', maintenanceMarginRatio: 0.25, initialMarginRatio: 0.5 },
  ],
};

const notionalOf = (pop: Population, i: number) => (pop.sizeBase[i] as number) * P0;
const equityAtP0 = (pop: Population, i: number) =>
  (pop.collateralUnits[i] as number) / UNITS_PER_QUOTE + (pop.side[i] as number) * (pop.sizeBase[i] as number) * (P0 - (pop.entryPrice[i] as number));

function sideNotionals(pop: Population, from = 0, to = pop.count): { long: number; short: number } {
  let long = 0;
  let short = 0;
  for (let i = from; i < to; i++) {
    if (pop.side[i] === 1) long += notionalOf(pop, i);
    else short += notionalOf(pop, i);
  }
  return { long, short };
}

function topShare(pop: Population, fraction: number): number {
  const notionals = Array.from({ length: pop.count }, (_, i) => notionalOf(pop, i)).sort((a, b) => b - a);
  const top = notionals.slice(0, Math.ceil(pop.count * fraction)).reduce((a, b) => a + b, 0);
  return top / notionals.reduce((a, b) => a + b, 0);
}

/** A spread of legal worlds: default, skewed either way, even, whales, tiers, wide entries, tiny and one-account. */
const WORLDS: [string, RiskParams][] = [
  ['defaults', generated()],
  ['mostly short', generated({ longShare: 0.2 })],
  ['even split', generated({ longShare: 0.5 })],
  ['heavy whales', generated({ paretoAlpha: 1.05, leverageMedian: 30, leverageSigma: 2 })],
  ['tiers', generated({ leverageMedian: 50, leverageSigma: 1 }, TIERED)],
  ['wide entries', generated({ entrySpread: 1, leverageMedian: 8 })],
  ['dust open interest', generated({ accounts: 300 }, undefined, '0.000001')],
  ['one trader', generated({ accounts: 1, longShare: 0.3 })],
  ['two traders', generated({ accounts: 2, longShare: 0.9 })],
  ['narrow margin band', generated({ leverageMedian: 100 }, { initialMarginRatio: 0.05, maintenanceMarginRatio: 0.0499999, tiers: [] })],
  // Cents of notional in a band of 1e-7: rounding collateral down alone would leave accounts liquidatable.
  ['dust in a narrow band', generated({ accounts: 300, leverageMedian: 100, entrySpread: 0.5 }, { initialMarginRatio: 0.05, maintenanceMarginRatio: 0.0499999, tiers: [] }, '0.5')],
];

describe('buildPopulation (generated)', () => {
  it('is a pure function of params and seed', () => {
    const params = generated();
    expect(buildPopulation(params, 7)).toEqual(buildPopulation(params, 7));
    expect(buildPopulation(params, 7).sizeBase).not.toEqual(buildPopulation(params, 8).sizeBase);
  });

  it('balances: long notional = short notional = openInterest at p0 (1e-6 relative), for random worlds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 1.05, max: 10, noNaN: true }),
        fc.nat(1000),
        (accounts, longShare, paretoAlpha, seed) => {
          const params = generated({ accounts, longShare, paretoAlpha });
          const pop = buildPopulation(params, seed);
          const oi = Number((params.population as GeneratedPopulation).openInterest);
          const { long, short } = sideNotionals(pop);
          expect(Math.abs(long - oi) / oi).toBeLessThan(1e-6);
          expect(Math.abs(short - oi) / oi).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each(WORLDS)('%s: balanced, every account opened within its tier and not liquidatable at p0', (_name, params) => {
    const pop = buildPopulation(params, 3);
    const oi = Number((params.population as GeneratedPopulation).openInterest);
    const { long, short } = sideNotionals(pop);
    expect(Math.abs(long - oi) / oi).toBeLessThan(1e-6);
    expect(Math.abs(short - oi) / oi).toBeLessThan(1e-6);
    const ratiosAt = tierRatiosFor(params.margin);
    for (let i = 0; i < pop.count; i++) {
      const notional = notionalOf(pop, i);
      const equity = equityAtP0(pop, i);
      const { initialMarginRatio, maintenanceMarginRatio } = ratiosAt(notional);
      expect(Number.isSafeInteger(pop.collateralUnits[i])).toBe(true);
      expect(pop.collateralUnits[i]).toBeGreaterThan(0);
      expect(Number.isFinite(pop.entryPrice[i]) && (pop.entryPrice[i] as number) > 0).toBe(true);
      expect(notional).toBeGreaterThan(0);
      // Not liquidatable: equity ≥ maintenance requirement.
      expect(equity).toBeGreaterThanOrEqual(maintenanceMarginRatio * notional);
      // Leverage notional / equity ≤ 1 / IMR of the tier, up to the one money unit collateral is rounded down by.
      expect(equity).toBeGreaterThanOrEqual(initialMarginRatio * notional * (1 - 1e-12) - 1 / UNITS_PER_QUOTE);
    }
  });

  it('caps leverage by the tier of the position, and each tier\'s cap binds', () => {
    const params = WORLDS.find(([name]) => name === 'tiers')?.[1] as RiskParams;
    const pop = buildPopulation(params, 3);
    const tierOf = (notional: number) => (notional >= 200_000 ? 2 : notional >= 20_000 ? 1 : 0);
    const caps = [10, 5, 2];
    const atCap = [0, 0, 0];
    for (let i = 0; i < pop.count; i++) {
      if (i === pop.marketMakerIndex) continue;
      const tier = tierOf(notionalOf(pop, i));
      const leverage = notionalOf(pop, i) / equityAtP0(pop, i);
      expect(leverage).toBeLessThanOrEqual((caps[tier] as number) * (1 + 1e-6));
      if (Math.abs(leverage - (caps[tier] as number)) < 1e-3) atCap[tier] = (atCap[tier] as number) + 1;
    }
    // With median leverage 50, traders of every tier reach that tier's cap (not a lower one).
    for (const count of atCap) expect(count).toBeGreaterThan(10);
  });

  it('splits trader notional by longShare and gives the residual to one market maker on the smaller side', () => {
    const params = generated({ accounts: 1000, longShare: 0.8, marketMakerLeverage: 3 });
    const pop = buildPopulation(params, 11);
    expect(pop.count).toBe(1001);
    expect(pop.marketMakerIndex).toBe(1000);
    expect(pop.ids[1000]).toBe('mm');
    expect(pop.ids.slice(0, 3)).toEqual(['t1', 't2', 't3']);
    expect(pop.side[1000]).toBe(-1);
    expect(pop.entryPrice[1000]).toBe(P0);
    expect(notionalOf(pop, 1000) / equityAtP0(pop, 1000)).toBeCloseTo(3, 6);
    let longTraders = 0;
    for (let i = 0; i < 1000; i++) if (pop.side[i] === 1) longTraders++;
    expect(longTraders).toBe(800);
    const traders = sideNotionals(pop, 0, 1000);
    expect(traders.long).toBeCloseTo(50_000_000, 3);
    expect(traders.short / traders.long).toBeCloseTo(0.2 / 0.8, 9);
  });

  it('has no market maker when the sides already balance', () => {
    const pop = buildPopulation(generated({ accounts: 1000, longShare: 0.5 }), 1);
    expect(pop.marketMakerIndex).toBe(-1);
    expect(pop.count).toBe(1000);
    expect(pop.ids).not.toContain('mm');
  });

  it('one trader is long with the whole open interest, against the market maker', () => {
    const pop = buildPopulation(generated({ accounts: 1, longShare: 0.3 }), 1);
    expect(pop.ids).toEqual(['t1', 'mm']);
    expect(Array.from(pop.side)).toEqual([1, -1]);
    expect(notionalOf(pop, 0)).toBeCloseTo(50_000_000, 3);
  });

  it('keeps every trader opening a position at p0 when entries cannot be spread (entrySpread 0)', () => {
    const pop = buildPopulation(generated({ entrySpread: 0 }), 5);
    expect(Array.from(pop.entryPrice).every((e) => e === P0)).toBe(true);
  });

  it('moves an entry to p0 only when the spread entry would leave the account liquidatable or without collateral', () => {
    const pop = buildPopulation(generated({ entrySpread: 1, leverageMedian: 8 }), 3);
    let moved = 0;
    for (let i = 0; i < pop.count; i++) if (pop.entryPrice[i] === P0 && i !== pop.marketMakerIndex) moved++;
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(pop.count * 0.9);
  });

  it('draws leverage log-normally around leverageMedian, at least 1', () => {
    const margin: MarginParams = { initialMarginRatio: 0.01, maintenanceMarginRatio: 0.005, tiers: [] };
    const pop = buildPopulation(generated({ accounts: 10_000, leverageMedian: 4, leverageSigma: 0.7, longShare: 0.5 }, margin), 6);
    const logs = Array.from({ length: pop.count }, (_, i) => Math.log(notionalOf(pop, i) / equityAtP0(pop, i))).sort((a, b) => a - b);
    expect(Math.exp(logs[Math.floor(logs.length / 2)] as number)).toBeCloseTo(4, 0);
    expect(Math.abs(Math.exp(logs[Math.floor(logs.length / 2)] as number) / 4 - 1)).toBeLessThan(0.05);
    expect(logs[0]).toBeGreaterThanOrEqual(-1e-9);
    const inner = logs.filter((x) => x > 1e-9);
    const mean = inner.reduce((a, x) => a + x, 0) / inner.length;
    const sd = Math.sqrt(inner.reduce((a, x) => a + (x - mean) ** 2, 0) / inner.length);
    expect(sd).toBeGreaterThan(0.6);
    expect(sd).toBeLessThan(0.75);
  });

  it('spreads entries log-normally around p0, clamped at 3 standard deviations', () => {
    const spread = 0.5;
    const pop = buildPopulation(generated({ accounts: 10_000, entrySpread: spread }), 4);
    const logs = Array.from(pop.entryPrice, (e) => Math.log(e / P0));
    for (const x of logs) expect(Math.abs(x)).toBeLessThanOrEqual(3 * spread * (1 + 1e-12));
    // Clamping bites: some entries sit exactly at the clamp.
    expect(logs.filter((x) => Math.abs(Math.abs(x) - 3 * spread) < 1e-9).length).toBeGreaterThan(0);
    const kept = logs.filter((x) => x !== 0);
    const sd = Math.sqrt(kept.reduce((a, x) => a + x * x, 0) / kept.length);
    expect(sd).toBeGreaterThan(spread * 0.85);
    expect(sd).toBeLessThan(spread * 1.1);
  });

  it('sizes follow the Pareto tail: the top 1 % share grows as alpha falls', () => {
    const share = (paretoAlpha: number) => topShare(buildPopulation(generated({ accounts: 20_000, paretoAlpha, longShare: 0.5 }), 1), 0.01);
    const [heavy, mid, light] = [share(1.1), share(1.6), share(3)];
    expect(heavy).toBeGreaterThan(mid);
    expect(mid).toBeGreaterThan(light);
    // Pareto theory: top-p share = p^(1 − 1/alpha): 0.178 at alpha 1.6, 0.046 at alpha 3.
    expect(mid).toBeGreaterThan(0.12);
    expect(mid).toBeLessThan(0.26);
    expect(light).toBeLessThan(0.07);
  });

  it('does not change its output (noreg): these numbers are in every shared link', () => {
    const pop = buildPopulation(generated({ accounts: 3 }), 1);
    expect({
      ids: pop.ids,
      side: Array.from(pop.side),
      sizeBase: Array.from(pop.sizeBase, (x) => Number(x.toPrecision(12))),
      entryPrice: Array.from(pop.entryPrice, (x) => Number(x.toPrecision(12))),
      collateralUnits: Array.from(pop.collateralUnits),
      sizeDecile: Array.from(pop.sizeDecile),
    }).toMatchInlineSnapshot(`
      {
        "collateralUnits": [
          7126615030277,
          7563831182842,
          4311408925688,
          4545454545454,
        ],
        "entryPrice": [
          106.709052267,
          100.460535917,
          99.7195574899,
          100,
        ],
        "ids": [
          "t1",
          "t2",
          "t3",
          "mm",
        ],
        "side": [
          -1,
          1,
          1,
          -1,
        ],
        "sizeBase": [
          409090.909091,
          290685.167484,
          209314.832516,
          90909.0909091,
        ],
        "sizeDecile": [
          7,
          5,
          2,
          0,
        ],
      }
    `);
  });
});

describe('size deciles', () => {
  it.each([[1], [7], [10], [2001], [10_000]])('are balanced and ordered by notional with %i traders', (accounts) => {
    const pop = buildPopulation(generated({ accounts }), 2);
    const counts = new Array<number>(10).fill(0);
    for (const d of pop.sizeDecile) counts[d] = (counts[d] as number) + 1;
    const used = counts.filter((c) => c > 0);
    expect(Math.max(...used) - Math.min(...used)).toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(pop.count);
    for (let i = 0; i < pop.count; i++) {
      for (let j = 0; j < pop.count && pop.count <= 2001; j++) {
        if ((pop.sizeDecile[i] as number) < (pop.sizeDecile[j] as number)) expect(notionalOf(pop, i)).toBeLessThanOrEqual(notionalOf(pop, j));
      }
    }
  });

  it('match a rank-by-sort reference, ties broken by index', () => {
    const accountsArb = fc.array(
      fc.record({ size: fc.constantFrom('1', '2', '2', '3', '5', '8', '13', '0.5'), side: fc.constantFrom('long' as const, 'short' as const) }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(accountsArb, (rows) => {
        const params = legacyDefaultParams();
        params.population = { kind: 'explicit', accounts: rows.map((r, i) => ({ id: `a${i}`, side: r.side, size: r.size, entryPrice: '100', collateral: '10' })) };
        const pop = buildPopulation(params, 1);
        const order = rows.map((r, i) => ({ n: Number(r.size), i })).sort((a, b) => a.n - b.n || a.i - b.i);
        const expected = new Array<number>(rows.length);
        order.forEach(({ i }, rank) => {
          expected[i] = Math.floor((rank * 10) / rows.length);
        });
        expect(Array.from(pop.sizeDecile)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('buildPopulation (explicit)', () => {
  it('takes the accounts as given: float sizes and entries, collateral in money units toward zero, no market maker', () => {
    const params = legacyDefaultParams();
    params.population = {
      kind: 'explicit',
      accounts: [
        { id: 'whale', side: 'long', size: '1000.5', entryPrice: '99.25', collateral: '-5.5' },
        { id: 'minnow', side: 'short', size: '0.1', entryPrice: '101', collateral: '0.0000019' },
        { id: 'x', side: 'short', size: '3', entryPrice: '100', collateral: '-0.0000019' },
      ],
    };
    const pop = buildPopulation(params, 1);
    expect(pop).toEqual({
      count: 3,
      ids: ['whale', 'minnow', 'x'],
      side: Int8Array.from([1, -1, -1]),
      sizeBase: Float64Array.from([1000.5, 0.1, 3]),
      entryPrice: Float64Array.from([99.25, 101, 100]),
      collateralUnits: Float64Array.from([-5_500_000, 1, -1]),
      marketMakerIndex: -1,
      sizeDecile: Uint8Array.from([6, 0, 3]),
    });
  });

  it('is the same whatever the seed', () => {
    const params = legacyDefaultParams();
    params.population = { kind: 'explicit', accounts: [{ id: 'a', side: 'long', size: '1', entryPrice: '100', collateral: '10' }] };
    expect(buildPopulation(params, 1)).toEqual(buildPopulation(params, 99));
  });
});

describe('buildPopulation refuses garbage with an Error naming the field', () => {
  const explicitWith = (account: Record<string, string>) => {
    const params = legacyDefaultParams();
    params.population = { kind: 'explicit', accounts: [{ id: 'a', side: 'long', size: '1', entryPrice: '100', collateral: '10', ...account } as never] };
    return params;
  };
  const generatedWith = (overrides: Record<string, unknown>) => {
    const params = legacyDefaultParams();
    params.population = { ...(params.population as GeneratedPopulation), ...overrides } as GeneratedPopulation;
    return params;
  };
  it.each<[string, RiskParams, number, RegExp]>([
    ['negative seed', legacyDefaultParams(), -1, /seed/],
    ['fractional seed', legacyDefaultParams(), 1.5, /seed/],
    ['NaN accounts', generatedWith({ accounts: Number.NaN }), 1, /population\.accounts/],
    ['garbage open interest', generatedWith({ openInterest: 'lots' }), 1, /population\.openInterest/],
    ['longShare 1', generatedWith({ longShare: 1 }), 1, /population\.longShare/],
    ['paretoAlpha NaN', generatedWith({ paretoAlpha: Number.NaN }), 1, /population\.paretoAlpha/],
    ['initial margin 0', { ...generatedWith({}), margin: { initialMarginRatio: 0, maintenanceMarginRatio: 0, tiers: [] } }, 1, /margin\.initialMarginRatio/],
    ['garbage initial price', { ...legacyDefaultParams(), market: { initialPrice: 'abc', steps: 10, stepSeconds: 60 } }, 1, /market\.initialPrice/],
    ['explicit size garbage', explicitWith({ size: 'abc' }), 1, /population\.accounts\[0\]\.size/],
    ['explicit entry zero', explicitWith({ entryPrice: '0' }), 1, /population\.accounts\[0\]\.entryPrice/],
    ['explicit collateral garbage', explicitWith({ collateral: 'x' }), 1, /population\.accounts\[0\]\.collateral/],
    ['explicit side garbage', explicitWith({ side: 'buy' }), 1, /population\.accounts\[0\]\.side/],
  ])('%s', (_name, params, seed, field) => {
    expect(() => buildPopulation(params, seed)).toThrow(field);
  });
});
